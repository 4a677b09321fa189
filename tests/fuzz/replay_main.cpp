// Runs a fuzz target without libFuzzer, in any build: each input file (or
// every file of each directory) once, as libFuzzer would. The fuzzers' seed
// corpora and the inputs that once crashed or hung them
// (tests/fuzz/regressions/TARGET/) are replayed this way by ctest. An input
// that takes longer than --max-seconds (default 5, libFuzzer's -timeout of
// the fuzzing runs) fails as a hang would.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "common/read_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Inputs(const std::vector<std::string>& args) {
  std::vector<fs::path> inputs;
  for (const std::string& a : args) {
    if (fs::is_directory(a)) {
      for (const fs::directory_entry& e : fs::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) {
          inputs.push_back(e.path());
        }
      }
    } else {
      inputs.emplace_back(a);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  double max_seconds = 5;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--max-seconds" && i + 1 < argc) {
      max_seconds = std::stod(argv[++i]);
    } else {
      args.push_back(a);
    }
  }
  int slow = 0;
  std::vector<fs::path> inputs = Inputs(args);
  for (const fs::path& input : inputs) {
    std::string bytes;
    if (std::string failure = s75::ReadWholeFile(input.string(), bytes); !failure.empty()) {
      std::fprintf(stderr, "%s: %s\n", input.c_str(), failure.c_str());
      return 2;
    }
    auto start = std::chrono::steady_clock::now();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() > max_seconds) {
      std::fprintf(stderr, "%s: took %.1f s, over %.1f s\n", input.c_str(), took.count(),
                   max_seconds);
      ++slow;
    }
  }
  std::printf("replayed %zu inputs, %d over %.1f s\n", inputs.size(), slow, max_seconds);
  return slow == 0 && !inputs.empty() ? 0 : 1;
}

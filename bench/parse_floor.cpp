// parse_floor: the fastest that any yaml-cpp based checker can go.
//
// For each file: read it into memory, then run yaml-cpp's event parser with a
// handler whose every callback does nothing. No tree is built and no rule runs,
// so the time per file is a floor for `s75check check`, which must at least read
// and parse each agreement. Reading is inside the timed region because s75check
// reads its files itself; the read share is also reported on its own.
//
//   parse_floor [--loadfile] [--repeat N] PATH...
//
// A directory is searched recursively for *.yaml / *.yml (hidden entries
// skipped, as s75check does); a file named on the command line is always taken.
// --loadfile builds a YAML::Node tree with YAML::Load on the same bytes instead,
// for comparison. --repeat N times N passes over the files and reports the
// fastest (the files are read again in every pass).
//
// Exit status: 0, or 1 if some file failed to read or parse, or 2 on bad usage.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Receives every parser event and ignores it.
class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

struct Options {
  bool load_tree = false;
  int repeat = 1;
  std::vector<std::string> paths;
};

struct PassResult {
  double total_s = 0;  // read + parse
  double read_s = 0;   // read only
  std::size_t bytes = 0;
  std::size_t failures = 0;
};

bool IsYamlName(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool IsHidden(const fs::path& p) {
  const auto name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Files named directly, plus *.yaml / *.yml found under directories, sorted.
std::vector<fs::path> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& arg : paths) {
    const fs::path root(arg);
    if (!fs::is_directory(root)) {
      files.push_back(root);
      continue;
    }
    fs::recursive_directory_iterator it(root), end;
    for (; it != end; ++it) {
      if (IsHidden(it->path())) {
        if (it->is_directory()) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file() && IsYamlName(it->path())) {
        files.push_back(it->path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool ReadFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return !in.bad();
}

// Parses the bytes; returns false (after saying why) if yaml-cpp rejects them.
bool Parse(const fs::path& path, const std::string& bytes, bool load_tree) {
  std::istringstream stream(bytes);
  try {
    if (load_tree) {
      const YAML::Node doc = YAML::Load(stream);
      return doc.IsDefined();
    }
    NullHandler handler;
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
    return true;
  } catch (const YAML::Exception& e) {
    std::cerr << path.string() << ": " << e.what() << "\n";
    return false;
  }
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

PassResult RunPass(const std::vector<fs::path>& files, bool load_tree) {
  PassResult r;
  std::string bytes;
  const auto start = Clock::now();
  for (const auto& path : files) {
    const auto read_start = Clock::now();
    const bool read_ok = ReadFile(path, bytes);
    r.read_s += Seconds(Clock::now() - read_start);
    if (!read_ok) {
      std::cerr << path.string() << ": cannot read\n";
      ++r.failures;
      continue;
    }
    r.bytes += bytes.size();
    if (!Parse(path, bytes, load_tree)) {
      ++r.failures;
    }
  }
  r.total_s = Seconds(Clock::now() - start);
  return r;
}

void Usage(std::FILE* to) {
  std::fputs(
      "usage: parse_floor [--loadfile] [--repeat N] PATH...\n"
      "  Reads and parses each YAML file (directories searched recursively for\n"
      "  *.yaml/*.yml) with yaml-cpp's event parser and a no-op handler, and reports\n"
      "  files, total seconds, ms per file and files per second.\n"
      "  --loadfile  build a node tree with YAML::Load instead (for comparison)\n"
      "  --repeat N  time N passes and report the fastest (default 1)\n",
      to);
}

// Returns false on bad usage.
bool ParseArgs(int argc, char** argv, Options& opt) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--loadfile") {
      opt.load_tree = true;
    } else if (arg == "--repeat" && i + 1 < argc) {
      opt.repeat = std::atoi(argv[++i]);
      if (opt.repeat < 1) {
        return false;
      }
    } else if (arg == "-h" || arg == "--help") {
      Usage(stdout);
      std::exit(0);
    } else if (arg.starts_with("-")) {
      return false;
    } else {
      opt.paths.emplace_back(arg);
    }
  }
  return !opt.paths.empty();
}

void Report(const Options& opt, std::size_t files, const PassResult& best) {
  const double n = static_cast<double>(files);
  const double mb = static_cast<double>(best.bytes) / 1e6;
  std::printf("mode: %s\n", opt.load_tree ? "YAML::Load (node tree)"
                                          : "event-parser floor (YAML::Parser, no-op handler)");
  std::printf("files: %zu (%.1f MB, %.1f KB per file)\n", files, mb, 1e3 * mb / n);
  if (opt.repeat > 1) {
    std::printf("passes: %d (fastest reported)\n", opt.repeat);
  }
  std::printf("total seconds: %.4f (read %.4f, parse %.4f)\n", best.total_s, best.read_s,
              best.total_s - best.read_s);
  std::printf("ms per file: %.4f\n", best.total_s * 1e3 / n);
  std::printf("files per second: %.0f\n", n / best.total_s);
  std::printf("MB per second: %.1f\n", mb / best.total_s);
  if (best.failures != 0) {
    std::printf("failures: %zu\n", best.failures);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, opt)) {
    Usage(stderr);
    return 2;
  }
  std::vector<fs::path> files;
  try {
    files = CollectFiles(opt.paths);
  } catch (const fs::filesystem_error& e) {
    std::fprintf(stderr, "parse_floor: %s\n", e.what());
    return 2;
  }
  if (files.empty()) {
    std::fprintf(stderr, "parse_floor: no .yaml or .yml files found\n");
    return 2;
  }
  PassResult best;
  for (int pass = 0; pass < opt.repeat; ++pass) {
    const PassResult r = RunPass(files, opt.load_tree);
    if (pass == 0 || r.total_s < best.total_s) {
      best = r;
    }
  }
  Report(opt, files.size(), best);
  return best.failures != 0 ? 1 : 0;
}

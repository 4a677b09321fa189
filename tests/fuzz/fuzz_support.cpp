#include "fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "common/read_file.h"

namespace s75::fuzz {

void Require(bool holds, std::string_view promise) {
  if (!holds) {
    std::fprintf(stderr, "fuzz: broken promise: %.*s\n", static_cast<int>(promise.size()),
                 promise.data());
    std::abort();
  }
}

void RequireLocated(const std::vector<Finding>& findings, std::string_view text) {
  // YAML ends a line at \n, \r\n or a lone \r.
  const long lines =
      std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r') + 1;
  for (const Finding& f : findings) {
    Require(!f.rule.empty() && !f.message.empty(), "every finding has a rule and a message");
    Require(f.range.line >= 0 && f.range.line <= lines && f.range.column >= 0,
            "every finding's line is in the file (or 0, for the whole file)");
  }
}

std::string SourceFile(const std::string& relative) {
  std::string text;
  std::string failure = ReadWholeFile(std::string(S75_SOURCE_DIR) + "/" + relative, text);
  Require(failure.empty(), "the fuzz target's fixed inputs are in the source tree");
  return text;
}

Date FuzzAsOf() { return *Date::Parse("2026-11-22"); }

}  // namespace s75::fuzz

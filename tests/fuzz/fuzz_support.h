// What the fuzz targets share: the input as text, the invariants they assert,
// and the fixed inputs they read from the source tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/finding.h"

namespace s75::fuzz {

// The fuzzer's bytes as text.
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run as a crash, saying which promise was broken, when `holds` is false.
void Require(bool holds, std::string_view promise);

// Requires of `findings` on `text` what every reporter relies on: a rule id,
// a message, and a line within the text (0 for the whole file).
void RequireLocated(const std::vector<Finding>& findings, std::string_view text);

// The text of a file below the source tree (S75_SOURCE_DIR); aborts if it is missing.
std::string SourceFile(const std::string& relative);

// The as-of date every target evaluates on, so that runs are reproducible.
Date FuzzAsOf();

}  // namespace s75::fuzz

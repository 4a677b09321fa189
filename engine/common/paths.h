// File paths as the tool compares them: relative to a chosen directory,
// lexically normalised, with forward slashes.
#pragma once

#include <filesystem>
#include <string>

namespace s75 {

// `file` (relative to the current directory, or absolute) made relative to
// the absolute directory `base`, lexically (no symbolic links followed), with
// forward slashes: "agreements/x.yaml", "../other/y.yaml". `./a/../b.yaml`
// and `b.yaml` give the same result.
std::string RelativePath(const std::filesystem::path& file, const std::filesystem::path& base);

// `dir` made absolute against the current directory and lexically normalised,
// without a trailing separator.
std::filesystem::path AbsoluteDirectory(const std::filesystem::path& dir);

}  // namespace s75

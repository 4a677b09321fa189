// Leaving files out of a check: path globs from `exclude` in .s75check.yaml
// or --exclude, applied to files found in directories and files named
// explicitly alike (pre-commit names every staged YAML file).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace s75 {

// True when the relative path `path` (segments separated by `/`) matches the
// glob `pattern` as a whole: `*`, `?` and `[...]` match within one segment
// (fnmatch(3), a leading dot included), and a `**` segment matches any number
// of whole segments, none included.
bool GlobMatch(std::string_view pattern, std::string_view path);

// A set of exclusion globs, matched against paths relative to a directory:
// a pattern with no `/` matches a file or directory name at any depth, one
// with a `/` (or a leading `/`, which anchors it) matches from the directory;
// a leading `./` and a trailing `/` are dropped. A file is excluded when it or
// a directory above it matches.
class PathExclusion {
 public:
  // Excludes nothing.
  PathExclusion() = default;
  // `globs` relative to the directory `base` (made absolute here).
  PathExclusion(const std::filesystem::path& base, const std::vector<std::string>& globs);

  // True when `file` (relative to the current directory, or absolute) is
  // excluded. Files outside `base` never are.
  bool Excludes(const std::string& file) const;

 private:
  std::filesystem::path base_;
  std::vector<std::string> globs_;  // normalised as described above
};

}  // namespace s75

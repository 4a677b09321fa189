#include "driver/exclude.h"

#include <fnmatch.h>

#include <algorithm>

#include "common/paths.h"

namespace s75 {

namespace {

// The non-empty segments of `path`, split at `/`.
std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = std::min(path.find('/', start), path.size());
    if (end > start) {
      out.emplace_back(path.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

// The pattern as matched against whole relative paths (see PathExclusion).
std::string NormalGlob(std::string pattern) {
  while (pattern.rfind("./", 0) == 0) {
    pattern.erase(0, 2);
  }
  bool anchored = !pattern.empty() && pattern.front() == '/';
  pattern.erase(0, pattern.find_first_not_of('/'));
  while (!pattern.empty() && pattern.back() == '/') {
    pattern.pop_back();
  }
  if (!anchored && !pattern.empty() && pattern.find('/') == std::string::npos) {
    pattern.insert(0, "**/");
  }
  return pattern;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  std::vector<std::string> pat = Segments(pattern);
  std::vector<std::string> seg = Segments(path);
  // rest[i][j]: pattern segments from i match path segments from j.
  std::vector<std::vector<char>> rest(pat.size() + 1, std::vector<char>(seg.size() + 1, 0));
  rest[pat.size()][seg.size()] = 1;
  for (size_t i = pat.size(); i-- > 0;) {
    for (size_t j = seg.size() + 1; j-- > 0;) {
      bool more = j < seg.size();
      if (pat[i] == "**") {
        rest[i][j] = static_cast<char>(rest[i + 1][j] || (more && rest[i][j + 1]));
      } else {
        rest[i][j] = static_cast<char>(more && rest[i + 1][j + 1] &&
                                       fnmatch(pat[i].c_str(), seg[j].c_str(), 0) == 0);
      }
    }
  }
  return rest[0][0] != 0;
}

PathExclusion::PathExclusion(const std::filesystem::path& base,
                             const std::vector<std::string>& globs) {
  for (const std::string& g : globs) {
    if (std::string normal = NormalGlob(g); !normal.empty()) {
      globs_.push_back(std::move(normal));
    }
  }
  if (!globs_.empty()) {
    base_ = AbsoluteDirectory(base);
  }
}

bool PathExclusion::Excludes(const std::string& file) const {
  if (globs_.empty()) {
    return false;
  }
  std::string relative = RelativePath(file, base_);
  if (relative.empty() || relative == ".." || relative.rfind("../", 0) == 0 ||
      relative.front() == '/') {
    return false;  // outside the directory the globs are relative to
  }
  // The path itself, then each directory above it: "a/b/c.yaml", "a/b", "a".
  for (std::string_view p = relative; !p.empty();) {
    for (const std::string& g : globs_) {
      if (GlobMatch(g, p)) {
        return true;
      }
    }
    size_t slash = p.rfind('/');
    p = slash == std::string_view::npos ? std::string_view() : p.substr(0, slash);
  }
  return false;
}

}  // namespace s75

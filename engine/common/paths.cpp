#include "common/paths.h"

namespace s75 {

namespace fs = std::filesystem;

fs::path AbsoluteDirectory(const fs::path& dir) {
  fs::path out = fs::absolute(dir.empty() ? fs::path(".") : dir).lexically_normal();
  if (!out.has_filename() && out != out.root_path()) {
    out = out.parent_path();  // "/a/b/" -> "/a/b"
  }
  return out;
}

std::string RelativePath(const fs::path& file, const fs::path& base) {
  fs::path absolute = fs::absolute(file).lexically_normal();
  fs::path relative = absolute.lexically_relative(base);
  if (relative.empty()) {
    return absolute.generic_string();  // no relative form (another root)
  }
  return relative.generic_string();
}

}  // namespace s75

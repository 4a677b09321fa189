// Limits on what the loader will read. Each exceeded limit is a DOC.07
// finding saying which limit, and the option that raises it.
#pragma once

#include <cstddef>

namespace s75 {

// The highest --max-depth accepted: the loader's recursion stays well inside
// yaml-cpp's own guard (2000) and the stack.
inline constexpr int kMaxDepthLimit = 1000;

struct LoadLimits {
  size_t max_file_bytes = size_t{10} * 1024 * 1024;   // 10 MiB
  int max_depth = 256;                                // nested collections
  size_t max_nodes = 1'000'000;                       // nodes after alias expansion
  size_t max_string_bytes = size_t{1} * 1024 * 1024;  // one scalar (key or value), 1 MiB
};

}  // namespace s75

// Limits on what the loader will read. Each exceeded limit is a DOC.07
// finding saying which.
#pragma once

#include <cstddef>

namespace s75 {

struct LoadLimits {
  size_t max_file_bytes = size_t{10} * 1024 * 1024;  // 10 MiB
  int max_depth = 256;                               // nested collections
  size_t max_nodes = 1'000'000;                      // nodes after alias expansion
};

}  // namespace s75

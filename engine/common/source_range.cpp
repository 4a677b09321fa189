#include "common/source_range.h"

namespace s75 {

std::string SourceRange::ToString() const {
  if (line <= 0) {
    return file;
  }
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace s75

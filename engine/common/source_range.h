// One location type for rule files and agreements alike.
#pragma once

#include <string>

namespace s75 {

// A position in a source file: 1-based line and column. A line of 0 means
// "the whole file" (for example a file that could not be read).
struct SourceRange {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:col", or just "file" when there is no line.
  std::string ToString() const;
};

}  // namespace s75

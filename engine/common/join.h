// Joining words for messages and reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace s75 {

// The items with `separator` between each two: Join({"a", "b"}, ", ") is
// "a, b". Empty items before the first non-empty one add no separator.
inline std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

}  // namespace s75

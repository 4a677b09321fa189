#include "compile/placeholder.h"

#include <algorithm>
#include <array>

#include "common/ascii.h"

namespace s75 {

bool IsBlank(std::string_view text) { return TrimAsciiSpace(text).empty(); }

bool IsPlaceholder(std::string_view text, bool na_is_answer) {
  static constexpr std::array<std::string_view, 11> kWords = {
      "tbc", "tbd", "tba", "to be agreed", "to be confirmed", "to follow", "pending",
      "xxx", "...", "?",   "n/a"};
  std::string_view t = TrimAsciiSpace(text);
  if (t.size() >= 2 &&
      ((t.front() == '[' && t.back() == ']') || (t.front() == '(' && t.back() == ')'))) {
    t = TrimAsciiSpace(t.substr(1, t.size() - 2));
  }
  auto same = [t](std::string_view w) {
    return std::equal(t.begin(), t.end(), w.begin(), w.end(),
                      [](char a, char b) { return AsciiLower(a) == b; });
  };
  for (std::string_view w : kWords) {
    if (same(w)) {
      return !(na_is_answer && w == "n/a");
    }
  }
  return false;
}

}  // namespace s75

#include "eval/placeholder.h"

#include <array>
#include <cctype>
#include <string>

namespace s75 {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool IsBlank(std::string_view text) { return Trim(text).empty(); }

bool IsPlaceholder(std::string_view text, bool na_is_answer) {
  static constexpr std::array<std::string_view, 11> kWords = {
      "tbc", "tbd", "tba", "to be agreed", "to be confirmed", "to follow", "pending",
      "xxx", "...", "?",   "n/a"};
  std::string_view t = Trim(text);
  if (t.size() >= 2 &&
      ((t.front() == '[' && t.back() == ']') || (t.front() == '(' && t.back() == ')'))) {
    t = Trim(t.substr(1, t.size() - 2));
  }
  std::string lower;
  for (char c : t) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view w : kWords) {
    if (lower == w) {
      return !(na_is_answer && w == "n/a");
    }
  }
  return false;
}

}  // namespace s75

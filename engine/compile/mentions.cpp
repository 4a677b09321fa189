#include "compile/mentions.h"

#include <algorithm>

#include "common/ascii.h"

namespace s75 {

namespace {

bool IsWordChar(char c) {
  return IsAsciiAlnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// Length of the match of the term's words at `pos`, or 0 when there is none.
// `term` has no leading or trailing white space; its words are separated by
// runs of it, and each run matches any non-empty run in `text`.
size_t MatchAt(std::string_view text, size_t pos, std::string_view term) {
  size_t i = pos;
  size_t j = 0;
  while (j < term.size()) {
    if (IsAsciiSpace(term[j])) {
      while (j < term.size() && IsAsciiSpace(term[j])) {
        ++j;
      }
      size_t spaces = i;
      while (i < text.size() && IsAsciiSpace(text[i])) {
        ++i;
      }
      if (i == spaces) {
        return 0;
      }
      continue;
    }
    if (i >= text.size() || AsciiLower(text[i]) != AsciiLower(term[j])) {
      return 0;
    }
    ++i;
    ++j;
  }
  if (i < text.size() && IsWordChar(text[i])) {
    return 0;
  }
  return i - pos;
}

// True when "non-" or "non " (itself starting a word) ends just before `pos`.
bool Negated(std::string_view text, size_t pos) {
  if (pos < 4) {
    return false;
  }
  char sep = text[pos - 1];
  if (sep != '-' && sep != ' ') {
    return false;
  }
  if (AsciiLower(text[pos - 4]) != 'n' || AsciiLower(text[pos - 3]) != 'o' ||
      AsciiLower(text[pos - 2]) != 'n') {
    return false;
  }
  return pos == 4 || !IsWordChar(text[pos - 5]);
}

}  // namespace

bool Mentions(std::string_view text, std::string_view term) {
  term = TrimAsciiSpace(term);
  if (term.empty()) {
    return false;
  }
  // Candidates are where the term's first letter is, in either case: found
  // with memchr (find), since rules ask this of long texts many times over.
  const char lower = AsciiLower(term.front());
  const char upper = AsciiUpper(term.front());
  size_t next_lower = text.find(lower);
  size_t next_upper = upper == lower ? std::string_view::npos : text.find(upper);
  for (size_t pos = std::min(next_lower, next_upper); pos != std::string_view::npos;
       pos = std::min(next_lower, next_upper)) {
    if ((pos == 0 || !IsWordChar(text[pos - 1])) && MatchAt(text, pos, term) > 0 &&
        !Negated(text, pos)) {
      return true;
    }
    if (pos == next_lower) {
      next_lower = text.find(lower, pos + 1);
    } else {
      next_upper = text.find(upper, pos + 1);
    }
  }
  return false;
}

}  // namespace s75

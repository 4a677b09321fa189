#include "eval/mentions.h"

#include <string>
#include <vector>

namespace s75 {

namespace {

// ASCII classes, as the C locale's (the program never sets another), inline:
// a text of 100,000 entries calls them for every byte.
bool IsWordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' ||
         u >= 0x80;
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<std::string> Words(std::string_view term) {
  std::vector<std::string> words;
  std::string word;
  for (char c : term) {
    if (IsSpace(c)) {
      if (!word.empty()) {
        words.push_back(std::move(word));
      }
      word.clear();
    } else {
      word += Lower(c);
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

// Length of the match of `words` at `pos`, or 0 when there is none.
size_t MatchAt(std::string_view text, size_t pos, const std::vector<std::string>& words) {
  size_t i = pos;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) {
      size_t spaces = i;
      while (i < text.size() && IsSpace(text[i])) {
        ++i;
      }
      if (i == spaces) {
        return 0;
      }
    }
    for (char c : words[w]) {
      if (i >= text.size() || Lower(text[i]) != c) {
        return 0;
      }
      ++i;
    }
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
  if (Lower(text[pos - 4]) != 'n' || Lower(text[pos - 3]) != 'o' || Lower(text[pos - 2]) != 'n') {
    return false;
  }
  return pos == 4 || !IsWordChar(text[pos - 5]);
}

}  // namespace

bool Mentions(std::string_view text, std::string_view term) {
  std::vector<std::string> words = Words(term);
  if (words.empty()) {
    return false;
  }
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (pos > 0 && IsWordChar(text[pos - 1])) {
      continue;
    }
    if (MatchAt(text, pos, words) > 0 && !Negated(text, pos)) {
      return true;
    }
  }
  return false;
}

}  // namespace s75

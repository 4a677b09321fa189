#include "load/yaml_text.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "common/rule_ids.h"

namespace s75 {

namespace {

constexpr size_t kNone = std::string_view::npos;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return IsBlank(c) || c == '\n' || c == '\r'; }

// The offset where the line holding offset `at` starts.
size_t LineStart(std::string_view text, size_t at) {
  size_t brk = at == 0 ? kNone : text.rfind('\n', at - 1);
  return brk == kNone ? 0 : brk + 1;
}

// The text from `at` to the end of its line, without the line break and the
// blanks before it.
std::string_view RestOfLine(std::string_view text, size_t at) {
  size_t end = std::min(text.find('\n', at), text.size());
  while (end > at && IsSpace(text[end - 1])) {
    --end;
  }
  return text.substr(at, end - at);
}

// Whether a comment is written as one by the usual convention, as yamllint
// requires: at least two spaces (or a tab) in `gap` before the `#`, and a
// space after it (`after`, the rest of its line, may lead with more `#`s)
// or nothing. A ` #` written otherwise in unquoted text is most likely text.
bool WrittenAsComment(std::string_view gap, std::string_view after) {
  size_t first = after.find_first_not_of('#');
  bool spaced = first == kNone || IsSpace(after[first]);
  return spaced && (gap.size() >= 2 || gap.find('\t') != kNone);
}

// The offset just past the plain scalar `value` written at `at`, or kNone
// if the text there is not it. A plain scalar has no escapes; it folds its
// lines, so white space in the value stands for any white space and line
// breaks in the text.
size_t PlainEnd(std::string_view text, size_t at, std::string_view value) {
  // Most values are written as they read; then a run of spaces in the value
  // is the same run in the text (a plain value does not end in a space).
  if (text.compare(std::min(at, text.size()), value.size(), value) == 0) {
    return at + value.size();
  }
  size_t i = 0;
  while (i < value.size()) {
    if (IsSpace(value[i])) {
      if (at >= text.size() || !IsSpace(text[at])) {
        return kNone;
      }
      while (i < value.size() && IsSpace(value[i])) {
        ++i;
      }
      while (at < text.size() && IsSpace(text[at])) {
        ++at;
      }
    } else if (at < text.size() && text[at] == value[i]) {
      ++i;
      ++at;
    } else {
      return kNone;
    }
  }
  return at;
}

// The 1-based line and byte column of offset `to`, counting lines on from
// offset `from` on 1-based `line`: linear in the distance, not the file.
std::pair<int, int> PositionOf(std::string_view text, size_t from, int line, size_t to) {
  auto breaks = std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                           text.begin() + static_cast<std::ptrdiff_t>(to), '\n');
  return {line + static_cast<int>(breaks), static_cast<int>(to - LineStart(text, to)) + 1};
}

// Whether the quoted scalar opening at `open` is closed.
bool QuoteClosed(std::string_view text, size_t open) {
  char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character
    } else if (text[i] == quote) {
      if (quote == '"' || i + 1 == text.size() || text[i + 1] != '\'') {
        return true;
      }
      ++i;  // '' is a quote inside single quotes
    }
  }
  return false;
}

// Advice where yaml-cpp stopped at a `: ` that reads as the end of a key:
// quote the text if it is part of it (shown for a line `key: text`), or
// start the new key or entry properly. `flow`: inside brackets.
std::optional<std::string> ColonAdvice(std::string_view text, size_t at, bool flow) {
  if (at >= text.size() || text[at] != ':' || (at + 1 < text.size() && !IsSpace(text[at + 1]))) {
    return std::nullopt;
  }
  size_t start = LineStart(text, at);
  std::string_view line = RestOfLine(text, start);
  size_t key = line.find_first_not_of(' ');
  size_t colon = line.find(": ", key);
  std::string example;
  if (!flow && colon != kNone && start + colon < at) {
    std::string_view name = line.substr(key, colon - key);
    std::string_view value = line.substr(line.find_first_not_of(' ', colon + 1));
    bool simple = name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == kNone &&
                  value.find_first_of("\"\\#") == kNone && value.size() <= 60;
    example = simple ? " (`" + std::string(name) + ": \"" + std::string(value) + "\"`)" : "";
  }
  return "YAML reads the unquoted text before this `: ` as a key: if the `: ` is part of the "
         "text, put the text in quotes" +
         example +
         (flow ? "; if a new entry starts here, end the one before it with a comma"
               : "; if a new key starts here, check its indentation");
}

// Advice where yaml-cpp stopped just after a ` #` in unquoted text that
// YAML took for a comment: one on the line where it stopped (before that
// place) or on the last line before it with any content, when it is not
// written as a comment or took a closing bracket with it.
std::optional<std::string> HashAdvice(std::string_view text, size_t at) {
  at = std::min(at, text.size());
  size_t start = LineStart(text, at);
  std::string_view line = text.substr(start, at - start);
  size_t hash = InlineComment(line);
  while (hash == kNone && start > 0 && line.find_first_not_of(" \t\r") == kNone) {
    start = LineStart(text, start - 1);
    line = RestOfLine(text, start);
    hash = InlineComment(line);
  }
  if (hash == kNone) {
    return std::nullopt;
  }
  std::string_view words = RestOfLine(line, hash);
  size_t content = line.find_last_not_of(" \t", hash - 1) + 1;
  if (WrittenAsComment(line.substr(content, hash - content), words.substr(1)) &&
      words.find_first_of("]}") == kNone) {
    return std::nullopt;
  }
  auto number = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n');
  return "the ` #` at line " + std::to_string(number + 1) + ", column " + std::to_string(hash + 1) +
         " starts a comment, so YAML drops '" + std::string(words) +
         "': if those words belong to the text, put the text in quotes";
}

}  // namespace

size_t SkipProperties(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == '&' || text[at] == '!')) {
    while (at < text.size() && !IsSpace(text[at])) {
      ++at;
    }
    while (at < text.size() && IsSpace(text[at])) {
      ++at;
    }
  }
  return at;
}

size_t InlineComment(std::string_view line) {
  char quote = 0;
  char last = 0;  // the last character outside quotes that is not blank
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      bool doubled = quote == '\'' && c == '\'' && i + 1 < line.size() && line[i + 1] == '\'';
      if ((quote == '"' && c == '\\') || doubled) {
        ++i;
      } else if (c == quote) {
        quote = 0;
        last = c;
      }
      continue;
    }
    if (c == '#' && i > 0 && IsBlank(line[i - 1])) {
      return last == 0 ? kNone : i;
    }
    if ((c == '"' || c == '\'') && (last == 0 || std::string_view(":-[{,?").find(last) != kNone)) {
      quote = c;
    }
    last = IsBlank(c) ? last : c;
  }
  return kNone;
}

std::optional<CutComment> FindCut(std::string_view text, size_t at, int line,
                                  std::string_view value) {
  size_t end = at < text.size() ? PlainEnd(text, SkipProperties(text, at), value) : kNone;
  if (end == kNone) {
    return std::nullopt;
  }
  size_t hash = end;
  while (hash < text.size() && IsBlank(text[hash])) {
    ++hash;
  }
  if (hash == end || hash == text.size() || text[hash] != '#') {
    return std::nullopt;
  }
  std::string_view words = RestOfLine(text, hash);
  if (words.find_first_not_of('#') == kNone ||
      WrittenAsComment(text.substr(end, hash - end), words.substr(1))) {
    return std::nullopt;
  }
  auto [cut_line, column] = PositionOf(text, at, line, hash);
  return CutComment{cut_line, column, std::string(words)};
}

std::optional<ReadError> UnclosedQuote(std::string_view text, size_t at, int line) {
  size_t open = at < text.size() ? SkipProperties(text, at) : kNone;
  if (open >= text.size() || (text[open] != '"' && text[open] != '\'') || QuoteClosed(text, open)) {
    return std::nullopt;
  }
  auto [quote_line, column] = PositionOf(text, at, line, open);
  return ReadError{kDocYamlSyntax, quote_line, column,
                   "YAML syntax error: the quoted value that starts here is not closed before the "
                   "end of the file: add the closing " +
                       std::string(1, text[open]) + " where the value ends"};
}

std::string QuotingAdvice(std::string_view text, size_t at, std::string_view what) {
  if (std::optional<std::string> colon = ColonAdvice(text, at, what.find("flow") != kNone)) {
    return *colon;
  }
  return HashAdvice(text, at).value_or("");
}

}  // namespace s75

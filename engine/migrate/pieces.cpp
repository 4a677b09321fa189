#include "migrate/pieces.h"

#include <algorithm>

#include "load/yaml_text.h"

namespace s75 {

namespace {

constexpr size_t kNone = std::string_view::npos;

// The end of the key written at `at` in `line`: past its closing quote, or
// its text for a plain key.
size_t KeyEnd(std::string_view line, size_t at, const Node& key) {
  if (at < line.size() && (line[at] == '"' || line[at] == '\'')) {
    size_t close = line.find(line[at], at + 1);
    return close == kNone ? line.size() : close + 1;
  }
  return std::min(at + key.text.size(), line.size());
}

// Moves `line` right by `shift` spaces (left, as far as it has spaces, when
// negative). An empty line stays empty.
std::string Shift(std::string_view line, long shift) {
  if (line.empty()) {
    return "";
  }
  if (shift >= 0) {
    return std::string(static_cast<size_t>(shift), ' ') + std::string(line);
  }
  size_t spaces = std::min(line.find_first_not_of(' '), line.size());
  return std::string(line.substr(std::min(spaces, static_cast<size_t>(-shift))));
}

// Keeps the comment on `line` where it was after the text before it grew
// by `grew` characters (shrank, when negative): the gap before the `#`
// changes, but a gap of two or more stays at least two, as a comment after
// text must be written (DOC.09), and a narrower one stays as it is.
std::string AlignComment(std::string line, long grew) {
  size_t hash = InlineComment(line);
  if (hash == kNone || grew == 0) {
    return line;
  }
  size_t text_end = line.find_last_not_of(" \t", hash - 1) + 1;
  long gap = static_cast<long>(hash - text_end);
  long wanted = gap < 2 ? gap : std::max(gap - grew, 2L);
  return line.substr(0, text_end) + std::string(static_cast<size_t>(wanted), ' ') +
         line.substr(hash);
}

std::string_view TrimLeft(std::string_view s) {
  size_t first = s.find_first_not_of(" \t");
  return first == kNone ? std::string_view() : s.substr(first);
}

}  // namespace

std::string RenameKey(std::string_view line, size_t at, const Node& key, std::string_view name) {
  size_t end = KeyEnd(line, at, key);
  std::string renamed =
      std::string(line.substr(0, at)) + std::string(name) + std::string(line.substr(end));
  return AlignComment(renamed, static_cast<long>(name.size()) - static_cast<long>(end - at));
}

std::string CommentLine(std::string_view comment) {
  return std::string(kFundIndent, ' ') + std::string(comment);
}

std::vector<std::string> BlockPiece(const SourceLines& src, const BlockEntry& entry,
                                    const Node& key, std::string_view name) {
  std::vector<std::string> lines;
  size_t indent = static_cast<size_t>(key.column) - 1;
  long shift = static_cast<long>(kFundIndent) - static_cast<long>(indent);
  for (size_t i = entry.lead; i < entry.end; ++i) {
    std::string line(src.Line(i));
    if (i == entry.first) {
      line = RenameKey(line, indent, key, name);
    }
    lines.push_back(Shift(line, shift));
  }
  return lines;
}

std::vector<std::string> FlowPiece(std::string_view text, const TextSpan& span, const Node& key,
                                   std::string_view name, const FlowComments& comments) {
  std::vector<std::string> lines;
  for (const std::string& c : comments.before) {
    lines.push_back(CommentLine(c));
  }
  std::string_view entry = text.substr(span.begin, span.end - span.begin);
  bool first = true;
  for (size_t at = 0; at <= entry.size();) {
    size_t end = std::min(entry.find('\n', at), entry.size());
    std::string_view part = entry.substr(at, end - at);
    if (!part.empty() && part.back() == '\r') {
      part.remove_suffix(1);
    }
    std::string indent(first ? kFundIndent : kFundIndent + 2, ' ');
    std::string_view rest = first ? part : TrimLeft(part);
    lines.push_back(
        rest.empty() ? "" : indent + (first ? RenameKey(rest, 0, key, name) : std::string(rest)));
    first = false;
    at = end + 1;
  }
  if (!comments.after_value.empty()) {
    lines.back() += "  " + comments.after_value;
  }
  for (const std::string& c : comments.after) {
    lines.push_back(CommentLine(c));
  }
  return lines;
}

}  // namespace s75

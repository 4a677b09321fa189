#include "migrate/layout.h"

#include <cstring>
#include <string_view>

namespace s75 {

namespace {

constexpr size_t kNone = std::string_view::npos;

// A line between two entries that belongs to neither's value: blank, or a
// comment no deeper than the keys at `indent`.
bool Between(const SourceLines& src, size_t line, size_t indent) {
  return src.Blank(line) || (src.CommentOnly(line) && src.Indent(line) <= indent);
}

// One past the last line of the entry whose key is on `first`, the next
// thing at its level being on `next`: trailing blank lines and comments no
// deeper than its key are left to what follows.
size_t BodyEnd(const SourceLines& src, size_t first, size_t next, size_t indent) {
  size_t end = next;
  while (end > first + 1 && Between(src, end - 1, indent)) {
    --end;
  }
  return end;
}

// The first line of the comments that lead the entry whose key is on
// `first`, looking no higher than `floor`; blank lines before them stay.
size_t LeadStart(const SourceLines& src, size_t first, size_t floor, size_t indent) {
  size_t lead = first;
  while (lead > floor && Between(src, lead - 1, indent)) {
    --lead;
  }
  while (lead < first && src.Blank(lead)) {
    ++lead;
  }
  return lead;
}

bool IsBlankChar(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Past the quoted scalar that opens at `at`, or kNone when it is not closed.
size_t PastQuoted(std::string_view text, size_t at) {
  char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return kNone;
}

// The end of the comment that starts at `at`: its line's end, before any \r.
size_t CommentEnd(std::string_view text, size_t at) {
  size_t end = std::min(text.find('\n', at), text.size());
  return end > at && text[end - 1] == '\r' ? end - 1 : end;
}

// The entries of a flow mapping as written: each comma-separated part's
// first and last character outside comments, at nesting depth 0.
struct FlowScan {
  std::vector<TextSpan> parts;
  std::vector<TextSpan> comments;
  std::vector<size_t> commas;
  size_t close = kNone;
};

// Adds the character or quoted scalar [at, next) to the current part.
void Extend(FlowScan& scan, size_t at, size_t next) {
  TextSpan& part = scan.parts.back();
  if (part.begin == kNone) {
    part.begin = at;
  }
  part.end = next;
}

FlowScan Scan(std::string_view text, size_t open) {
  FlowScan scan;
  scan.parts.push_back({kNone, kNone});
  int depth = 0;
  char last = '{';  // the last character outside blanks and comments
  for (size_t i = open + 1; i < text.size();) {
    char c = text[i];
    size_t next = i + 1;
    if (IsBlankChar(c)) {
      i = next;
      continue;
    }
    if (c == '#' && IsBlankChar(text[i - 1])) {
      scan.comments.push_back({i, CommentEnd(text, i)});
      i = CommentEnd(text, i);
      continue;
    }
    if ((c == '"' || c == '\'') && std::strchr("{[,:?", last) != nullptr) {
      next = PastQuoted(text, i);
      if (next == kNone) {
        return scan;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth == 0) {
      scan.close = c == '}' ? i : kNone;
      return scan;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 0) {
      scan.commas.push_back(i);
      scan.parts.push_back({kNone, kNone});
      last = c;
      i = next;
      continue;
    }
    Extend(scan, i, next);
    last = text[next - 1];
    i = next;
  }
  return scan;
}

}  // namespace

std::optional<std::vector<BlockEntry>> BlockEntries(const SourceLines& src, const Node& map,
                                                    size_t from, size_t to) {
  std::vector<BlockEntry> out;
  for (size_t j = 0; j < map.entries.size(); ++j) {
    const Node& key = *map.entries[j].first;
    size_t line = static_cast<size_t>(key.line) - 1;
    bool first_on_line =
        line < src.size() && src.Indent(line) + 1 == static_cast<size_t>(key.column);
    if (line < from || line >= to || !first_on_line || (!out.empty() && out.back().first >= line)) {
      return std::nullopt;
    }
    out.push_back({j, line, line, to});
  }
  for (size_t i = 0; i < out.size(); ++i) {
    size_t indent = src.Indent(out[i].first);
    size_t next = i + 1 < out.size() ? out[i + 1].first : to;
    out[i].end = BodyEnd(src, out[i].first, next, indent);
    out[i].lead = LeadStart(src, out[i].first, i == 0 ? from : out[i - 1].end, indent);
  }
  return out;
}

std::optional<FlowMapping> ScanFlowMapping(const SourceLines& src, const Node& map, size_t open) {
  FlowScan scan = Scan(src.text(), open);
  if (scan.close == kNone) {
    return std::nullopt;
  }
  FlowMapping out{open, scan.close, {}, std::move(scan.comments), std::move(scan.commas)};
  for (const TextSpan& part : scan.parts) {
    if (part.begin != kNone) {
      out.entries.push_back(part);
    }
  }
  if (out.entries.size() != map.entries.size()) {
    return std::nullopt;
  }
  for (size_t j = 0; j < out.entries.size(); ++j) {
    if (out.entries[j].begin != src.Offset(*map.entries[j].first)) {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace s75

#include "migrate/source_lines.h"

#include <algorithm>

#include "load/yaml_text.h"

namespace s75 {

SourceLines::SourceLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) {
      starts_.push_back(i + 1);
    }
  }
}

std::string_view SourceLines::Line(size_t i) const {
  std::string_view rest = std::string_view(text_).substr(starts_[i]);
  rest = rest.substr(0, rest.find('\n'));
  if (!rest.empty() && rest.back() == '\r') {
    rest.remove_suffix(1);
  }
  return rest;
}

std::string_view SourceLines::Break(size_t i) const {
  size_t end = starts_[i] + Line(i).size();
  return std::string_view(text_).substr(
      end, i + 1 < size() ? starts_[i + 1] - end : std::string_view::npos);
}

std::string_view SourceLines::FileBreak() const {
  std::string_view first = Break(0);
  return first.empty() ? "\n" : first;
}

size_t SourceLines::Offset(const Node& node) const {
  size_t line = static_cast<size_t>(std::max(node.line, 1)) - 1;
  if (line >= size()) {
    return text_.size();
  }
  return std::min(starts_[line] + static_cast<size_t>(std::max(node.column, 1)) - 1, text_.size());
}

size_t SourceLines::ContentOffset(const Node& node) const {
  return SkipProperties(text_, Offset(node));
}

size_t SourceLines::LineOf(size_t offset) const {
  auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<size_t>(after - starts_.begin()) - 1;
}

bool SourceLines::Blank(size_t i) const {
  return Line(i).find_first_not_of(" \t") == std::string_view::npos;
}

bool SourceLines::CommentOnly(size_t i) const {
  std::string_view line = Line(i);
  size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '#';
}

size_t SourceLines::Indent(size_t i) const {
  std::string_view line = Line(i);
  return std::min(line.find_first_not_of(' '), line.size());
}

}  // namespace s75

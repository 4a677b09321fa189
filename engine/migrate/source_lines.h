// An agreement's text as lines, for rewriting it line by line: lines nobody
// edits are written back byte for byte, line breaks included.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"

namespace s75 {

class SourceLines {
 public:
  // `text` as the loader read it: without a byte order mark.
  explicit SourceLines(std::string_view text);

  size_t size() const { return starts_.size(); }
  std::string_view text() const { return text_; }
  // Line `i` (0-based) without its line break, and the break ("\n",
  // "\r\n", or "" for a last line with none).
  std::string_view Line(size_t i) const;
  std::string_view Break(size_t i) const;
  // The line break the file uses: its first line's, else "\n".
  std::string_view FileBreak() const;

  // The offset of a node's position (yaml-cpp's mark), and of its content
  // (past an `&anchor` or `!tag`).
  size_t Offset(const Node& node) const;
  size_t ContentOffset(const Node& node) const;
  // The 0-based line holding `offset`.
  size_t LineOf(size_t offset) const;
  size_t LineStart(size_t i) const { return starts_[i]; }

  // Line `i` holds only blanks; only a comment; its indentation in spaces.
  bool Blank(size_t i) const;
  bool CommentOnly(size_t i) const;
  size_t Indent(size_t i) const;

 private:
  std::string text_;
  std::vector<size_t> starts_;  // the offset where each line starts
};

}  // namespace s75

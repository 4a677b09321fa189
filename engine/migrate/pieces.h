// The lines a moved key is written as in the fund: its original text, with
// its comments, the key renamed where format 2 names it differently, and
// re-indented to the fund's entries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"
#include "migrate/layout.h"
#include "migrate/source_lines.h"

namespace s75 {

// The indentation of a fund's keys: `funds:`, `  - id: main`, then these.
inline constexpr size_t kFundIndent = 4;

// Comments that go with a moved entry of a flow mapping.
struct FlowComments {
  std::vector<std::string> before;  // on lines of their own, before it
  std::string after_value;          // on the line where its value ends
  std::vector<std::string> after;   // on lines of their own, after it
};

// Block entry `entry` (key `key`) from its leading comments to its last
// line, key renamed to `name`, moved to kFundIndent. Lines inside it keep
// their indentation relative to the key (block scalars stay as they are).
std::vector<std::string> BlockPiece(const SourceLines& src, const BlockEntry& entry,
                                    const Node& key, std::string_view name);

// Flow mapping entry `span` (key `key`) as block lines at kFundIndent, key
// renamed to `name`: the lines of a value written over several lines are
// indented under the key (YAML folds their leading blanks anyway).
std::vector<std::string> FlowPiece(std::string_view text, const TextSpan& span, const Node& key,
                                   std::string_view name, const FlowComments& comments);

// `line` (a key, at `at`, then the rest) with the key renamed to `name`, a
// comment after the value kept at its column where the gap allows.
std::string RenameKey(std::string_view line, size_t at, const Node& key, std::string_view name);

// A comment line at kFundIndent (the comment from its `#`).
std::string CommentLine(std::string_view comment);

}  // namespace s75

// Where the entries of a mapping are written in an agreement's text, found
// from the positions the loader keeps on every node: for a block mapping the
// lines of each entry with the comments that belong to it, for a flow
// mapping (`{...}`) the offsets of each entry and of the comments inside.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "load/document.h"
#include "migrate/source_lines.h"

namespace s75 {

// An entry of a block mapping, in lines (0-based, `end` exclusive). The
// comment lines just above its key, at its indentation or less, lead it;
// comment lines indented deeper than its key after it end it.
struct BlockEntry {
  size_t entry = 0;  // its index in the mapping's entries
  size_t lead = 0;   // the first of its leading comment lines, or `first`
  size_t first = 0;  // the line of its key
  size_t end = 0;    // one past its last line
};

// The entries of the block mapping `map`, written on lines [from, to), in
// the order written; nullopt when a key is not the first thing on its line.
std::optional<std::vector<BlockEntry>> BlockEntries(const SourceLines& src, const Node& map,
                                                    size_t from, size_t to);

// A span of the text, in offsets (`end` exclusive).
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// A flow mapping: its braces, each entry from its key to the end of its
// value (comments and blanks after it left out), and its comments.
struct FlowMapping {
  size_t open = 0;                 // the `{`
  size_t close = 0;                // the `}`
  std::vector<TextSpan> entries;   // in the order of the mapping's entries
  std::vector<TextSpan> comments;  // each from its `#` to the end of its line
  std::vector<size_t> commas;      // the commas between entries
};

// The flow mapping `map` whose `{` is at `open`; nullopt when the text there
// does not hold the mapping's entries as expected (an unclosed brace, a
// complex key).
std::optional<FlowMapping> ScanFlowMapping(const SourceLines& src, const Node& map, size_t open);

}  // namespace s75

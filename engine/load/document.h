// The engine's document model: a YAML tree with a source position on every
// node, typed by validation against the agreement format.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "schema/format.h"

namespace s75 {

enum class NodeKind { kNull, kScalar, kMap, kSeq };

// A comment that YAML starts inside unquoted text, at a ` #` not written as a
// comment by convention (DOC.09): what it dropped and where.
struct CutComment {
  int line = 0;       // of the `#`, 1-based
  int column = 0;     // of the `#`, 1-based, in bytes like every column
  std::string words;  // from the `#` to the end of its line
};

// A scalar's value once validated against its field type.
using TypedValue = std::variant<std::monostate, Decimal, Date, FinancialYear, bool>;

struct Node;

// For a mapping the loader built for the model (a format 1 file's fund), per
// field: the node where findings about the field point when it is absent (the
// format 1 section it would be written in), and the format 1 field it stands
// for (`pooled_fund_manager` for `manager`) or, when the format 1 section it
// belongs in is absent, that section: what the absent-section reading names
// (eval/sections.h).
struct Format1Homes {
  std::vector<const Node*> homes;
  std::vector<const FieldSpec*> fields;
};

// Laid out so that the flags share a word: a document holds a node for every
// key and value, and every pass over it (validation, the rules, the report,
// freeing it) reads them, so their size is the sweep's memory traffic.
struct Node {
  NodeKind kind = NodeKind::kNull;
  int line = 0;              // 1-based
  int column = 0;            // 1-based
  bool plain = true;         // a scalar written without quotes
  bool tagged = false;       // an explicit YAML tag such as !!binary
  bool invalid = false;      // set by validation: a type error, so the rules ignore the value
  std::string text;          // scalar text
  std::vector<Node*> items;  // kSeq
  std::vector<std::pair<Node*, Node*>> entries;  // kMap: key, value
  const Node* parent = nullptr;                  // where the node first appears
  int index = -1;                                // entry or item index within the parent
  int cut = -1;  // a plain scalar: its CutComment in Document::cuts, or -1

  // Set by validation.
  const FieldSpec* spec = nullptr;
  TypedValue typed;                       // the typed scalar value
  std::vector<const Node*> slots;         // kMap under an object spec: first value of each field
  const Format1Homes* format1 = nullptr;  // a format 1 file's fund (Document owns it)

  bool IsNull() const { return kind == NodeKind::kNull; }
  // Where findings about field `index` point when it is absent: the format 1
  // section it would be written in, for a format 1 file's fund; else here.
  const Node* HomeOf(size_t field) const {
    return format1 != nullptr ? format1->homes[field] : this;
  }
};

// The nodes of one document, in blocks that are filled and never grown, so
// that a node never moves. Blocks double from 64 nodes: an agreement of a few
// hundred nodes takes a handful of allocations, where a std::deque of a node
// this size allocates for every second one. A document's blocks, emptied,
// go back to its thread when it is freed, and the thread's next document
// takes them: memory the last document warmed, where new blocks would be
// ones the allocator has not handed out lately, cold in the cache
// (docs/performance.md).
class NodeArena {
 public:
  NodeArena() = default;
  ~NodeArena();
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;
  NodeArena(NodeArena&&) = delete;
  NodeArena& operator=(NodeArena&&) = delete;

  Node* New() {
    if (blocks_.empty() || blocks_.back().size() == blocks_.back().capacity()) {
      AddBlock();
    }
    return &blocks_.back().emplace_back();
  }

 private:
  void AddBlock();

  std::vector<std::vector<Node>> blocks_;
};

// One loaded agreement. Nodes live in the arena and never move.
struct Document {
  std::string file;
  int version = 0;  // the format version the file is written in, once validated
  NodeArena arena;
  Node* root = nullptr;
  std::vector<CutComment> cuts;  // of plain scalars, reported for text fields only
  std::vector<std::unique_ptr<Format1Homes>> format1_homes;  // what nodes' `format1` point to

  Node* NewNode() { return arena.New(); }
};

// The value of field `name` of a validated mapping: null when the mapping has
// no such field, or the value is absent or null.
const Node* FieldOf(const Node* map, std::string_view name);

// The YAML path of a node, as in findings: `finance.contributions[1].amount`.
// The root is "".
std::string NodePath(const Node* node);

}  // namespace s75

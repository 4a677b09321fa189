// The compiled program: what the compiler makes of parsed rule files and the
// evaluator runs. Names are resolved to local slots and format fields,
// definitions inlined, calls and operators bound to their built-ins, patterns
// compiled; it holds no parse node, and is immutable once compiled.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "common/severity.h"
#include "common/source_range.h"
#include "compile/types.h"
#include "compile/value.h"
#include "parse/ast.h"

namespace re2 {
class RE2;
}

namespace s75 {

struct Builtin;

// Where an expression was written, for the compiler's messages. The file's
// name is held once, by the pack (FileNames), not copied into every node.
struct CodeRange {
  const std::string* file = nullptr;
  int line = 0;
  int column = 0;

  SourceRange ToSource() const { return {file != nullptr ? *file : std::string(), line, column}; }
};

// The names of the rule files a program was compiled from, each held once.
class FileNames {
 public:
  // The held copy of `name`: the same pointer for the same name.
  const std::string* Intern(const std::string& name);

 private:
  std::set<std::string, std::less<>> names_;
  const std::string* last_ = nullptr;
};

struct CompiledExpr {
  enum Kind : std::uint8_t {
    kConstant,   // constant: a number, date, boolean or duration literal
    kText,       // text: a string literal
    kTemplate,   // the operands' text, joined: a string literal with {interpolations}
    kAsOf,       // the evaluation date
    kLocal,      // the local in slot `index`
    kRootField,  // the top-level section `index` of the agreement format
    kField,      // field `index` of operands[0] (of each element, for a list)
    kIndex,      // operands[0][operands[1]]
    kList,       // [operands...], element i kept when conditions[i] (if any) holds
    kSelect,     // (x in operands[0] where operands[1]), x in slot `index`
    kCall,       // builtin(operands...): a function or an operator
  };
  Kind kind = kConstant;
  // Evaluated inside a loop but reads no local: computed once per document,
  // kept in this slot of the rule's memo (CompiledRule::memos); else -1.
  int memo = -1;
  int index = -1;
  const Builtin* builtin = nullptr;  // kCall
  // kConstant; shared by a clone (an inlined definition's constants), held
  // apart because most nodes have none (a Value is 112 bytes).
  std::shared_ptr<const Value> constant;
  std::string text;  // kText, kTemplate: the literal as written
  std::vector<std::unique_ptr<CompiledExpr>> operands;
  std::vector<std::unique_ptr<CompiledExpr>> conditions;  // kList: null when unconditional
  std::shared_ptr<const re2::RE2> pattern;                // kCall of a pattern function

  // The compiler's own: for its messages and its loop-invariant pass.
  Type type;
  CodeRange range;

  std::unique_ptr<CompiledExpr> Clone() const;
};

struct CompiledStmt {
  enum Kind : std::uint8_t { kLet, kWhen, kFor, kReport };
  Kind kind = kReport;
  int slot = -1;                         // kLet / kFor: the bound local
  std::unique_ptr<CompiledExpr> expr;    // kLet value, kWhen condition, kFor source
  std::unique_ptr<CompiledExpr> filter;  // kFor: `where`, or null
  std::vector<CompiledStmt> body;        // kWhen / kFor
  // kReport
  std::optional<Severity> severity;
  std::unique_ptr<CompiledExpr> at;       // where to locate the finding, or null
  std::unique_ptr<CompiledExpr> message;  // text
};

struct CompiledOverride {
  Severity severity = Severity::kError;
  std::string text;  // the condition as written, for documentation
  std::unique_ptr<CompiledExpr> condition;
};

// An expression as the evaluator runs it: the fields of a CompiledExpr that
// evaluation reads, in 48 bytes, with the operands of each node next to each
// other in one array for the whole pack (ProgramCode). Evaluating a rule then
// reads a few kilobytes in order, where the tree of 184-byte nodes spread
// over the heap kept a sweep waiting on memory for most of its evaluation.
struct Op {
  CompiledExpr::Kind kind = CompiledExpr::kConstant;
  // kList: its conditions follow its items among the operands (one per
  // item, a constant true where the item has none), and `count` is twice
  // the number of items.
  bool conditional = false;
  std::uint32_t count = 0;  // operands
  int memo = -1;            // as CompiledExpr::memo
  int index = -1;           // as CompiledExpr::index
  const Op* operands = nullptr;
  const Builtin* builtin = nullptr;   // kCall
  const Value* constant = nullptr;    // kConstant; kText: the literal as a value
  const re2::RE2* pattern = nullptr;  // kCall of a pattern function

  const Op& operand(size_t i) const { return operands[i]; }
};

// A statement as the evaluator runs it (CompiledStmt's fields, with Ops).
struct StmtCode {
  CompiledStmt::Kind kind = CompiledStmt::kReport;
  std::optional<Severity> severity;  // kReport
  int slot = -1;
  const Op* expr = nullptr;
  const Op* filter = nullptr;
  const Op* at = nullptr;
  const Op* message = nullptr;
  std::span<const StmtCode> body;
};

struct OverrideCode {
  Severity severity = Severity::kError;
  const Op* condition = nullptr;
};

// A rule's check as the evaluator runs it.
struct RuleCode {
  std::span<const OverrideCode> overrides;
  std::span<const StmtCode> check;
};

// A rule: its metadata as written, and its check compiled.
struct CompiledRule : RuleInfo {
  std::vector<CompiledOverride> overrides;
  std::vector<CompiledStmt> check;
  int locals = 0;  // slots the check needs
  int memos = 0;   // loop-invariant values it keeps (CompiledExpr::memo)
  RuleCode code;   // the above as the evaluator runs it, in its pack's ProgramCode
};

// The code of every rule of a pack, each array filled once and never grown,
// so the pointers between them hold for the pack's life.
class ProgramCode {
 public:
  // Lays out the code of `rules`, in their order, and sets each one's `code`.
  // The rules' compiled expressions must outlive this (text values view them).
  void Build(std::vector<CompiledRule>& rules);

 private:
  const Op* Ops(std::span<const std::unique_ptr<CompiledExpr>> exprs);
  void Fill(Op& op, const CompiledExpr& e);
  std::span<const StmtCode> Stmts(const std::vector<CompiledStmt>& stmts);
  void Fill(StmtCode& code, const CompiledStmt& s);
  const Op* One(const std::unique_ptr<CompiledExpr>& e);

  std::vector<Op> ops_;
  std::vector<StmtCode> stmts_;
  std::vector<OverrideCode> overrides_;
  std::vector<Value> values_;      // kText literals, and `always_`
  const Value* always_ = nullptr;  // true: the condition of an unconditional list item
};

}  // namespace s75

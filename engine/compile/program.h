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

class Diagnostics;
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

// A pattern function's regular expression, compiled: `ok()` is false, with
// `error()` saying why, when it is not a valid RE2 expression.
std::shared_ptr<const re2::RE2> CompilePattern(const std::string& regex);

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
  // kept in this slot of the rule's memo (CheckedRule::memos); else -1.
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

// A rule as the checker leaves it: its metadata as written, and its check
// as a tree (the compiler's form, which the loop-invariant pass marks).
struct CheckedRule : RuleInfo {
  std::vector<CompiledOverride> overrides;
  std::vector<CompiledStmt> check;
  int locals = 0;  // slots the check needs
  int memos = 0;   // loop-invariant values it keeps (CompiledExpr::memo)
};

// --- The program the evaluator runs ---------------------------------------------
//
// The tree above is laid out flat, once, when a pack is compiled: every
// expression becomes a 16-byte Op in one array for the whole pack, the
// operands of each next to each other, and the statements likewise. A sweep
// reads the same few thousand Ops for every agreement; as 184-byte nodes
// spread over the heap, each behind its own operand vector, they missed the
// cache at nearly every step, and rule evaluation took about a fifth of a
// sweep for a twentieth of its instructions (docs/performance.md). Four Ops
// share a cache line (an agreement reads about 1,900 of them), so the fields
// are as narrow as a pack can need; LayOut refuses, with a message, a rule
// that would not fit them. The arrays hold indices, not pointers, so the
// snapshot saves and loads them as they are.

inline constexpr std::uint32_t kNoCode = 0xFFFFFFFF;

struct Op {
  using Kind = CompiledExpr::Kind;
  using enum CompiledExpr::Kind;
  Kind kind = kConstant;
  // kList: its items' conditions follow its items among the operands (one
  // per item, a constant true where the item has none), so `count` is twice
  // the number of items.
  bool conditional = false;
  std::uint16_t count = 0;  // operands
  std::int16_t memo = -1;   // as CompiledExpr::memo
  // kLocal, kRootField, kField, kSelect: as CompiledExpr::index; kCall: the
  // built-in's place (BuiltinById), as `index` is not otherwise used there.
  std::int16_t index = -1;
  // The first operand, as an offset from this Op in the program's array.
  std::uint32_t first = 0;
  // kConstant and kText: the value's place in ProgramCode::values; kCall of
  // a pattern function: the pattern's in ProgramCode::patterns; else kNoCode.
  std::uint32_t value = kNoCode;

  const Op& operand(size_t i) const { return this[first + i]; }
  // kCall: its built-in's place among all built-ins.
  std::uint16_t builtin() const { return static_cast<std::uint16_t>(index); }
};
static_assert(sizeof(Op) == 16, "four Ops to a cache line");

// A statement (CompiledStmt's fields, with Ops and statements by their place).
struct CodeStmt {
  using Kind = CompiledStmt::Kind;
  using enum CompiledStmt::Kind;
  Kind kind = kReport;
  std::optional<Severity> severity;  // kReport
  int slot = -1;                     // kLet / kFor
  std::uint32_t expr = kNoCode;      // Ops, each kNoCode when absent
  std::uint32_t filter = kNoCode;
  std::uint32_t at = kNoCode;
  std::uint32_t message = kNoCode;
  std::uint32_t body = 0;  // kWhen / kFor: the first statement of the body
  std::uint32_t body_size = 0;
};

// The code of every rule of a pack. Filled once, when the pack is compiled
// or loaded, and never changed after.
struct ProgramCode {
  std::vector<Op> ops;
  std::vector<CodeStmt> stmts;
  std::vector<Value> values;  // constants and text literals
  std::vector<std::shared_ptr<const re2::RE2>> patterns;

  const Op& op(std::uint32_t at) const { return ops[at]; }
  std::span<const CodeStmt> Stmts(std::uint32_t first, std::uint32_t size) const {
    return std::span(stmts).subspan(first, size);
  }
  // Whether every place the code names is in its arrays (a loaded program's).
  bool Consistent() const;
};

struct RuleOverride {
  Severity severity = Severity::kError;
  std::string text;                   // the condition as written, for documentation
  std::uint32_t condition = kNoCode;  // an Op
};

// A rule: its metadata as written, and its check compiled into its pack's
// program.
struct CompiledRule : RuleInfo {
  std::vector<RuleOverride> overrides;
  std::uint32_t check = 0;  // the check's first statement, and how many there are
  std::uint32_t check_size = 0;
  int locals = 0;                     // slots the check needs
  int memos = 0;                      // loop-invariant values it keeps (Op::memo)
  const ProgramCode* code = nullptr;  // the pack's: set by the pack, not saved
};

// Lays the rules' trees out as `code` (which must be empty) and gives each
// rule's compiled form, in the same order. A rule too large for an Op's
// fields (more than 65,535 operands to one call or list, or 32,767 locals
// or kept values) is an error in `diags`, at the rule.
std::vector<CompiledRule> LayOut(std::vector<CheckedRule> rules, ProgramCode& code,
                                 Diagnostics& diags);

}  // namespace s75

// The compiled program: what the compiler makes of parsed rule files and the
// evaluator runs. Names are resolved to local slots and format fields,
// definitions inlined, calls and operators bound to their built-ins, patterns
// compiled; it holds no parse node, and is immutable once compiled.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
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

// A rule: its metadata as written, and its check compiled.
struct CompiledRule : RuleInfo {
  std::vector<CompiledOverride> overrides;
  std::vector<CompiledStmt> check;
  int locals = 0;  // slots the check needs
  int memos = 0;   // loop-invariant values it keeps (CompiledExpr::memo)
};

}  // namespace s75

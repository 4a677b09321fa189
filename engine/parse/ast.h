// The rule language's abstract syntax tree: the engine's own types, with a
// source range on every node. Only parser.cpp knows the ANTLR parse tree.
//
// The compiler annotates expressions in place (types, resolved fields,
// local slots); once compiled a pack is immutable and shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "common/finding.h"
#include "common/severity.h"
#include "common/source_range.h"
#include "format/format.h"

namespace re2 {
class RE2;
}

namespace s75 {

// The static type of an expression.
struct Type {
  enum Kind { kUnknown, kBool, kNumber, kText, kDate, kYear, kDuration, kList, kObject, kMap };
  Kind kind = kUnknown;
  const FieldSpec* spec = nullptr;  // kObject / kMap: the format field; kText: an enum's field
  std::shared_ptr<Type> element;    // kList: the element type

  static Type Of(Kind k) { return Type{k, nullptr, nullptr}; }
  static Type ListOf(Type element);
  // The type of values of a format field.
  static Type FromSpec(const FieldSpec& spec);
  std::string Name() const;
};

enum class ExprKind {
  kNumber,         // 12.5
  kDate,           // 2022-07-01
  kString,         // "text" (a template when it holds {expr})
  kBool,           // true
  kAsOf,           // as_of
  kDuration,       // 12 months
  kName,           // a local, a def or a top-level section
  kField,          // children[0].text
  kIndex,          // children[0][children[1]]
  kCall,           // text(children...)
  kUnary,          // text children[0]   (not, -)
  kBinary,         // children[0] text children[1]
  kList,           // [children...], conditions[i] when `x if cond`
  kComprehension,  // (text in children[0] where children[1])
};

// One piece of a message template: literal text, or an expression.
struct TemplatePart;

struct Expr {
  ExprKind kind = ExprKind::kNumber;
  SourceRange range;
  std::string text;  // literal text, name, field, function or operator
  std::vector<std::unique_ptr<Expr>> children;
  std::vector<std::unique_ptr<Expr>> conditions;  // kList: a condition per item, or null
  std::vector<TemplatePart> parts;                // kString with interpolations
  std::vector<std::string> template_errors;       // kString: reported if used as a template

  // Literal values.
  Decimal number;
  Date date;
  long long duration_months = 0;
  long long duration_days = 0;

  // Compiler annotations.
  bool checked = false;  // annotated by the compiler (set on substituted arguments)
  Type type;
  int function = -1;                      // kCall: a compile::Function
  int field_index = -1;                   // kField: index in the object's spec
  int slot = -1;                          // kName / kComprehension: the local's slot
  std::shared_ptr<const re2::RE2> regex;  // matches(): the compiled pattern
  bool memo = false;  // evaluated inside a loop but reads no local: computed once per document

  std::unique_ptr<Expr> Clone() const;
};

struct TemplatePart {
  std::string literal;
  std::unique_ptr<Expr> expr;  // null for a literal part
};

struct Stmt;
using StmtList = std::vector<std::unique_ptr<Stmt>>;

enum class StmtKind { kLet, kWhen, kFor, kReport };

struct Stmt {
  StmtKind kind = StmtKind::kReport;
  SourceRange range;
  std::string name;              // kLet / kFor: the bound name
  std::unique_ptr<Expr> expr;    // kLet value, kWhen condition, kFor source
  std::unique_ptr<Expr> filter;  // kFor: `where`
  StmtList body;                 // kWhen / kFor
  // kReport
  std::optional<Severity> severity;
  std::unique_ptr<Expr> at;       // where to locate the finding
  std::unique_ptr<Expr> message;  // a kString template
  int slot = -1;                  // kLet / kFor: the local's slot
};

struct SeverityOverride {
  Severity severity = Severity::kError;
  std::unique_ptr<Expr> condition;
  std::string text;  // the condition as written, for documentation
};

// A rule's test: a snippet on which the rule gives no finding (`test pass`),
// or exactly the findings its `expect` lines name (`test fail`).
struct RuleTest {
  SourceRange range;
  bool expect_pass = true;
  std::vector<ExpectedFinding> expected;  // test fail: one per finding, in any order
  int counted = 0;  // `test fail N` of an older pack, naming nothing: N (the test fails)
  std::optional<Date> as_of;
  std::string yaml;
};

// A passage quoted from a source report, under the reference it supports.
struct RuleQuote {
  SourceRange range;
  std::string reference;  // e.g. "MTAE para 37"
  std::string text;       // verbatim from the source; "..." joins omitted parts
};

struct RuleDecl {
  SourceRange range;
  std::string id;
  std::string slug;
  std::string title;
  std::optional<Severity> severity;
  std::vector<SeverityOverride> overrides;
  std::vector<std::string> references;
  std::string remediation;
  std::string description;  // what the rule checks, in plain English
  std::vector<RuleQuote> quotes;
  std::string verification;  // REG rules: how firmly the statutory point is established
  StmtList check;
  bool has_check = false;
  std::vector<RuleTest> tests;
  int locals = 0;  // compiler: slots the check needs
};

struct DefDecl {
  SourceRange range;
  std::string name;
  std::vector<std::string> params;
  std::unique_ptr<Expr> body;
};

struct ImportDecl {
  SourceRange range;
  std::string name;
};

// One parsed rule file.
struct RuleFile {
  std::string path;
  std::string source;
  std::vector<ImportDecl> imports;
  std::vector<DefDecl> defs;
  std::vector<RuleDecl> rules;
};

using RuleFiles = std::vector<std::unique_ptr<RuleFile>>;

}  // namespace s75

// The rule language's abstract syntax tree: the engine's own types, with a
// source range on every node. Only parser.cpp knows the ANTLR parse tree.
//
// The parser's output and nothing else: the compiler reads it and makes its
// own typed program (compile/program.h); nothing writes into a parsed file.
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

namespace s75 {

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
  kUnary,          // op children[0]
  kBinary,         // children[0] op children[1]
  kList,           // [children...], conditions[i] when `x if cond`
  kComprehension,  // (text in children[0] where children[1])
};

// The operators, as the parser reads them from the grammar's tokens. What
// each means is its built-in's (compile/builtins.h).
enum class Operator {
  kOr,
  kAnd,
  kNot,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kIn,
  kNotIn,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kNegate,  // prefix -
};

// One piece of a message template: literal text, or an expression.
struct TemplatePart;

struct Expr {
  ExprKind kind = ExprKind::kNumber;
  SourceRange range;
  std::string text;             // literal text, name, field or function
  Operator op = Operator::kOr;  // kUnary / kBinary
  std::vector<std::unique_ptr<Expr>> children;
  std::vector<std::unique_ptr<Expr>> conditions;  // kList: a condition per item, or null
  std::vector<TemplatePart> parts;                // kString with interpolations
  std::vector<std::string> template_errors;       // kString: reported if used as a template

  // Literal values.
  Decimal number;
  Date date;
  long long duration_months = 0;
  long long duration_days = 0;
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

// What a rule says of itself besides its check. The compiled rule keeps it
// for reports, documentation, selection, waivers and the rule tests.
struct RuleInfo {
  SourceRange range;
  std::string id;
  std::string slug;
  std::string title;
  std::optional<Severity> severity;
  std::vector<std::string> references;
  std::string remediation;
  std::string description;  // what the rule checks, in plain English
  std::vector<RuleQuote> quotes;
  std::string verification;  // REG rules: how firmly the statutory point is established
  std::vector<RuleTest> tests;
};

struct RuleDecl : RuleInfo {
  std::vector<SeverityOverride> overrides;
  StmtList check;
  bool has_check = false;
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
  std::vector<ImportDecl> imports;
  std::vector<DefDecl> defs;
  std::vector<RuleDecl> rules;
};

using RuleFiles = std::vector<std::unique_ptr<RuleFile>>;

}  // namespace s75

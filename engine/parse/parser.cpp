// The only file that sees ANTLR. It lexes and parses with the generated
// parser, collects syntax errors with their positions, and converts the
// parse tree into the engine's AST with one typed function per grammar area.
#include "parse/parser.h"

#include <antlr4-runtime.h>

#include <limits>
#include <map>
#include <optional>
#include <set>

#include "S75RulesLexer.h"
#include "S75RulesParser.h"
#include "common/utf8.h"

namespace s75 {

namespace {

using P = S75RulesParser;

constexpr int kMaxNesting = 100;  // brackets, parentheses and braces
constexpr size_t kMaxErrors = 20;

// Collects syntax errors instead of printing them.
class CollectingListener : public antlr4::BaseErrorListener {
 public:
  CollectingListener(std::string path, Diagnostics& diags)
      : path_(std::move(path)), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* /*offending*/, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr /*e*/) override {
    ++count_;
    if (count_ > kMaxErrors) {
      return;
    }
    diags_.Error({path_, static_cast<int>(line), static_cast<int>(column) + 1},
                 "syntax error: " + msg);
  }
  size_t count() const { return count_; }

 private:
  std::string path_;
  Diagnostics& diags_;
  size_t count_ = 0;
};

// Text of a string token: quotes removed, escapes resolved, and a
// triple-quoted block dedented.
std::string Dedent(std::string_view body) {
  if (!body.empty() && body.front() == '\n') {
    body.remove_prefix(1);
  }
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) {
      nl = body.size();
    }
    lines.push_back(body.substr(start, nl - start));
    start = nl + 1;
  }
  if (!lines.empty() && lines.back().find_first_not_of(" \t\r") == std::string_view::npos) {
    lines.pop_back();
  }
  size_t indent = std::string_view::npos;
  for (std::string_view l : lines) {
    size_t first = l.find_first_not_of(" \t");
    if (first != std::string_view::npos) {
      indent = std::min(indent, first);
    }
  }
  if (indent == std::string_view::npos) {
    indent = 0;
  }
  std::string out;
  for (std::string_view l : lines) {
    out += l.size() > indent ? l.substr(indent) : std::string_view();
    out += '\n';
  }
  return out;
}

std::string StringValue(const std::string& token) {
  if (token.size() >= 6 && token.compare(0, 3, "\"\"\"") == 0) {
    return Dedent(std::string_view(token).substr(3, token.size() - 6));
  }
  std::string out;
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    char c = token[i];
    if (c == '\\' && i + 2 < token.size()) {
      char n = token[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += c;
    }
  }
  return out;
}

// The operator of a cmpOp, addOp or mulOp, by its tokens' text ("notin" for
// `not in`: the parse tree's text has no white space).
Operator InfixOperator(const std::string& text) {
  static const std::map<std::string, Operator, std::less<>> kInfix = {
      {"==", Operator::kEqual},     {"!=", Operator::kNotEqual}, {"<", Operator::kLess},
      {"<=", Operator::kLessEqual}, {">", Operator::kGreater},   {">=", Operator::kGreaterEqual},
      {"in", Operator::kIn},        {"notin", Operator::kNotIn}, {"+", Operator::kAdd},
      {"-", Operator::kSubtract},   {"*", Operator::kMultiply},  {"/", Operator::kDivide}};
  return kInfix.at(text);
}

class AstBuilder {
 public:
  AstBuilder(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  void BuildFile(P::FileContext* ctx, RuleFile& file) {
    for (P::DeclContext* d : ctx->decl()) {
      if (auto* i = d->importDecl()) {
        file.imports.push_back({At(i->getStart()), StringValue(i->STRING()->getText())});
      } else if (auto* def = d->defDecl()) {
        file.defs.push_back(BuildDef(def));
      } else if (auto* r = d->ruleDecl()) {
        file.rules.push_back(BuildRule(r));
      }
    }
  }

 private:
  SourceRange At(antlr4::Token* t) const {
    return {path_, static_cast<int>(t->getLine()),
            static_cast<int>(t->getCharPositionInLine()) + 1};
  }
  SourceRange At(antlr4::ParserRuleContext* ctx) const { return At(ctx->getStart()); }

  // The text of `ctx` as written in the rule file.
  static std::string SourceText(antlr4::ParserRuleContext* ctx) {
    antlr4::Token* start = ctx->getStart();
    antlr4::Token* stop = ctx->getStop();
    if (stop == nullptr || stop->getStopIndex() < start->getStartIndex()) {
      return ctx->getText();
    }
    return start->getInputStream()->getText(
        antlr4::misc::Interval(start->getStartIndex(), stop->getStopIndex()));
  }

  DefDecl BuildDef(P::DefDeclContext* ctx) {
    DefDecl def;
    def.range = At(ctx);
    auto names = ctx->NAME();
    def.name = names[0]->getText();
    for (size_t i = 1; i < names.size(); ++i) {
      def.params.push_back(names[i]->getText());
    }
    def.body = BuildExpr(ctx->expr());
    return def;
  }

  RuleDecl BuildRule(P::RuleDeclContext* ctx) {
    RuleDecl rule;
    rule.range = At(ctx);
    rule.id = ctx->RULE_ID()->getText();
    rule.slug = StringValue(ctx->STRING()->getText());
    std::set<std::string> seen;
    for (P::RuleItemContext* item : ctx->ruleItem()) {
      std::string keyword = item->getStart()->getText();
      bool repeatable = keyword == "test" || keyword == "reference" || keyword == "quote";
      if (!repeatable && !seen.insert(keyword).second) {
        diags_.Error(At(item),
                     "rule " + rule.id + " has a second `" + keyword + "`: merge the two");
        continue;
      }
      BuildRuleItem(item, rule);
    }
    return rule;
  }

  void BuildRuleItem(P::RuleItemContext* item, RuleDecl& rule) {
    if (auto* t = dynamic_cast<P::TitleItemContext*>(item)) {
      rule.title = StringValue(t->STRING()->getText());
    } else if (auto* s = dynamic_cast<P::SeverityItemContext*>(item)) {
      BuildSeverity(s, rule);
    } else if (auto* r = dynamic_cast<P::ReferenceItemContext*>(item)) {
      for (auto* str : r->STRING()) {
        rule.references.push_back(StringValue(str->getText()));
      }
    } else if (auto* m = dynamic_cast<P::RemediationItemContext*>(item)) {
      rule.remediation = StringValue(m->STRING()->getText());
    } else if (auto* d = dynamic_cast<P::DescriptionItemContext*>(item)) {
      rule.description = StringValue(d->STRING()->getText());
    } else if (auto* q = dynamic_cast<P::QuoteItemContext*>(item)) {
      rule.quotes.push_back(
          {At(q), StringValue(q->STRING(0)->getText()), StringValue(q->STRING(1)->getText())});
    } else if (auto* v = dynamic_cast<P::VerificationItemContext*>(item)) {
      rule.verification = StringValue(v->STRING()->getText());
    } else if (auto* c = dynamic_cast<P::CheckItemContext*>(item)) {
      rule.check = BuildBlock(c->block());
      rule.has_check = true;
    } else if (auto* t2 = dynamic_cast<P::TestItemContext*>(item)) {
      rule.tests.push_back(BuildTest(t2, rule.id));
    }
  }

  void BuildSeverity(P::SeverityItemContext* ctx, RuleDecl& rule) {
    auto names = ctx->severityName();
    auto conditions = ctx->expr();
    rule.severity = ParseSeverity(names[0]->getText());
    for (size_t i = 0; i < conditions.size(); ++i) {
      SeverityOverride o;
      o.severity = *ParseSeverity(names[i + 1]->getText());
      o.condition = BuildExpr(conditions[i]);
      o.text = SourceText(conditions[i]);
      rule.overrides.push_back(std::move(o));
    }
  }

  RuleTest BuildTest(P::TestItemContext* ctx, const std::string& rule) {
    RuleTest t;
    t.range = At(ctx);
    t.expect_pass = ctx->children[1]->getText() == "pass";
    if (ctx->NUMBER() != nullptr) {
      t.counted = WholeNumber(ctx->NUMBER()->getSymbol(),
                              "a failing test expects a whole number of findings, at least 1");
    }
    if (ctx->DATE() != nullptr) {
      t.as_of = Date::Parse(ctx->DATE()->getText());
    }
    if (ctx->DATE() != nullptr && !t.as_of) {
      diags_.Error(At(ctx->DATE()->getSymbol()), "not a real date: " + ctx->DATE()->getText());
    }
    t.yaml = StringValue(ctx->STRING()->getText());
    for (P::ExpectationContext* e : ctx->expectation()) {
      t.expected.push_back(BuildExpectation(e));
    }
    CheckTestForm(ctx, t, rule);
    return t;
  }

  // A passing test names nothing; a failing one names its findings, or (an
  // older pack's form, which the test runner fails) counts them.
  void CheckTestForm(P::TestItemContext* ctx, const RuleTest& t, const std::string& rule) {
    if (t.expect_pass && !t.expected.empty()) {
      diags_.Error(t.expected[0].range,
                   "a passing test expects no finding: remove its `expect` lines, or make it "
                   "`test fail`");
    } else if (!t.expect_pass && ctx->NUMBER() != nullptr && !t.expected.empty()) {
      diags_.Error(At(ctx->NUMBER()->getSymbol()),
                   "a failing test that names its findings takes no count: write `test fail` "
                   "without the number");
    } else if (!t.expect_pass && ctx->NUMBER() == nullptr && t.expected.empty()) {
      diags_.Error(t.range,
                   "a failing test names the findings it expects: after the snippet write one "
                   "line per finding, such as `expect " +
                       rule + " at finance.pool_total`");
    }
  }

  ExpectedFinding BuildExpectation(P::ExpectationContext* ctx) {
    ExpectedFinding e;
    e.range = At(ctx);
    e.rule = ctx->RULE_ID()->getText();
    if (P::YamlPathContext* path = ctx->yamlPath()) {
      e.path_range = At(path);
      e.path = SourceText(path);
      if (e.path != path->getText()) {
        diags_.Error(e.path_range, "write the path without spaces: `" + path->getText() + "`");
      }
    }
    if (ctx->NUMBER() != nullptr) {
      e.line = WholeNumber(ctx->NUMBER()->getSymbol(),
                           "a line in the snippet is a whole number, at least 1");
    }
    return e;
  }

  // The value of a NUMBER token that must be a whole number of at least 1;
  // 0, with `error` reported, otherwise.
  int WholeNumber(antlr4::Token* number, const std::string& error) {
    std::optional<Decimal> n = Decimal::Parse(number->getText());
    std::optional<long long> whole = n ? n->ToInt() : std::nullopt;
    if (!whole || *whole < 1 || *whole > std::numeric_limits<int>::max()) {
      diags_.Error(At(number), error);
      return 0;
    }
    return static_cast<int>(*whole);
  }

  StmtList BuildBlock(P::BlockContext* ctx) {
    StmtList out;
    for (P::StmtContext* s : ctx->stmt()) {
      out.push_back(BuildStmt(s));
    }
    return out;
  }

  StmtList BuildBody(P::BodyContext* ctx) {
    if (ctx->block() != nullptr) {
      return BuildBlock(ctx->block());
    }
    StmtList out;
    out.push_back(BuildReport(ctx->reportStmt()));
    return out;
  }

  std::unique_ptr<Stmt> BuildStmt(P::StmtContext* ctx) {
    if (auto* r = dynamic_cast<P::ReportAloneContext*>(ctx)) {
      return BuildReport(r->reportStmt());
    }
    auto s = std::make_unique<Stmt>();
    s->range = At(ctx);
    if (auto* l = dynamic_cast<P::LetStmtContext*>(ctx)) {
      s->kind = StmtKind::kLet;
      s->name = l->NAME()->getText();
      s->expr = BuildExpr(l->expr());
    } else if (auto* w = dynamic_cast<P::WhenStmtContext*>(ctx)) {
      s->kind = StmtKind::kWhen;
      s->expr = BuildExpr(w->expr());
      s->body = BuildBody(w->body());
    } else if (auto* f = dynamic_cast<P::ForStmtContext*>(ctx)) {
      s->kind = StmtKind::kFor;
      s->name = f->NAME()->getText();
      auto exprs = f->expr();
      s->expr = BuildExpr(exprs[0]);
      if (exprs.size() > 1) {
        s->filter = BuildExpr(exprs[1]);
      }
      s->body = BuildBody(f->body());
    }
    return s;
  }

  std::unique_ptr<Stmt> BuildReport(P::ReportStmtContext* ctx) {
    auto s = std::make_unique<Stmt>();
    s->kind = StmtKind::kReport;
    s->range = At(ctx);
    if (ctx->severityName() != nullptr) {
      s->severity = ParseSeverity(ctx->severityName()->getText());
    }
    if (ctx->expr() != nullptr) {
      s->at = BuildExpr(ctx->expr());
    }
    s->message = StringExpr(ctx->STRING()->getSymbol());
    return s;
  }

  std::unique_ptr<Expr> Make(ExprKind kind, antlr4::ParserRuleContext* ctx, std::string text = {}) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->range = At(ctx);
    e->text = std::move(text);
    return e;
  }

  std::unique_ptr<Expr> Operation(ExprKind kind, Operator op, antlr4::ParserRuleContext* ctx) {
    auto e = Make(kind, ctx);
    e->op = op;
    return e;
  }

  std::unique_ptr<Expr> Binary(Operator op, std::unique_ptr<Expr> lhs, std::unique_ptr<Expr> rhs,
                               antlr4::ParserRuleContext* ctx) {
    auto e = Operation(ExprKind::kBinary, op, ctx);
    e->children.push_back(std::move(lhs));
    e->children.push_back(std::move(rhs));
    return e;
  }

  std::unique_ptr<Expr> BuildExpr(P::ExprContext* ctx) {
    auto terms = ctx->andExpr();
    std::unique_ptr<Expr> e = BuildAnd(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i) {
      e = Binary(Operator::kOr, std::move(e), BuildAnd(terms[i]), ctx);
    }
    return e;
  }

  std::unique_ptr<Expr> BuildAnd(P::AndExprContext* ctx) {
    auto terms = ctx->notExpr();
    std::unique_ptr<Expr> e = BuildNot(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i) {
      e = Binary(Operator::kAnd, std::move(e), BuildNot(terms[i]), ctx);
    }
    return e;
  }

  std::unique_ptr<Expr> BuildNot(P::NotExprContext* ctx) {
    if (ctx->notExpr() == nullptr) {
      return BuildCmp(ctx->cmpExpr());
    }
    auto e = Operation(ExprKind::kUnary, Operator::kNot, ctx);
    e->children.push_back(BuildNot(ctx->notExpr()));
    return e;
  }

  std::unique_ptr<Expr> BuildCmp(P::CmpExprContext* ctx) {
    auto sides = ctx->addExpr();
    std::unique_ptr<Expr> lhs = BuildAdd(sides[0]);
    if (sides.size() == 1) {
      return lhs;
    }
    auto e =
        Binary(InfixOperator(ctx->cmpOp()->getText()), std::move(lhs), BuildAdd(sides[1]), ctx);
    e->range = At(ctx->cmpOp());
    return e;
  }

  std::unique_ptr<Expr> BuildAdd(P::AddExprContext* ctx) {
    auto terms = ctx->mulExpr();
    auto ops = ctx->addOp();
    std::unique_ptr<Expr> e = BuildMul(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i) {
      e = Binary(InfixOperator(ops[i - 1]->getText()), std::move(e), BuildMul(terms[i]),
                 ops[i - 1]);
    }
    return e;
  }

  std::unique_ptr<Expr> BuildMul(P::MulExprContext* ctx) {
    auto terms = ctx->unaryExpr();
    auto ops = ctx->mulOp();
    std::unique_ptr<Expr> e = BuildUnary(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i) {
      e = Binary(InfixOperator(ops[i - 1]->getText()), std::move(e), BuildUnary(terms[i]),
                 ops[i - 1]);
    }
    return e;
  }

  std::unique_ptr<Expr> BuildUnary(P::UnaryExprContext* ctx) {
    if (ctx->unaryExpr() == nullptr) {
      return BuildPostfix(ctx->postfixExpr());
    }
    auto e = Operation(ExprKind::kUnary, Operator::kNegate, ctx);
    e->children.push_back(BuildUnary(ctx->unaryExpr()));
    return e;
  }

  std::unique_ptr<Expr> BuildPostfix(P::PostfixExprContext* ctx) {
    std::unique_ptr<Expr> e = BuildPrimary(ctx->primary());
    for (P::PostfixContext* p : ctx->postfix()) {
      if (p->fieldName() != nullptr) {
        auto f = Make(ExprKind::kField, p->fieldName(), p->fieldName()->getText());
        f->children.push_back(std::move(e));
        e = std::move(f);
      } else {
        auto i = Make(ExprKind::kIndex, p);
        i->children.push_back(std::move(e));
        i->children.push_back(BuildExpr(p->expr()));
        e = std::move(i);
      }
    }
    return e;
  }

  std::unique_ptr<Expr> BuildPrimary(P::PrimaryContext* ctx) {
    if (auto* d = dynamic_cast<P::DurationLitContext*>(ctx)) {
      return BuildDuration(d);
    }
    if (auto* n = dynamic_cast<P::NumberLitContext*>(ctx)) {
      auto e = Make(ExprKind::kNumber, ctx, n->getText());
      e->number = Decimal::Parse(n->getText()).value_or(Decimal());
      if (!Decimal::Parse(n->getText())) {
        diags_.Error(e->range, "number out of range");
      }
      return e;
    }
    if (auto* d = dynamic_cast<P::DateLitContext*>(ctx)) {
      auto e = Make(ExprKind::kDate, ctx, d->getText());
      if (auto date = Date::Parse(d->getText())) {
        e->date = *date;
      } else {
        diags_.Error(e->range, "not a real date: " + d->getText());
      }
      return e;
    }
    if (dynamic_cast<P::StringLitContext*>(ctx) != nullptr) {
      return StringExpr(ctx->getStart());
    }
    if (dynamic_cast<P::BoolLitContext*>(ctx) != nullptr) {
      return Make(ExprKind::kBool, ctx, ctx->getText());
    }
    if (dynamic_cast<P::AsOfContext*>(ctx) != nullptr) {
      return Make(ExprKind::kAsOf, ctx);
    }
    if (auto* c = dynamic_cast<P::CallContext*>(ctx)) {
      return BuildCall(c);
    }
    if (auto* n = dynamic_cast<P::NameContext*>(ctx)) {
      return Make(ExprKind::kName, ctx, n->getText());
    }
    if (auto* l = dynamic_cast<P::ListLitContext*>(ctx)) {
      return BuildList(l);
    }
    if (auto* c = dynamic_cast<P::ComprehensionExprContext*>(ctx)) {
      return BuildComprehension(c->comprehension());
    }
    auto* parens = dynamic_cast<P::ParensContext*>(ctx);
    return BuildExpr(parens->expr());
  }

  std::unique_ptr<Expr> BuildDuration(P::DurationLitContext* ctx) {
    auto e = Make(ExprKind::kDuration, ctx, ctx->getText());
    std::optional<long long> n;
    if (auto d = Decimal::Parse(ctx->NUMBER()->getText())) {
      n = d->ToInt();
    }
    if (!n) {
      diags_.Error(e->range, "a duration is a whole number of months or days");
      return e;
    }
    std::string unit = ctx->unit()->getText();
    (unit.rfind("month", 0) == 0 ? e->duration_months : e->duration_days) = *n;
    return e;
  }

  std::unique_ptr<Expr> BuildCall(P::CallContext* ctx) {
    auto e = Make(ExprKind::kCall, ctx, ctx->callee->getText());
    for (P::ArgContext* a : ctx->arg()) {
      e->children.push_back(a->comprehension() != nullptr ? BuildComprehension(a->comprehension())
                                                          : BuildExpr(a->expr()));
    }
    return e;
  }

  std::unique_ptr<Expr> BuildComprehension(P::ComprehensionContext* ctx) {
    auto e = Make(ExprKind::kComprehension, ctx, ctx->NAME()->getText());
    auto exprs = ctx->expr();
    e->children.push_back(BuildExpr(exprs[0]));
    e->children.push_back(BuildExpr(exprs[1]));
    return e;
  }

  std::unique_ptr<Expr> BuildList(P::ListLitContext* ctx) {
    auto e = Make(ExprKind::kList, ctx);
    for (P::ListElemContext* item : ctx->listElem()) {
      auto exprs = item->expr();
      e->children.push_back(BuildExpr(exprs[0]));
      e->conditions.push_back(exprs.size() > 1 ? BuildExpr(exprs[1]) : nullptr);
    }
    return e;
  }

  // A string literal; `{expr}` inside it is an interpolation, `{{` and `}}`
  // are literal braces.
  std::unique_ptr<Expr> StringExpr(antlr4::Token* token) {
    auto e = std::make_unique<Expr>();
    e->kind = ExprKind::kString;
    e->range = At(token);
    e->text = StringValue(token->getText());
    if (e->text.find_first_of("{}") == std::string::npos) {
      return e;
    }
    std::string literal;
    const std::string& s = e->text;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) {
        literal += s[i++];
      } else if (s[i] == '{') {
        size_t close = s.find('}', i);
        if (close == std::string::npos) {
          e->template_errors.emplace_back(
              "unclosed `{` in a message: write `{{` for a literal brace");
          return e;
        }
        e->parts.push_back({literal, nullptr});
        literal.clear();
        e->parts.push_back(
            {"", Embedded(s.substr(i + 1, close - i - 1), e->range, e->template_errors)});
        i = close;
      } else if (s[i] == '}') {
        e->template_errors.emplace_back(
            "unmatched `}` in a message: write `}}` for a literal brace");
        return e;
      } else {
        literal += s[i];
      }
    }
    e->parts.push_back({literal, nullptr});
    return e;
  }

  std::unique_ptr<Expr> Embedded(const std::string& text, const SourceRange& at,
                                 std::vector<std::string>& errors);

  std::string path_;
  Diagnostics& diags_;
};

// Checks bracket nesting before parsing, so that hostile input cannot
// exhaust the parser's stack.
bool CheckNesting(antlr4::CommonTokenStream& tokens, const std::string& path, Diagnostics& diags) {
  int depth = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    std::string text = t->getText();
    if (text == "(" || text == "[" || text == "{") {
      ++depth;
    }
    if (text == ")" || text == "]" || text == "}") {
      --depth;
    }
    if (depth > kMaxNesting) {
      diags.Error(
          {path, static_cast<int>(t->getLine()), static_cast<int>(t->getCharPositionInLine()) + 1},
          "brackets nested more than " + std::to_string(kMaxNesting) + " deep");
      return false;
    }
  }
  return true;
}

// Runs the generated parser over `source` from `start` (file or exprOnly).
template <typename Build>
bool Parse(const std::string& path, const std::string& source, Diagnostics& diags, Build build) {
  antlr4::ANTLRInputStream input(source);
  S75RulesLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  CollectingListener listener(path, diags);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  tokens.fill();
  if (!CheckNesting(tokens, path, diags)) {
    return false;
  }
  S75RulesParser parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  // SLL prediction is faster on a cold start (every run compiles the packs)
  // and this grammar needs no full-context prediction. Syntax errors are
  // reported as before (the rule-language reference's examples are unchanged).
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  try {
    return build(parser, listener);
  } catch (const std::exception& e) {
    diags.Error({path, 1, 1}, std::string("the rule file could not be parsed: ") + e.what());
    return false;
  }
}

// Parses the expression inside a template's braces. Its errors are kept on
// the string and reported only if the string is used as a message (a regular
// expression's `{4}` is not an interpolation).
std::unique_ptr<Expr> AstBuilder::Embedded(const std::string& text, const SourceRange& at,
                                           std::vector<std::string>& errors) {
  std::unique_ptr<Expr> out;
  Diagnostics inner;
  AstBuilder nested(path_, inner);
  Parse(path_, text, inner, [&](S75RulesParser& parser, CollectingListener& listener) {
    P::ExprOnlyContext* tree = parser.exprOnly();
    if (listener.count() > 0) {
      return false;
    }
    out = nested.BuildExpr(tree->expr());
    return true;
  });
  for (const Diagnostic& d : inner.items()) {
    errors.push_back("in the message's `{" + text + "}`: " + d.message);
  }
  if (!out) {
    out = std::make_unique<Expr>();
    out->kind = ExprKind::kString;
  }
  // Interpolations report at the message's position.
  std::vector<Expr*> todo = {out.get()};
  while (!todo.empty()) {
    Expr* e = todo.back();
    todo.pop_back();
    e->range = at;
    for (auto& c : e->children) {
      todo.push_back(c.get());
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<RuleFile> ParseRuleFile(const std::string& path, const std::string& source,
                                        Diagnostics& diags) {
  // ANTLR's input stream throws on bytes that are not UTF-8.
  if (std::optional<Utf8Error> bad = FindInvalidUtf8(source)) {
    diags.Error({path, bad->line, bad->column},
                "the rule file is " + bad->Describe() + "; save it as UTF-8");
    return nullptr;
  }
  auto file = std::make_unique<RuleFile>();
  file->path = path;
  bool ok = Parse(path, source, diags, [&](S75RulesParser& parser, CollectingListener& listener) {
    P::FileContext* tree = parser.file();
    if (listener.count() > 0) {
      return false;
    }
    size_t before = diags.items().size();
    AstBuilder(path, diags).BuildFile(tree, *file);
    return diags.items().size() == before;
  });
  if (!ok) {
    return nullptr;
  }
  return file;
}

}  // namespace s75

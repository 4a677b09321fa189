#include "compile/checker.h"

#include <re2/re2.h>

#include <set>

#include "compile/expectations.h"
#include "compile/functions.h"
#include "compile/invariants.h"
#include "format/format.h"

namespace s75 {

namespace {

struct Local {
  std::string name;
  Type type;
  int slot;
};

bool Compatible(const Type& a, const Type& b) {
  if (a.kind == Type::kUnknown || b.kind == Type::kUnknown) {
    return true;
  }
  if (a.kind != b.kind) {
    return false;
  }
  if (a.kind == Type::kList) {
    return Compatible(*a.element, *b.element);
  }
  return true;
}

bool IsA(const Type& t, Type::Kind k) { return t.kind == k || t.kind == Type::kUnknown; }

Type ElementOf(const Type& t) {
  if (t.kind == Type::kList && t.element) {
    return *t.element;
  }
  return Type::Of(Type::kUnknown);
}

// The checker for one file. Locals are a stack; `barrier_` hides the
// caller's locals while an inlined definition is checked.
class Checker {
 public:
  Checker(const DefScope& scope, std::set<std::string>& bad_defs, Diagnostics& diags)
      : scope_(scope), bad_defs_(bad_defs), diags_(diags) {}

  int slots() const { return next_slot_; }

  Type Check(std::unique_ptr<Expr>& e) {
    if (e->checked) {
      return e->type;
    }
    e->type = CheckUnannotated(e);
    e->checked = true;
    return e->type;
  }

  void ExpectBool(std::unique_ptr<Expr>& e, std::string_view what) {
    Type t = Check(e);
    if (!IsA(t, Type::kBool)) {
      Error(e->range, std::string(what) + " must be true or false, not " + t.Name());
    }
  }

  void CheckStmts(StmtList& stmts) {
    size_t mark = locals_.size();
    for (auto& s : stmts) {
      CheckStmt(*s);
    }
    locals_.resize(mark);
  }

 private:
  void Error(const SourceRange& at, std::string message) { diags_.Error(at, std::move(message)); }

  int Bind(const std::string& name, Type type) {
    int slot = next_slot_++;
    locals_.push_back({name, std::move(type), slot});
    return slot;
  }

  void CheckStmt(Stmt& s) {
    switch (s.kind) {
      case StmtKind::kLet:
        s.slot = Bind(s.name, Check(s.expr));
        return;
      case StmtKind::kWhen:
        ExpectBool(s.expr, "a `when` condition");
        CheckStmts(s.body);
        return;
      case StmtKind::kFor: {
        Type source = Check(s.expr);
        if (!IsA(source, Type::kList)) {
          Error(s.expr->range, "`for each` needs a list, and this is " + source.Name());
        }
        size_t mark = locals_.size();
        s.slot = Bind(s.name, ElementOf(source));
        if (s.filter) {
          ExpectBool(s.filter, "a `where` condition");
        }
        CheckStmts(s.body);
        locals_.resize(mark);
        return;
      }
      case StmtKind::kReport:
        if (s.at) {
          Check(s.at);
        }
        Check(s.message);
        return;
    }
  }

  Type CheckUnannotated(std::unique_ptr<Expr>& e) {
    switch (e->kind) {
      case ExprKind::kNumber:
        return Type::Of(Type::kNumber);
      case ExprKind::kDate:
      case ExprKind::kAsOf:
        return Type::Of(Type::kDate);
      case ExprKind::kBool:
        return Type::Of(Type::kBool);
      case ExprKind::kDuration:
        return Type::Of(Type::kDuration);
      case ExprKind::kString:
        for (const std::string& m : e->template_errors) {
          Error(e->range, m);
        }
        for (auto& p : e->parts) {
          if (p.expr) {
            Check(p.expr);
          }
        }
        return Type::Of(Type::kText);
      case ExprKind::kName:
        return CheckName(e);
      case ExprKind::kField:
        return CheckField(*e);
      case ExprKind::kIndex:
        return CheckIndex(*e);
      case ExprKind::kCall:
        return CheckCall(e);
      case ExprKind::kUnary:
        return CheckUnary(*e);
      case ExprKind::kBinary:
        return CheckBinary(*e);
      case ExprKind::kList:
        return CheckList(*e);
      case ExprKind::kComprehension:
        return CheckComprehension(*e);
    }
    return Type::Of(Type::kUnknown);
  }

  std::vector<std::string> VisibleNames() const {
    std::vector<std::string> names;
    for (size_t i = barrier_; i < locals_.size(); ++i) {
      names.push_back(locals_[i].name);
    }
    for (const auto& [name, def] : scope_) {
      names.push_back(name);
    }
    for (const FieldSpec& f : AgreementFormat().fields) {
      names.push_back(f.name);
    }
    return names;
  }

  Type CheckName(std::unique_ptr<Expr>& e) {
    for (size_t i = locals_.size(); i > barrier_; --i) {
      if (locals_[i - 1].name == e->text) {
        e->slot = locals_[i - 1].slot;
        return locals_[i - 1].type;
      }
    }
    if (auto it = scope_.find(e->text); it != scope_.end()) {
      return Inline(e, *it->second, {});
    }
    const FieldSpec& root = AgreementFormat();
    int index = root.FieldIndex(e->text);
    if (index >= 0) {
      e->field_index = index;
      FormatOneOnly(*e, root.fields[static_cast<size_t>(index)]);
      return Type::FromSpec(root.fields[static_cast<size_t>(index)]);
    }
    std::string hint = ClosestName(e->text, VisibleNames());
    Error(e->range, "unknown name `" + e->text + "`" +
                        (hint.empty() ? "" : "; did you mean `" + hint + "`?"));
    return Type::Of(Type::kUnknown);
  }

  // Replaces a use of a definition with a copy of its body, its parameters
  // replaced by the (already checked) arguments, and checks the copy.
  // `args` is taken by value: it owns the arguments moved out of `use`, which
  // this function replaces.
  Type Inline(
      std::unique_ptr<Expr>& use, const DefDecl& def,
      std::vector<std::unique_ptr<Expr>> args) {  // NOLINT(performance-unnecessary-value-param)
    if (args.size() != def.params.size()) {
      Error(use->range, "`" + def.name + "` takes " + std::to_string(def.params.size()) +
                            " argument(s), not " + std::to_string(args.size()));
      return Type::Of(Type::kUnknown);
    }
    if (bad_defs_.count(def.name) != 0 || ++depth_ > 64) {
      if (depth_ > 64) {
        Error(use->range, "definitions nested too deeply");
      }
      --depth_;
      return Type::Of(Type::kUnknown);
    }
    std::unique_ptr<Expr> body = def.body->Clone();
    Substitute(body, def.params, args);
    size_t saved = barrier_;
    barrier_ = locals_.size();
    size_t before = diags_.items().size();
    Type t = Check(body);
    barrier_ = saved;
    --depth_;
    if (diags_.items().size() != before) {
      Error(use->range, "in the use of `" + def.name + "` defined at " + def.range.ToString());
    }
    use = std::move(body);
    return t;
  }

  static void Substitute(std::unique_ptr<Expr>& e, const std::vector<std::string>& params,
                         const std::vector<std::unique_ptr<Expr>>& args) {
    if (e->kind == ExprKind::kComprehension &&
        std::find(params.begin(), params.end(), e->text) != params.end()) {
      // `x in list where cond` binds x afresh: only the list sees the parameter.
      Substitute(e->children[0], params, args);
      return;
    }
    if (e->kind == ExprKind::kName && !e->checked) {
      for (size_t i = 0; i < params.size(); ++i) {
        if (params[i] == e->text) {
          e = args[i]->Clone();
          return;
        }
      }
    }
    for (auto& c : e->children) {
      Substitute(c, params, args);
    }
    for (auto& c : e->conditions) {
      if (c) {
        Substitute(c, params, args);
      }
    }
    for (auto& p : e->parts) {
      if (p.expr) {
        Substitute(p.expr, params, args);
      }
    }
  }

  // Rules read the model, in which a format 1 file's fund figures are a
  // fund's (load/model.h): a key only format 1 writes is never read.
  void FormatOneOnly(const Expr& e, const FieldSpec& field) {
    if (!field.In(2)) {
      Error(e.range, "`" + e.text + "` is a format 1 key: rules read the model, where it is `" +
                         field.moved_to + "` (format 1 files are read into it)");
    }
  }

  Type FieldOf(Expr& e, const FieldSpec& spec, bool project) {
    int index = spec.FieldIndex(e.text);
    if (index < 0) {
      Error(e.range, UnknownFieldMessage(e.text, spec));
      return Type::Of(Type::kUnknown);
    }
    e.field_index = index;
    FormatOneOnly(e, spec.fields[static_cast<size_t>(index)]);
    Type t = Type::FromSpec(spec.fields[static_cast<size_t>(index)]);
    if (!project) {
      return t;
    }
    return t.kind == Type::kList ? t : Type::ListOf(t);
  }

  Type CheckField(Expr& e) {
    Type base = Check(e.children[0]);
    if (base.kind == Type::kUnknown) {
      return base;
    }
    if (base.kind == Type::kObject) {
      return FieldOf(e, *base.spec, false);
    }
    if (base.kind == Type::kList && base.element && base.element->kind == Type::kObject) {
      return FieldOf(e, *base.element->spec, true);
    }
    Error(e.range, "`." + e.text + "`: " + base.Name() + " has no fields");
    return Type::Of(Type::kUnknown);
  }

  Type CheckIndex(Expr& e) {
    Type base = Check(e.children[0]);
    Type index = Check(e.children[1]);
    if (base.kind == Type::kList) {
      if (!IsA(index, Type::kNumber)) {
        Error(e.range, "a list index is a number");
      }
      return ElementOf(base);
    }
    if (base.kind == Type::kMap) {
      if (!IsA(index, Type::kText)) {
        Error(e.range, "a mapping is indexed by a partner id");
      }
      return Type::FromSpec(*base.spec->element);
    }
    if (base.kind != Type::kUnknown) {
      Error(e.range, base.Name() + " cannot be indexed");
    }
    return Type::Of(Type::kUnknown);
  }

  Type CheckUnary(Expr& e) {
    Type t = Check(e.children[0]);
    if (e.text == "not") {
      if (!IsA(t, Type::kBool)) {
        Error(e.range, "`not` needs true or false, not " + t.Name());
      }
      return Type::Of(Type::kBool);
    }
    if (!IsA(t, Type::kNumber)) {
      Error(e.range, "`-` needs a number, not " + t.Name());
    }
    return Type::Of(Type::kNumber);
  }

  // A string literal compared with an enum field must be one of its words.
  void CheckVocabulary(const Type& field, const Expr& literal) {
    if (field.kind != Type::kText || field.spec == nullptr) {
      return;
    }
    if (literal.kind != ExprKind::kString || !literal.parts.empty()) {
      return;
    }
    const auto& words = field.spec->vocabulary;
    if (std::find(words.begin(), words.end(), literal.text) != words.end()) {
      return;
    }
    std::string hint = ClosestName(literal.text, words);
    std::string name = field.spec->name.empty() ? "this list" : "`" + field.spec->name + "`";
    Error(literal.range, "\"" + literal.text + "\" is never a value of " + name +
                             (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
  }

  void CheckVocabularyAll(const Type& field, const Expr& other) {
    if (other.kind == ExprKind::kList) {
      for (const auto& c : other.children) {
        CheckVocabulary(field, *c);
      }
    } else {
      CheckVocabulary(field, other);
    }
  }

  Type CheckBinary(Expr& e) {
    Type l = Check(e.children[0]);
    Type r = Check(e.children[1]);
    const std::string& op = e.text;
    if (op == "and" || op == "or") {
      if (!IsA(l, Type::kBool) || !IsA(r, Type::kBool)) {
        Error(e.range, "`" + op + "` joins conditions, not " + l.Name() + " and " + r.Name());
      }
      return Type::Of(Type::kBool);
    }
    if (op == "in" || op == "not in") {
      if (!IsA(r, Type::kList) || !Compatible(l, ElementOf(r))) {
        Error(e.range, "`" + op + "` needs a value and a list of the same type, not " + l.Name() +
                           " and " + r.Name());
      }
      CheckVocabularyAll(l, *e.children[1]);
      if (r.element) {
        CheckVocabulary(*r.element, *e.children[0]);
      }
      return Type::Of(Type::kBool);
    }
    if (op == "==" || op == "!=") {
      if (!Compatible(l, r)) {
        Error(e.range, "cannot compare " + l.Name() + " with " + r.Name());
      }
      for (const Type* side : {&l, &r}) {
        if (side->kind == Type::kList || side->kind == Type::kObject || side->kind == Type::kMap ||
            side->kind == Type::kDuration) {
          Error(e.range, "`" + op + "` compares single values, not a " + side->Name() +
                             ": compare their fields, or use count(), in or any()");
          break;
        }
      }
      CheckVocabulary(l, *e.children[1]);
      CheckVocabulary(r, *e.children[0]);
      return Type::Of(Type::kBool);
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      bool ordered = IsA(l, Type::kNumber) || IsA(l, Type::kDate) || IsA(l, Type::kYear);
      if (!ordered || !Compatible(l, r)) {
        Error(e.range, "cannot order " + l.Name() + " against " + r.Name());
      }
      return Type::Of(Type::kBool);
    }
    if ((op == "+" || op == "-") && IsA(l, Type::kDate) && r.kind == Type::kDuration) {
      return Type::Of(Type::kDate);
    }
    if (!IsA(l, Type::kNumber) || !IsA(r, Type::kNumber)) {
      Error(e.range, "`" + op + "` needs numbers (or a date and a duration), not " + l.Name() +
                         " and " + r.Name());
    }
    return Type::Of(Type::kNumber);
  }

  Type CheckList(Expr& e) {
    Type element = Type::Of(Type::kUnknown);
    for (size_t i = 0; i < e.children.size(); ++i) {
      Type t = Check(e.children[i]);
      if (!Compatible(element, t)) {
        Error(e.children[i]->range,
              "a list holds one type: " + element.Name() + " and " + t.Name());
      }
      if (element.kind == Type::kUnknown) {
        element = t;
      }
      if (e.conditions[i]) {
        ExpectBool(e.conditions[i], "an `if` in a list");
      }
    }
    return Type::ListOf(element);
  }

  Type CheckComprehension(Expr& e) {
    Type source = Check(e.children[0]);
    if (!IsA(source, Type::kList)) {
      Error(e.children[0]->range, "`" + e.text + " in ...` needs a list, not " + source.Name());
    }
    size_t mark = locals_.size();
    e.slot = Bind(e.text, ElementOf(source));
    ExpectBool(e.children[1], "a `where` condition");
    locals_.resize(mark);
    return source.kind == Type::kList ? source : Type::ListOf(Type::Of(Type::kUnknown));
  }

  Type CheckCall(std::unique_ptr<Expr>& e) {
    if (auto it = scope_.find(e->text); it != scope_.end()) {
      for (auto& a : e->children) {
        Check(a);
      }
      return Inline(e, *it->second, std::move(e->children));
    }
    const FunctionInfo* f = FindFunction(e->text);
    if (f == nullptr) {
      std::vector<std::string> names;
      size_t n = 0;
      const FunctionInfo* all = Functions(&n);
      for (size_t i = 0; i < n; ++i) {
        names.emplace_back(all[i].name);
      }
      for (const auto& [name, def] : scope_) {
        names.push_back(name);
      }
      std::string hint = ClosestName(e->text, names);
      Error(e->range, "unknown function `" + e->text + "`" +
                          (hint.empty() ? "" : "; did you mean `" + hint + "`?"));
      for (auto& a : e->children) {
        Check(a);
      }
      return Type::Of(Type::kUnknown);
    }
    e->function = static_cast<int>(f->id);
    return CheckFunction(*e, *f);
  }

  bool Arity(Expr& e, const FunctionInfo& f, size_t min, size_t max) {
    if (e.children.size() >= min && e.children.size() <= max) {
      return true;
    }
    Error(e.range, "wrong number of arguments: " + std::string(f.signature));
    return false;
  }

  void ExpectArg(Expr& e, size_t i, bool ok, const FunctionInfo& f) {
    if (!ok) {
      Error(e.children[i]->range, "argument " + std::to_string(i + 1) + " of `" +
                                      std::string(f.name) + "` is " + e.children[i]->type.Name() +
                                      ": " + std::string(f.signature));
    }
  }

  std::shared_ptr<const re2::RE2> Pattern(Expr& e, const std::string& pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const re2::RE2>(pattern, options);
    if (!re->ok()) {
      Error(e.range, "bad regular expression: " + re->error());
    }
    return re;
  }

  std::string LiteralArg(Expr& e, size_t i, const FunctionInfo& f) {
    const Expr& a = *e.children[i];
    if (a.kind != ExprKind::kString) {
      Error(a.range, "argument " + std::to_string(i + 1) + " of `" + std::string(f.name) +
                         "` must be a string literal");
      return "";
    }
    return a.text;
  }

  static std::string WordPattern(const std::string& phrase) {
    std::string out = "(?i)\\b";
    bool space = false;
    for (char c : phrase) {
      if (c == ' ') {
        space = true;
        continue;
      }
      if (space) {
        out += "\\s+";
      }
      space = false;
      out += RE2::QuoteMeta(std::string(1, c));
    }
    return out + "\\b";
  }

  Type CheckFunction(Expr& e, const FunctionInfo& f) {
    bool pattern = f.id == Function::kMatches || f.id == Function::kContainsWord;
    if (pattern && e.children.size() == 2 && e.children[1]->kind == ExprKind::kString) {
      // A pattern is raw text: `{4}` in a regular expression is no interpolation.
      e.children[1]->parts.clear();
      e.children[1]->checked = true;
      e.children[1]->type = Type::Of(Type::kText);
    }
    std::vector<Type> t;
    for (auto& a : e.children) {
      t.push_back(Check(a));
    }
    auto arg = [&](size_t i) { return i < t.size() ? t[i] : Type::Of(Type::kUnknown); };
    switch (f.id) {
      case Function::kDescribed:
      case Function::kAnswered:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
        }
        return Type::Of(Type::kBool);
      case Function::kAbsence:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
        }
        return Type::Of(Type::kText);
      case Function::kPresent:
      case Function::kMissing:
        Arity(e, f, 1, 1);
        return Type::Of(Type::kBool);
      case Function::kCount:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kList), f);
        }
        return Type::Of(Type::kNumber);
      case Function::kSum:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kList) && IsA(ElementOf(arg(0)), Type::kNumber), f);
        }
        return Type::Of(Type::kNumber);
      case Function::kMin:
      case Function::kMax: {
        if (!Arity(e, f, 1, 1)) {
          return Type::Of(Type::kUnknown);
        }
        Type el = ElementOf(arg(0));
        bool ordered = IsA(el, Type::kNumber) || el.kind == Type::kDate || el.kind == Type::kText ||
                       el.kind == Type::kYear;
        ExpectArg(e, 0, IsA(arg(0), Type::kList) && ordered, f);
        return el;
      }
      case Function::kDistinct:
      case Function::kDuplicates:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kList), f);
        }
        return arg(0);
      case Function::kAny:
      case Function::kAll:
      case Function::kNone:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, e.children[0]->kind == ExprKind::kComprehension, f);
        }
        return Type::Of(Type::kBool);
      case Function::kMatches:
      case Function::kContainsWord:
        if (Arity(e, f, 2, 2)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
          std::string literal = LiteralArg(e, 1, f);
          e.regex = Pattern(e, f.id == Function::kMatches ? literal : WordPattern(literal));
        }
        return Type::Of(Type::kBool);
      case Function::kMentions:
        if (Arity(e, f, 2, 2)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
          ExpectArg(e, 1, IsA(arg(1), Type::kText), f);
        }
        return Type::Of(Type::kBool);
      case Function::kLower:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
        }
        return Type::Of(Type::kText);
      case Function::kJoin:
        if (Arity(e, f, 1, 2)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kList), f);
          if (t.size() > 1) {
            ExpectArg(e, 1, IsA(arg(1), Type::kText), f);
          }
        }
        return Type::Of(Type::kText);
      case Function::kPartner: {
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kText), f);
        }
        const FieldSpec& partners =
            AgreementFormat().fields[static_cast<size_t>(AgreementFormat().FieldIndex("partners"))];
        return Type::FromSpec(*partners.element);
      }
      case Function::kKeys:
      case Function::kValues:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kMap), f);
        }
        return Type::ListOf(Type::Of(f.id == Function::kKeys ? Type::kText : Type::kNumber));
      case Function::kMonths:
      case Function::kDays:
        if (Arity(e, f, 1, 1)) {
          ExpectArg(e, 0, IsA(arg(0), Type::kNumber), f);
        }
        return Type::Of(Type::kDuration);
      case Function::kCoalesce:
        if (Arity(e, f, 2, 2)) {
          ExpectArg(e, 1, Compatible(arg(0), arg(1)), f);
        }
        return arg(0);
    }
    return Type::Of(Type::kUnknown);
  }

  const DefScope& scope_;
  std::set<std::string>& bad_defs_;
  Diagnostics& diags_;
  std::vector<Local> locals_;
  size_t barrier_ = 0;
  int next_slot_ = 0;
  int depth_ = 0;
};

void CheckRule(RuleDecl& rule, const DefScope& scope, std::set<std::string>& bad_defs,
               Diagnostics& diags) {
  if (rule.title.empty()) {
    diags.Error(rule.range, "rule " + rule.id + " has no `title`");
  }
  if (!rule.severity) {
    diags.Error(rule.range, "rule " + rule.id + " has no `severity`");
  }
  if (!rule.has_check) {
    diags.Error(rule.range, "rule " + rule.id + " has no `check` block");
  }
  Checker checker(scope, bad_defs, diags);
  for (auto& o : rule.overrides) {
    checker.ExpectBool(o.condition, "a severity condition");
  }
  size_t before = diags.items().size();
  checker.CheckStmts(rule.check);
  rule.locals = checker.slots();
  CheckExpectedFindings(rule, diags);
  if (diags.items().size() == before) {
    MarkLoopInvariants(rule);
  }
}

}  // namespace

DefScope CheckRuleFile(RuleFile& file, const DefScope& imported, Diagnostics& diags) {
  DefScope scope = imported;
  DefScope own;
  std::set<std::string> bad_defs;
  for (DefDecl& def : file.defs) {
    if (scope.count(def.name) != 0 || FindFunction(def.name) != nullptr ||
        AgreementFormat().FieldIndex(def.name) >= 0) {
      diags.Error(def.range, "`" + def.name + "` is already defined");
      continue;
    }
    if (def.params.empty()) {
      // Check a copy now so that mistakes show at the definition.
      size_t before = diags.items().size();
      Checker checker(scope, bad_defs, diags);
      std::unique_ptr<Expr> copy = def.body->Clone();
      checker.Check(copy);
      if (diags.items().size() != before) {
        bad_defs.insert(def.name);
      }
    }
    scope[def.name] = &def;
    own[def.name] = &def;
  }
  for (RuleDecl& rule : file.rules) {
    CheckRule(rule, scope, bad_defs, diags);
  }
  return own;
}

}  // namespace s75

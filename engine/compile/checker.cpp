#include "compile/checker.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "compile/builtins.h"
#include "compile/expectations.h"
#include "compile/invariants.h"
#include "schema/format.h"

namespace s75 {

namespace {

using Code = std::unique_ptr<CompiledExpr>;

struct Local {
  std::string name;
  Type type;
  int slot;
};

// A definition being inlined: its parameters stand for these arguments.
struct Binding {
  const std::vector<std::string>* params = nullptr;
  const std::vector<Code>* args = nullptr;
};

// Moves the locals `code` binds and reads by `offset` slots: a definition's
// body compiled on its own numbers them from 0.
void MoveLocals(CompiledExpr& code, int offset) {
  if (code.kind == CompiledExpr::kLocal || code.kind == CompiledExpr::kSelect) {
    code.index += offset;
  }
  for (auto& o : code.operands) {
    MoveLocals(*o, offset);
  }
  for (auto& o : code.conditions) {
    if (o) {
      MoveLocals(*o, offset);
    }
  }
}

// The checker for one rule or definition. Locals are a stack; `barrier_`
// hides the caller's locals while an inlined definition is compiled.
class Checker {
 public:
  Checker(const DefScope& scope, const CompiledDefs& compiled, std::set<std::string>& bad_defs,
          FileNames& names, Diagnostics& diags)
      : scope_(scope), compiled_(compiled), bad_defs_(bad_defs), names_(names), diags_(diags) {}

  int slots() const { return next_slot_; }

  Code Compile(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kNumber:
        return Constant(e, Value::Number(e.number), Type::kNumber);
      case ExprKind::kDate: {
        Value v = Value::Of(Value::kDate);
        v.date = e.date;
        return Constant(e, v, Type::kDate);
      }
      case ExprKind::kBool:
        return Constant(e, Value::Bool(e.text == "true"), Type::kBool);
      case ExprKind::kAsOf:
        return NewCode(CompiledExpr::kAsOf, e, Type::Of(Type::kDate));
      case ExprKind::kDuration: {
        Value v = Value::Of(Value::kDuration);
        v.months = e.duration_months;
        v.days = e.duration_days;
        return Constant(e, v, Type::kDuration);
      }
      case ExprKind::kString:
        return CompileString(e);
      default:
        return CompileComposite(e);
    }
  }

  Code ExpectBool(const Expr& e, std::string_view what) {
    Code c = Compile(e);
    if (!IsA(c->type, Type::kBool)) {
      Error(c->range, std::string(what) + " must be true or false, not " + c->type.Name());
    }
    return c;
  }

  std::vector<CompiledStmt> CompileStmts(const StmtList& stmts) {
    size_t mark = locals_.size();
    std::vector<CompiledStmt> out;
    for (const auto& s : stmts) {
      out.push_back(CompileStmt(*s));
    }
    locals_.resize(mark);
    return out;
  }

 private:
  void Error(const SourceRange& at, std::string message) { diags_.Error(at, std::move(message)); }
  void Error(const CodeRange& at, std::string message) { Error(at.ToSource(), std::move(message)); }

  Code NewCode(CompiledExpr::Kind kind, const Expr& from, Type type, size_t operands = 0) {
    auto c = std::make_unique<CompiledExpr>();
    c->kind = kind;
    c->range = {names_.Intern(from.range.file), from.range.line, from.range.column};
    c->type = std::move(type);
    c->operands.reserve(operands);
    return c;
  }

  Code Constant(const Expr& from, Value v, Type::Kind type) {
    Code c = NewCode(CompiledExpr::kConstant, from, Type::Of(type));
    c->constant = std::make_shared<const Value>(std::move(v));
    return c;
  }

  // A string literal as written: no template (a pattern's `{2,3}` is no interpolation).
  Code RawText(const Expr& from) {
    Code c = NewCode(CompiledExpr::kText, from, Type::Of(Type::kText));
    c->text = from.text;
    return c;
  }

  int Bind(const std::string& name, Type type) {
    int slot = next_slot_++;
    locals_.push_back({name, std::move(type), slot});
    return slot;
  }

  CompiledStmt CompileStmt(const Stmt& s) {
    CompiledStmt out;
    switch (s.kind) {
      case StmtKind::kLet:
        out.kind = CompiledStmt::kLet;
        out.expr = Compile(*s.expr);
        out.slot = Bind(s.name, out.expr->type);
        break;
      case StmtKind::kWhen:
        out.kind = CompiledStmt::kWhen;
        out.expr = ExpectBool(*s.expr, "a `when` condition");
        out.body = CompileStmts(s.body);
        break;
      case StmtKind::kFor:
        CompileFor(s, out);
        break;
      case StmtKind::kReport:
        out.kind = CompiledStmt::kReport;
        out.severity = s.severity;
        out.at = s.at ? Compile(*s.at) : nullptr;
        out.message = Compile(*s.message);
        break;
    }
    return out;
  }

  void CompileFor(const Stmt& s, CompiledStmt& out) {
    out.kind = CompiledStmt::kFor;
    out.expr = Compile(*s.expr);
    if (!IsA(out.expr->type, Type::kList)) {
      Error(out.expr->range, "`for each` needs a list, and this is " + out.expr->type.Name());
    }
    size_t mark = locals_.size();
    out.slot = Bind(s.name, ElementOf(out.expr->type));
    if (s.filter) {
      out.filter = ExpectBool(*s.filter, "a `where` condition");
    }
    out.body = CompileStmts(s.body);
    locals_.resize(mark);
  }

  Code CompileString(const Expr& e) {
    for (const std::string& m : e.template_errors) {
      Error(e.range, m);
    }
    if (e.parts.empty()) {
      return RawText(e);
    }
    Code c = NewCode(CompiledExpr::kTemplate, e, Type::Of(Type::kText));
    c->text = e.text;
    for (const TemplatePart& p : e.parts) {
      if (p.expr) {
        c->operands.push_back(Compile(*p.expr));
      } else {
        Code literal = NewCode(CompiledExpr::kText, e, Type::Of(Type::kText));
        literal->text = p.literal;
        c->operands.push_back(std::move(literal));
      }
    }
    return c;
  }

  Code CompileComposite(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kName:
        return CompileName(e);
      case ExprKind::kField:
        return CompileField(e);
      case ExprKind::kIndex:
        return CompileIndex(e);
      case ExprKind::kCall:
        return CompileCall(e);
      case ExprKind::kUnary:
      case ExprKind::kBinary:
        return CompileBuiltin(e, OperatorBuiltin(e.op));
      case ExprKind::kList:
        return CompileList(e);
      case ExprKind::kComprehension:
        return CompileComprehension(e);
      default:
        return Unknown(e);
    }
  }

  // Stands for an expression that did not compile (an error says why).
  Code Unknown(const Expr& e) {
    Code c = NewCode(CompiledExpr::kConstant, e, Type::Of(Type::kUnknown));
    c->constant = std::make_shared<const Value>(Value::Invalid());
    return c;
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

  // A local (innermost first), a parameter of the definition being inlined,
  // a definition, or a top-level section of the agreement.
  Code CompileName(const Expr& e) {
    for (size_t i = locals_.size(); i > barrier_; --i) {
      if (locals_[i - 1].name == e.text) {
        Code c = NewCode(CompiledExpr::kLocal, e, locals_[i - 1].type);
        c->index = locals_[i - 1].slot;
        return c;
      }
    }
    if (binding_.params != nullptr) {
      const std::vector<std::string>& params = *binding_.params;
      auto it = std::find(params.begin(), params.end(), e.text);
      if (it != params.end()) {
        return (*binding_.args)[static_cast<size_t>(it - params.begin())]->Clone();
      }
    }
    if (auto it = scope_.find(e.text); it != scope_.end()) {
      return Inline(e, *it->second, {});
    }
    const FieldSpec& root = AgreementFormat();
    int index = root.FieldIndex(e.text);
    if (index >= 0) {
      FormatOneOnly(e, root.fields[static_cast<size_t>(index)]);
      Code c = NewCode(CompiledExpr::kRootField, e,
                       Type::FromSpec(root.fields[static_cast<size_t>(index)]));
      c->index = index;
      return c;
    }
    std::string hint = ClosestName(e.text, VisibleNames());
    Error(e.range,
          "unknown name `" + e.text + "`" + (hint.empty() ? "" : "; did you mean `" + hint + "`?"));
    return Unknown(e);
  }

  // A use of a definition: its body compiled with its parameters standing
  // for `args` (compiled in the caller's scope), the caller's locals hidden.
  Code Inline(const Expr& use, const DefDecl& def, const std::vector<Code>& args) {
    if (args.size() != def.params.size()) {
      Error(use.range, "`" + def.name + "` takes " + std::to_string(def.params.size()) +
                           " argument(s), not " + std::to_string(args.size()));
      return Unknown(use);
    }
    if (bad_defs_.count(def.name) != 0) {
      return Unknown(use);
    }
    if (depth_ >= 64) {
      Error(use.range, "definitions nested too deeply");
      return Unknown(use);
    }
    if (auto it = compiled_.find(&def); it != compiled_.end()) {
      Code body = it->second.body->Clone();
      MoveLocals(*body, next_slot_);
      next_slot_ += it->second.slots;
      return body;
    }
    Binding saved_binding = binding_;
    size_t saved_barrier = barrier_;
    binding_ = {&def.params, &args};
    barrier_ = locals_.size();
    ++depth_;
    size_t before = diags_.items().size();
    Code body = Compile(*def.body);
    --depth_;
    barrier_ = saved_barrier;
    binding_ = saved_binding;
    if (diags_.items().size() != before) {
      Error(use.range, "in the use of `" + def.name + "` defined at " + def.range.ToString());
    }
    return body;
  }

  // Rules read the model, in which a format 1 file's fund figures are a
  // fund's (load/model.h): a key only format 1 writes is never read.
  void FormatOneOnly(const Expr& e, const FieldSpec& field) {
    if (!field.In(2)) {
      Error(e.range, "`" + e.text + "` is a format 1 key: rules read the model, where it is `" +
                         field.moved_to + "` (format 1 files are read into it)");
    }
  }

  Code FieldOf(const Expr& e, Code base, const FieldSpec& spec, bool project) {
    int index = spec.FieldIndex(e.text);
    if (index < 0) {
      Error(e.range, UnknownFieldMessage(e.text, spec));
      return Unknown(e);
    }
    FormatOneOnly(e, spec.fields[static_cast<size_t>(index)]);
    Type t = Type::FromSpec(spec.fields[static_cast<size_t>(index)]);
    Code c = NewCode(CompiledExpr::kField, e,
                     !project || t.kind == Type::kList ? t : Type::ListOf(t), 1);
    c->index = index;
    c->operands.push_back(std::move(base));
    return c;
  }

  Code CompileField(const Expr& e) {
    Code base = Compile(*e.children[0]);
    Type t = base->type;
    if (t.kind == Type::kUnknown) {
      Code c = NewCode(CompiledExpr::kField, e, t, 1);
      c->operands.push_back(std::move(base));
      return c;
    }
    if (t.kind == Type::kObject) {
      return FieldOf(e, std::move(base), *t.spec, false);
    }
    if (t.kind == Type::kList && t.element && t.element->kind == Type::kObject) {
      return FieldOf(e, std::move(base), *t.element->spec, true);
    }
    Error(e.range, "`." + e.text + "`: " + t.Name() + " has no fields");
    return Unknown(e);
  }

  Code CompileIndex(const Expr& e) {
    Code c = NewCode(CompiledExpr::kIndex, e, Type::Of(Type::kUnknown), 2);
    c->operands.push_back(Compile(*e.children[0]));
    c->operands.push_back(Compile(*e.children[1]));
    const Type& base = c->operands[0]->type;
    const Type& index = c->operands[1]->type;
    if (base.kind == Type::kList) {
      if (!IsA(index, Type::kNumber)) {
        Error(e.range, "a list index is a number");
      }
      c->type = ElementOf(base);
    } else if (base.kind == Type::kMap) {
      if (!IsA(index, Type::kText)) {
        Error(e.range, "a mapping is indexed by a partner id");
      }
      c->type = Type::FromSpec(*base.spec->element);
    } else if (base.kind != Type::kUnknown) {
      Error(e.range, base.Name() + " cannot be indexed");
    }
    return c;
  }

  Code CompileList(const Expr& e) {
    Type element = Type::Of(Type::kUnknown);
    Code c = NewCode(CompiledExpr::kList, e, element);
    for (size_t i = 0; i < e.children.size(); ++i) {
      Code item = Compile(*e.children[i]);
      if (!Compatible(element, item->type)) {
        Error(item->range,
              "a list holds one type: " + element.Name() + " and " + item->type.Name());
      }
      if (element.kind == Type::kUnknown) {
        element = item->type;
      }
      c->operands.push_back(std::move(item));
      c->conditions.push_back(e.conditions[i] ? ExpectBool(*e.conditions[i], "an `if` in a list")
                                              : nullptr);
    }
    c->type = Type::ListOf(element);
    return c;
  }

  Code CompileComprehension(const Expr& e) {
    Code source = Compile(*e.children[0]);
    if (!IsA(source->type, Type::kList)) {
      Error(source->range, "`" + e.text + " in ...` needs a list, not " + source->type.Name());
    }
    Type t =
        source->type.kind == Type::kList ? source->type : Type::ListOf(Type::Of(Type::kUnknown));
    Code c = NewCode(CompiledExpr::kSelect, e, t, 2);
    size_t mark = locals_.size();
    c->index = Bind(e.text, ElementOf(source->type));
    c->operands.push_back(std::move(source));
    c->operands.push_back(ExpectBool(*e.children[1], "a `where` condition"));
    locals_.resize(mark);
    return c;
  }

  Code CompileCall(const Expr& e) {
    if (auto it = scope_.find(e.text); it != scope_.end()) {
      std::vector<Code> args;
      for (const auto& a : e.children) {
        args.push_back(Compile(*a));
      }
      return Inline(e, *it->second, args);
    }
    const Builtin* f = FindFunction(e.text);
    if (f != nullptr) {
      return CompileBuiltin(e, *f);
    }
    std::vector<std::string> names;
    for (const Builtin& b : Functions()) {
      names.emplace_back(b.name);
    }
    for (const auto& [name, def] : scope_) {
      names.push_back(name);
    }
    std::string hint = ClosestName(e.text, names);
    Error(e.range, "unknown function `" + e.text + "`" +
                       (hint.empty() ? "" : "; did you mean `" + hint + "`?"));
    for (const auto& a : e.children) {
      Compile(*a);
    }
    return Unknown(e);
  }

  // A call of a function or an operator: its arguments compiled, then its
  // built-in's type rule run over them.
  Code CompileBuiltin(const Expr& e, const Builtin& b) {
    size_t n = e.children.size();
    Code c = NewCode(CompiledExpr::kCall, e, Type::Of(Type::kUnknown), n);
    c->builtin = &b;
    bool arity_ok = n >= b.min_args && n <= b.max_args;
    for (size_t i = 0; i < n; ++i) {
      const Expr& arg = *e.children[i];
      bool raw = arity_ok && static_cast<int>(i) == b.literal_arg && arg.kind == ExprKind::kString;
      c->operands.push_back(raw ? RawText(arg) : Compile(arg));
    }
    TypeCheck check(b, *c, arity_ok, diags_);
    if (!arity_ok) {
      check.Error("wrong number of arguments: " + std::string(b.signature));
    }
    c->type = b.check(check);
    return c;
  }

  const DefScope& scope_;
  const CompiledDefs& compiled_;
  std::set<std::string>& bad_defs_;
  FileNames& names_;
  Diagnostics& diags_;
  std::vector<Local> locals_;
  size_t barrier_ = 0;
  Binding binding_;
  int next_slot_ = 0;
  int depth_ = 0;
};

CheckedRule CompileRule(const RuleDecl& rule, const DefScope& scope, const CompiledDefs& compiled,
                        std::set<std::string>& bad_defs, FileNames& names, Diagnostics& diags) {
  if (rule.title.empty()) {
    diags.Error(rule.range, "rule " + rule.id + " has no `title`");
  }
  if (!rule.severity) {
    diags.Error(rule.range, "rule " + rule.id + " has no `severity`");
  }
  if (!rule.has_check) {
    diags.Error(rule.range, "rule " + rule.id + " has no `check` block");
  }
  CheckedRule out;
  static_cast<RuleInfo&>(out) = rule;
  Checker checker(scope, compiled, bad_defs, names, diags);
  for (const SeverityOverride& o : rule.overrides) {
    out.overrides.push_back(
        {o.severity, o.text, checker.ExpectBool(*o.condition, "a severity condition")});
  }
  size_t before = diags.items().size();
  out.check = checker.CompileStmts(rule.check);
  out.locals = checker.slots();
  CheckExpectedFindings(rule, diags);
  if (diags.items().size() == before) {
    MarkLoopInvariants(out);
  }
  return out;
}

}  // namespace

Type TypeCheck::type(size_t i) const {
  return i < call_.operands.size() ? call_.operands[i]->type : Type::Of(Type::kUnknown);
}

void TypeCheck::Error(std::string message) { Error(call_.range, std::move(message)); }

void TypeCheck::Error(const CodeRange& at, std::string message) {
  diags_.Error(at.ToSource(), std::move(message));
}

void TypeCheck::Expect(size_t i, bool ok) {
  if (!ok) {
    Error(arg(i).range, "argument " + std::to_string(i + 1) + " of `" + std::string(name()) +
                            "` is " + type(i).Name() + ": " + std::string(builtin_.signature));
  }
}

std::string TypeCheck::Literal(size_t i) {
  const CompiledExpr& a = arg(i);
  if (a.kind != CompiledExpr::kText && a.kind != CompiledExpr::kTemplate) {
    Error(a.range, "argument " + std::to_string(i + 1) + " of `" + std::string(name()) +
                       "` must be a string literal");
    return "";
  }
  return a.text;
}

void TypeCheck::SetPattern(const std::string& regex) {
  auto re = CompilePattern(regex);
  if (!re->ok()) {
    Error("bad regular expression: " + re->error());
  }
  call_.pattern = std::move(re);
}

void TypeCheck::CheckVocabulary(const Type& field, const CompiledExpr& literal) {
  if (field.kind != Type::kText || field.spec == nullptr || literal.kind != CompiledExpr::kText) {
    return;
  }
  const auto& words = field.spec->vocabulary;
  if (std::find(words.begin(), words.end(), literal.text) != words.end()) {
    return;
  }
  std::string hint = ClosestName(literal.text, words);
  std::string field_name = field.spec->name.empty() ? "this list" : "`" + field.spec->name + "`";
  Error(literal.range, "\"" + literal.text + "\" is never a value of " + field_name +
                           (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
}

void TypeCheck::AddOperand(std::unique_ptr<CompiledExpr> operand) {
  call_.operands.push_back(std::move(operand));
}

DefScope CompileRuleFile(const RuleFile& file, const DefScope& imported, CompiledDefs& compiled,
                         FileNames& names, Diagnostics& diags, std::vector<CheckedRule>& rules) {
  DefScope scope = imported;
  DefScope own;
  std::set<std::string> bad_defs;
  for (const DefDecl& def : file.defs) {
    if (scope.count(def.name) != 0 || FindFunction(def.name) != nullptr ||
        AgreementFormat().FieldIndex(def.name) >= 0) {
      diags.Error(def.range, "`" + def.name + "` is already defined");
      continue;
    }
    if (def.params.empty()) {
      // Compiled once here, so that mistakes show at the definition.
      size_t before = diags.items().size();
      Checker checker(scope, compiled, bad_defs, names, diags);
      Code body = checker.Compile(*def.body);
      if (diags.items().size() != before) {
        bad_defs.insert(def.name);
      } else {
        compiled[&def] = {std::move(body), checker.slots()};
      }
    }
    scope[def.name] = &def;
    own[def.name] = &def;
  }
  for (const RuleDecl& rule : file.rules) {
    rules.push_back(CompileRule(rule, scope, compiled, bad_defs, names, diags));
  }
  return own;
}

}  // namespace s75

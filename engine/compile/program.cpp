#include "compile/program.h"

#include <re2/re2.h>

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "common/diagnostic.h"
#include "compile/builtins.h"

namespace s75 {

const std::string* FileNames::Intern(const std::string& name) {
  if (last_ == nullptr || *last_ != name) {
    last_ = &*names_.insert(name).first;
  }
  return last_;
}

std::shared_ptr<const re2::RE2> CompilePattern(const std::string& regex) {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_shared<const re2::RE2>(regex, options);
}

std::unique_ptr<CompiledExpr> CompiledExpr::Clone() const {
  auto c = std::make_unique<CompiledExpr>();
  c->kind = kind;
  c->memo = memo;
  c->index = index;
  c->builtin = builtin;
  c->constant = constant;
  c->text = text;
  for (const auto& o : operands) {
    c->operands.push_back(o->Clone());
  }
  for (const auto& o : conditions) {
    c->conditions.push_back(o ? o->Clone() : nullptr);
  }
  c->pattern = pattern;
  c->type = type;
  c->range = range;
  return c;
}

namespace {

// Lays out trees in a ProgramCode: each expression's operands next to each
// other, after it; each statement list's statements next to each other.
class Layout {
 public:
  explicit Layout(ProgramCode& code) : code_(code) {}

  // Places `e`, and gives its place (kNoCode for none).
  std::uint32_t One(const std::unique_ptr<CompiledExpr>& e) {
    if (!e) {
      return kNoCode;
    }
    std::uint32_t at = Reserve(code_.ops, 1);
    Fill(at, *e);
    return at;
  }

  // Places `stmts`, and gives the place of the first.
  std::uint32_t Stmts(const std::vector<CompiledStmt>& stmts) {
    std::uint32_t first = Reserve(code_.stmts, stmts.size());
    for (size_t i = 0; i < stmts.size(); ++i) {
      CodeStmt c = Fill(stmts[i]);  // may grow code_.stmts: assigned after
      code_.stmts[first + i] = c;
    }
    return first;
  }

  // Why the last rule laid out does not fit an Op's fields, or empty; cleared
  // by the call.
  std::string TakeTooLarge() { return std::exchange(too_large_, {}); }

 private:
  template <typename T>
  static std::uint32_t Reserve(std::vector<T>& items, size_t n) {
    size_t first = items.size();
    items.resize(first + n);
    return static_cast<std::uint32_t>(first);
  }

  // `v` as the narrower `To`, noting `what` overflowed when it does not fit.
  template <typename To, typename From>
  To Narrow(From v, const char* what) {
    if (!std::in_range<To>(v)) {
      if (too_large_.empty()) {
        too_large_ = std::string(what) + " " + std::to_string(v) + " is more than an Op holds (" +
                     std::to_string(std::numeric_limits<To>::max()) + ")";
      }
      return To{};
    }
    return static_cast<To>(v);
  }

  void Fill(std::uint32_t at, const CompiledExpr& e) {
    Op op;
    op.kind = e.kind;
    op.memo = Narrow<std::int16_t>(e.memo, "kept value");
    op.index = e.kind == CompiledExpr::kCall
                   ? Narrow<std::int16_t>(BuiltinId(*e.builtin), "built-in")
                   : Narrow<std::int16_t>(e.index, "slot or field");
    if (e.kind == CompiledExpr::kConstant) {
      op.value = Constant(e.constant);
    } else if (e.kind == CompiledExpr::kText) {
      op.value = Text(e.text);
    } else if (e.pattern) {
      op.value = Reserve(code_.patterns, 1);
      code_.patterns[op.value] = e.pattern;
    }
    size_t items = e.operands.size();
    // A list's conditions are laid out only when some item has one.
    op.conditional = std::any_of(e.conditions.begin(), e.conditions.end(),
                                 [](const auto& c) { return c != nullptr; });
    size_t conditions = op.conditional ? e.conditions.size() : 0;
    op.count = Narrow<std::uint16_t>(items + conditions, "operand count");
    std::uint32_t first = Reserve(code_.ops, op.count);
    op.first = first - at;
    code_.ops[at] = op;
    for (size_t i = 0; i < items; ++i) {
      Fill(first + static_cast<std::uint32_t>(i), *e.operands[i]);
    }
    for (size_t i = 0; i < conditions; ++i) {
      auto place = static_cast<std::uint32_t>(first + items + i);
      if (e.conditions[i]) {
        Fill(place, *e.conditions[i]);
      } else {
        code_.ops[place] = Always();
      }
    }
  }

  CodeStmt Fill(const CompiledStmt& s) {
    CodeStmt c;
    c.kind = s.kind;
    c.severity = s.severity;
    c.slot = s.slot;
    c.expr = One(s.expr);
    c.filter = One(s.filter);
    c.at = One(s.at);
    c.message = One(s.message);
    c.body = Stmts(s.body);
    c.body_size = static_cast<std::uint32_t>(s.body.size());
    return c;
  }

  // A constant's place, the same for the clones that share it.
  std::uint32_t Constant(const std::shared_ptr<const Value>& v) {
    auto [it, fresh] = constants_.emplace(v.get(), 0);
    if (fresh) {
      it->second = AddValue(*v);
    }
    return it->second;
  }

  // A text literal's place, one for each text however often it is written.
  std::uint32_t Text(const std::string& text) {
    auto [it, fresh] = texts_.emplace(text, 0);
    if (fresh) {
      it->second = AddValue(Value::Text(text));
    }
    return it->second;
  }

  // The constant true: the condition of a list item that has none.
  Op Always() {
    if (always_ == kNoCode) {
      always_ = AddValue(Value::Bool(true));
    }
    Op op;
    op.value = always_;
    return op;
  }

  std::uint32_t AddValue(Value v) {
    code_.values.push_back(std::move(v));
    return static_cast<std::uint32_t>(code_.values.size() - 1);
  }

  ProgramCode& code_;
  std::string too_large_;
  std::map<const Value*, std::uint32_t> constants_;
  std::map<std::string, std::uint32_t, std::less<>> texts_;
  std::uint32_t always_ = kNoCode;
};

bool Fits(std::uint32_t first, std::uint32_t size, size_t all) {
  return first <= all && size <= all - first;
}

bool OpConsistent(const ProgramCode& code, size_t at) {
  const Op& op = code.ops[at];
  // Operands come after their Op: no cycle, and no reading past the array.
  if (op.count > 0 && (op.first == 0 || !Fits(static_cast<std::uint32_t>(at) + op.first, op.count,
                                              code.ops.size()))) {
    return false;
  }
  switch (op.kind) {
    case Op::kConstant:
      return op.value < code.values.size();
    case Op::kText:
      return op.value < code.values.size() && code.values[op.value].kind == Value::kText;
    case Op::kField:
      return op.count == 1;
    case Op::kIndex:
    case Op::kSelect:
      return op.count == 2;
    case Op::kList:
      return !op.conditional || op.count % 2 == 0;
    case Op::kCall: {
      // (The checker may add operands past a function's own: partner()'s.)
      const Builtin* b = FindBuiltinById(op.builtin());
      return b != nullptr && op.count >= b->min_args &&
             (b->literal_arg < 0 ||
              (op.value < code.patterns.size() && code.patterns[op.value] != nullptr));
    }
    default:
      return true;
  }
}

bool StmtConsistent(const ProgramCode& code, size_t at) {
  const CodeStmt& s = code.stmts[at];
  auto op = [&code](std::uint32_t place) { return place == kNoCode || place < code.ops.size(); };
  bool needs_expr = s.kind != CodeStmt::kReport;
  return op(s.expr) && op(s.filter) && op(s.at) && op(s.message) &&
         (s.expr != kNoCode || !needs_expr) && (s.message != kNoCode || needs_expr) &&
         (s.body_size == 0 || (s.body > at && Fits(s.body, s.body_size, code.stmts.size())));
}

}  // namespace

bool ProgramCode::Consistent() const {
  for (size_t i = 0; i < ops.size(); ++i) {
    if (!OpConsistent(*this, i)) {
      return false;
    }
  }
  for (size_t i = 0; i < stmts.size(); ++i) {
    if (!StmtConsistent(*this, i)) {
      return false;
    }
  }
  return true;
}

std::vector<CompiledRule> LayOut(std::vector<CheckedRule> rules, ProgramCode& code,
                                 Diagnostics& diags) {
  Layout layout(code);
  std::vector<CompiledRule> out;
  out.reserve(rules.size());
  for (CheckedRule& r : rules) {
    CompiledRule& c = out.emplace_back();
    static_cast<RuleInfo&>(c) = std::move(static_cast<RuleInfo&>(r));
    for (const CompiledOverride& o : r.overrides) {
      c.overrides.push_back({o.severity, o.text, layout.One(o.condition)});
    }
    c.check = layout.Stmts(r.check);
    c.check_size = static_cast<std::uint32_t>(r.check.size());
    if (std::string why = layout.TakeTooLarge(); !why.empty()) {
      diags.Error(c.range, "rule " + c.id + " is too large to compile: " + why +
                               "; split it into smaller rules or definitions");
    }
    c.locals = r.locals;
    c.memos = r.memos;
  }
  code.ops.shrink_to_fit();
  code.stmts.shrink_to_fit();
  for (CompiledRule& c : out) {
    c.code = &code;
  }
  return out;
}

}  // namespace s75

#include "compile/program.h"

namespace s75 {

const std::string* FileNames::Intern(const std::string& name) {
  if (last_ == nullptr || *last_ != name) {
    last_ = &*names_.insert(name).first;
  }
  return last_;
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

}  // namespace s75

namespace s75 {

namespace {

// The ops, text values and statements a rule's code takes.
struct CodeSize {
  size_t ops = 0;
  size_t texts = 0;
  size_t stmts = 0;

  void Add(const CompiledExpr& e) {
    ops += 1;
    texts += e.kind == CompiledExpr::kText ? 1 : 0;
    for (const auto& o : e.operands) {
      Add(*o);
    }
    for (const auto& c : e.conditions) {
      if (c) {
        Add(*c);
      } else {
        ops += 1;  // the constant true
      }
    }
  }
  void Add(const std::unique_ptr<CompiledExpr>& e) {
    if (e) {
      Add(*e);
    }
  }
  void Add(const std::vector<CompiledStmt>& stmts_in) {
    stmts += stmts_in.size();
    for (const CompiledStmt& s : stmts_in) {
      for (const auto* e : {&s.expr, &s.filter, &s.at, &s.message}) {
        Add(*e);
      }
      Add(s.body);
    }
  }
};

}  // namespace

void ProgramCode::Build(std::vector<CompiledRule>& rules) {
  CodeSize size;
  size_t overrides = 0;
  for (const CompiledRule& r : rules) {
    for (const CompiledOverride& o : r.overrides) {
      size.Add(o.condition);
    }
    size.Add(r.check);
    overrides += r.overrides.size();
  }
  // Filled to these sizes and never past them: no array moves.
  ops_.reserve(size.ops);
  stmts_.reserve(size.stmts);
  overrides_.reserve(overrides);
  values_.reserve(size.texts + 1);
  always_ = &values_.emplace_back(Value::Bool(true));
  for (CompiledRule& r : rules) {
    size_t first = overrides_.size();
    for (const CompiledOverride& o : r.overrides) {
      overrides_.push_back({o.severity, One(o.condition)});
    }
    r.code.overrides = std::span(overrides_).subspan(first, r.overrides.size());
    r.code.check = Stmts(r.check);
  }
}

const Op* ProgramCode::One(const std::unique_ptr<CompiledExpr>& e) {
  if (!e) {
    return nullptr;
  }
  size_t at = ops_.size();
  ops_.emplace_back();
  Fill(ops_[at], *e);
  return &ops_[at];
}

void ProgramCode::Fill(Op& op, const CompiledExpr& e) {
  op.kind = e.kind;
  op.memo = e.memo;
  op.index = e.index;
  op.builtin = e.builtin;
  op.pattern = e.pattern.get();
  op.constant = e.kind == CompiledExpr::kText ? &values_.emplace_back(Value::TextView(e.text))
                                              : e.constant.get();
  op.conditional = !e.conditions.empty();
  size_t items = e.operands.size();
  size_t count = items + e.conditions.size();
  op.count = static_cast<std::uint32_t>(count);
  size_t first = ops_.size();
  ops_.resize(first + count);
  op.operands = ops_.data() + first;
  for (size_t i = 0; i < items; ++i) {
    Fill(ops_[first + i], *e.operands[i]);
  }
  for (size_t i = 0; i < e.conditions.size(); ++i) {
    Op& condition = ops_[first + items + i];
    if (e.conditions[i]) {
      Fill(condition, *e.conditions[i]);
    } else {
      condition.constant = always_;
    }
  }
}

std::span<const StmtCode> ProgramCode::Stmts(const std::vector<CompiledStmt>& stmts) {
  size_t first = stmts_.size();
  stmts_.resize(first + stmts.size());
  for (size_t i = 0; i < stmts.size(); ++i) {
    Fill(stmts_[first + i], stmts[i]);
  }
  return std::span(stmts_).subspan(first, stmts.size());
}

void ProgramCode::Fill(StmtCode& code, const CompiledStmt& s) {
  code.kind = s.kind;
  code.severity = s.severity;
  code.slot = s.slot;
  code.expr = One(s.expr);
  code.filter = One(s.filter);
  code.at = One(s.at);
  code.message = One(s.message);
  code.body = Stmts(s.body);
}

}  // namespace s75

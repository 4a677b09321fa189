#include "compile/program_snapshot.h"

#include <re2/re2.h>

#include "compile/builtins.h"
#include "parse/snapshot_io.h"

namespace s75 {

namespace snapshot {

// --- The program's fields (what the evaluator and the reports read) ---------

// The program is saved as it is laid out (compile/program.h): arrays of
// plain fields that refer to each other by place.
void Fields(auto& v, Is<Op> auto& o) {
  v(o.kind, o.conditional, o.count, o.memo, o.index, o.first, o.value);
}
void Fields(auto& v, Is<CodeStmt> auto& s) {
  v(s.kind, s.severity, s.slot, s.expr, s.filter, s.at, s.message, s.body, s.body_size);
}
void Fields(auto& v, Is<ProgramCode> auto& c) { v(c.ops, c.stmts, c.values, c.patterns); }
void Fields(auto& v, Is<RuleOverride> auto& o) { v(o.severity, o.text, o.condition); }
void Fields(auto& v, Is<CompiledRule> auto& r) {
  v(r.range, r.id, r.slug, r.title, r.severity, r.references, r.remediation, r.description,
    r.quotes, r.verification, r.tests, r.overrides, r.check, r.check_size, r.locals, r.memos);
}

template <>
inline constexpr CompiledExpr::Kind kLast<CompiledExpr::Kind> = CompiledExpr::kCall;
template <>
inline constexpr CompiledStmt::Kind kLast<CompiledStmt::Kind> = CompiledStmt::kReport;
template <>
inline constexpr Value::Kind kLast<Value::Kind> = Value::kNode;

// A constant: its fields, its text owned by the loaded value.
void Save(Writer& w, const Value& c) {
  w(c.kind, c.boolean, c.money, c.year.start, c.date, c.number, c.months, c.days,
    std::string_view(c.text), c.list != nullptr);
  if (c.list != nullptr) {
    w(*c.list);
  }
}
void Load(Reader& r, Value& c) {
  std::string text;
  bool list = false;
  r(c.kind, c.boolean, c.money, c.year.start, c.date, c.number, c.months, c.days, text, list);
  if (c.kind == Value::kText) {
    Value owned = Value::Text(std::move(text));
    c.owned_text = owned.owned_text;
    c.text = owned.text;
  }
  if (list) {
    std::vector<Value> items;
    r(items);
    c.list = std::make_shared<const std::vector<Value>>(std::move(items));
  }
}
// A pattern by its text, compiled again as the checker compiles it.
void Save(Writer& w, const std::shared_ptr<const re2::RE2>& p) {
  w.Put(p != nullptr);
  if (p != nullptr) {
    w.Put(p->pattern());
  }
}
void Load(Reader& r, std::shared_ptr<const re2::RE2>& p) {
  bool present = false;
  r.Get(present);
  if (present) {
    std::string text;
    r.Get(text);
    p = CompilePattern(text);
    if (!p->ok()) {
      r.Fail();
    }
  }
}

}  // namespace snapshot

namespace {

// "S75C" and a format version; bump the version when the program changes shape.
constexpr std::string_view kMagic = "S75C\x04";

// Whether every place `rule` names is in `code`.
bool RuleFits(const CompiledRule& rule, const ProgramCode& code) {
  for (const RuleOverride& o : rule.overrides) {
    if (o.condition >= code.ops.size()) {
      return false;
    }
  }
  return rule.check <= code.stmts.size() && rule.check_size <= code.stmts.size() - rule.check;
}

}  // namespace

std::string SaveProgram(const CompiledPack& pack) {
  snapshot::Writer w;
  w(pack.code(), pack.rules());
  return w.Finish(kMagic);
}

std::unique_ptr<const CompiledPack> LoadProgram(std::string_view bytes) {
  snapshot::Reader r(bytes);
  if (!r.Magic(kMagic)) {
    return nullptr;
  }
  r.FileTable();
  auto pack = std::unique_ptr<CompiledPack>(new CompiledPack());
  r(pack->code_, pack->rules_);
  if (!r.ok() || !r.AtEnd() || !pack->code_.Consistent()) {
    return nullptr;
  }
  for (CompiledRule& rule : pack->rules_) {
    if (!RuleFits(rule, pack->code_)) {
      return nullptr;
    }
    rule.code = &pack->code_;
  }
  return pack;
}

}  // namespace s75

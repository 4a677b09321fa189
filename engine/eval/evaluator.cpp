#include "eval/evaluator.h"

#include <optional>
#include <span>

#include "compile/builtins.h"
#include "eval/sections.h"

namespace s75 {

namespace {

const FieldSpec& RootField(int index) {
  return AgreementFormat().fields[static_cast<size_t>(index)];
}

// One rule's evaluation over one document. The built-ins' implementations
// call back for their arguments (Interpreter).
class RuleRun final : public Interpreter {
 public:
  RuleRun(const CompiledRule& rule, const Document& doc, const EvalOptions& options, EvalMemo& memo,
          std::vector<Finding>& out)
      : rule_(rule),
        doc_(doc),
        options_(options),
        memo_(memo),
        out_(out),
        code_(*rule.code),
        locals_(std::move(spare_.locals)),
        invariants_(std::move(spare_.invariants)) {
    locals_.resize(static_cast<size_t>(rule.locals));
    invariants_.resize(static_cast<size_t>(rule.memos));
  }

  // The vectors go back to the thread's spares, emptied, for the next rule.
  ~RuleRun() {
    locals_.clear();
    invariants_.clear();
    spare_.locals = std::move(locals_);
    spare_.invariants = std::move(invariants_);
  }
  RuleRun(const RuleRun&) = delete;
  RuleRun& operator=(const RuleRun&) = delete;

  void Run() {
    severity_ = *rule_.severity;
    for (const RuleOverride& o : rule_.overrides) {
      if (Eval(code_.op(o.condition)).IsTrue()) {
        severity_ = o.severity;
        break;
      }
    }
    Exec(code_.Stmts(rule_.check, rule_.check_size));
    if (!marks_.empty()) {
      MergeAbsentSections(out_, marks_);
    }
  }

  Value Evaluate(const Op& e) override { return Eval(e); }

  Verdicts Judge(const Op& selection) override {
    Verdicts v;
    Value source = Eval(selection.operand(0));
    if (source.kind == Value::kInvalid) {
      v.invalid = true;
      return v;
    }
    if (source.kind != Value::kList) {
      return v;
    }
    for (const Value& item : *source.list) {
      locals_[static_cast<size_t>(selection.index)] = item;
      switch (TruthOf(Eval(selection.operand(1)))) {
        case Truth::kTrue:
          ++v.yes;
          break;
        case Truth::kFalse:
          ++v.no;
          break;
        case Truth::kUnknown:
          ++v.unknown;
          break;
      }
    }
    return v;
  }

 private:
  void Exec(std::span<const CodeStmt> stmts) {
    for (const CodeStmt& s : stmts) {
      Exec(s);
    }
  }

  void Exec(const CodeStmt& s) {
    switch (s.kind) {
      case CodeStmt::kLet:
        locals_[static_cast<size_t>(s.slot)] = Eval(code_.op(s.expr));
        return;
      case CodeStmt::kWhen:
        if (Eval(code_.op(s.expr)).IsTrue()) {
          Exec(code_.Stmts(s.body, s.body_size));
        }
        return;
      case CodeStmt::kFor:
        return ExecFor(s);
      case CodeStmt::kReport:
        return Report(s);
    }
  }

  void ExecFor(const CodeStmt& s) {
    Value source = Eval(code_.op(s.expr));
    if (source.kind != Value::kList) {
      return;
    }
    for (const Value& item : *source.list) {
      locals_[static_cast<size_t>(s.slot)] = item;
      if (s.filter != kNoCode && !Eval(code_.op(s.filter)).IsTrue()) {
        continue;
      }
      const Node* saved = default_at_;
      if (item.node != nullptr) {
        default_at_ = item.node;
      }
      Exec(code_.Stmts(s.body, s.body_size));
      default_at_ = saved;
    }
  }

  void Report(const CodeStmt& s) {
    const Node* at = default_at_ != nullptr ? default_at_ : doc_.root;
    if (s.at != kNoCode) {
      Value where = Eval(code_.op(s.at));
      if (where.node != nullptr) {
        at = where.node;
      }
      if (where.kind == Value::kAbsent) {
        if (std::optional<AbsentSection> section = SectionOf(code_.op(s.at))) {
          marks_.push_back({out_.size(), *section});
        }
      }
    }
    Finding f;
    f.rule = rule_.id;
    f.slug = rule_.slug;
    f.severity = s.severity.value_or(severity_);
    f.message = Eval(code_.op(s.message)).text;
    f.range = SourceRange{doc_.file, at != nullptr ? at->line : 1, at != nullptr ? at->column : 1};
    f.path = at != nullptr ? NodePath(at) : "";
    f.references = rule_.references;
    out_.push_back(std::move(f));
  }

  // The outermost mapping of the format that is absent along the path `at`,
  // when there is one: what the absent-section reading groups findings by.
  std::optional<AbsentSection> SectionOf(const Op& at) {
    std::vector<const Op*> chain;
    const Op* e = &at;
    for (; e->kind == Op::kField; e = &e->operand(0)) {
      chain.push_back(e);
    }
    if (e->kind == Op::kRootField && Eval(*e).kind == Value::kAbsent) {
      return Section(doc_.root, &RootField(e->index));
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (Eval(**it).kind != Value::kAbsent) {
        continue;
      }
      Value base = Eval((*it)->operand(0));
      if (base.kind != Value::kNode) {
        return std::nullopt;
      }
      const Node* map = base.node;
      auto index = static_cast<size_t>((*it)->index);
      if (map->format1 != nullptr && map->format1->fields[index] != nullptr) {
        return Section(map->HomeOf(index), map->format1->fields[index]);
      }
      return Section(map->HomeOf(index), &map->spec->fields[index]);
    }
    return std::nullopt;
  }

  // An absent field is a section when it is a mapping of the format.
  static std::optional<AbsentSection> Section(const Node* home, const FieldSpec* field) {
    if (field->type == ValueType::kObject) {
      return AbsentSection{home, field};
    }
    return std::nullopt;
  }

  Value Eval(const Op& e) {
    if (e.memo < 0) {
      return Compute(e);
    }
    // The vector is sized once, so the reference holds while Compute runs.
    std::optional<Value>& kept = invariants_[static_cast<size_t>(e.memo)];
    if (!kept) {
      kept = Compute(e);
    }
    return *kept;
  }

  Value Compute(const Op& e) {
    switch (e.kind) {
      case Op::kConstant:
        return code_.values[e.value];
      case Op::kText:
        return Value::TextView(code_.values[e.value].text);
      case Op::kTemplate:
        return Template(e);
      case Op::kAsOf: {
        Value v = Value::Of(Value::kDate);
        v.date = options_.as_of;
        return v;
      }
      case Op::kLocal:
        return locals_[static_cast<size_t>(e.index)];
      case Op::kRootField:
        return NodeValue(SlotOf(doc_.root, e.index), RootField(e.index), doc_.root);
      case Op::kField:
        return Field(Eval(e.operand(0)), e);
      case Op::kIndex:
        return Index(Eval(e.operand(0)), Eval(e.operand(1)));
      case Op::kList:
        return ListLiteral(e);
      case Op::kSelect:
        return Select(e);
      case Op::kCall: {
        Call call(e, code_, *this);
        return BuiltinById(e.builtin()).run(call);
      }
    }
    return Value::Invalid();
  }

  // ValueOfNode, with a list's values built once per document: rules read
  // the same lists (partners, contributions) again and again.
  Value NodeValue(const Node* node, const FieldSpec& spec, const Node* parent) {
    if (spec.type != ValueType::kList || node == nullptr) {
      return ValueOfNode(node, spec, parent);
    }
    if (const Value* kept = memo_.FindList(node)) {
      return *kept;
    }
    return memo_.KeepList(node, ValueOfNode(node, spec, parent));
  }

  Value Field(const Value& base, const Op& e) {
    if (base.kind == Value::kAbsent || base.kind == Value::kInvalid) {
      return base;
    }
    if (base.kind == Value::kNode) {
      const FieldSpec& spec = base.node->spec->fields[static_cast<size_t>(e.index)];
      const Node* home = base.node->HomeOf(static_cast<size_t>(e.index));
      return NodeValue(SlotOf(base.node, e.index), spec, home);
    }
    // A field of each element of a list; lists are flattened, absent values
    // dropped, invalid ones kept so that aggregates see them.
    std::vector<Value> items;
    for (const Value& item : *base.list) {
      Value v = Field(item, e);
      if (v.kind == Value::kList) {
        items.insert(items.end(), v.list->begin(), v.list->end());
      } else if (v.kind != Value::kAbsent) {
        items.push_back(std::move(v));
      }
    }
    return Value::List(std::move(items), base.node);
  }

  Value Index(const Value& base, const Value& index) {
    if (base.kind == Value::kInvalid || index.kind == Value::kInvalid) {
      return Value::Invalid();
    }
    if (base.kind == Value::kAbsent || index.kind == Value::kAbsent) {
      return Value::Absent(base.node);
    }
    if (base.kind == Value::kList) {
      std::optional<long long> i = index.number.ToInt();
      if (!i || *i < 0 || static_cast<size_t>(*i) >= base.list->size()) {
        return Value::Absent(base.node);
      }
      return (*base.list)[static_cast<size_t>(*i)];
    }
    for (const auto& [key, value] : base.node->entries) {
      if (key->text == index.text) {
        return NodeValue(value, *base.node->spec->element, base.node);
      }
    }
    return Value::Absent(base.node);
  }

  Value Template(const Op& e) {
    std::string out;
    for (size_t i = 0; i < e.count; ++i) {
      const Op& part = e.operand(i);
      if (part.kind == Op::kText) {
        out += code_.values[part.value].text;
      } else {
        out += Eval(part).ToText();
      }
    }
    return Value::Text(std::move(out));
  }

  // A list literal; its items' conditions, if any, follow its items.
  Value ListLiteral(const Op& e) {
    size_t size = e.conditional ? e.count / 2 : e.count;
    std::vector<Value> items;
    for (size_t i = 0; i < size; ++i) {
      if (e.conditional && !Eval(e.operand(size + i)).IsTrue()) {
        continue;
      }
      items.push_back(Eval(e.operand(i)));
    }
    return Value::List(std::move(items));
  }

  // The elements of a comprehension's list that satisfy its condition;
  // invalid when the condition cannot be decided for one.
  Value Select(const Op& e) {
    Value source = Eval(e.operand(0));
    if (source.kind == Value::kInvalid) {
      return source;
    }
    std::vector<Value> kept;
    if (source.kind == Value::kList) {
      for (const Value& item : *source.list) {
        locals_[static_cast<size_t>(e.index)] = item;
        Truth t = TruthOf(Eval(e.operand(1)));
        if (t == Truth::kUnknown) {
          return Value::Invalid();
        }
        if (t == Truth::kTrue) {
          kept.push_back(item);
        }
      }
    }
    return Value::List(std::move(kept), source.node);
  }

  // A rule's locals and kept values live in vectors that each thread reuses
  // from rule to rule (a run that starts while another is running takes
  // empty ones, moved from): new vectors for each rule were blocks the
  // allocator had not handed out lately, cold in the cache
  // (docs/performance.md).
  struct Spare {
    std::vector<Value> locals;
    std::vector<std::optional<Value>> invariants;
  };
  static thread_local Spare spare_;

  const CompiledRule& rule_;
  const Document& doc_;
  const EvalOptions& options_;
  EvalMemo& memo_;
  std::vector<Finding>& out_;
  const ProgramCode& code_;
  std::vector<Value> locals_;
  std::vector<std::optional<Value>> invariants_;  // by Op::memo
  Severity severity_ = Severity::kError;
  const Node* default_at_ = nullptr;
  std::vector<SectionMark> marks_;  // this run's findings in absent sections
};

thread_local RuleRun::Spare RuleRun::spare_;

}  // namespace

void EvaluateRule(const CompiledRule& rule, const Document& doc, const EvalOptions& options,
                  EvalMemo& memo, std::vector<Finding>& out) {
  if (doc.root == nullptr || doc.root->kind != NodeKind::kMap) {
    return;
  }
  RuleRun(rule, doc, options, memo, out).Run();
}

void EvaluateRule(const CompiledRule& rule, const Document& doc, const EvalOptions& options,
                  std::vector<Finding>& out) {
  EvalMemo memo;
  EvaluateRule(rule, doc, options, memo, out);
}

void Evaluate(const CompiledPack& pack, const Document& doc, const EvalOptions& options,
              std::vector<Finding>& out) {
  EvalMemo memo;
  for (const CompiledRule& rule : pack.rules()) {
    EvaluateRule(rule, doc, options, memo, out);
  }
}

}  // namespace s75

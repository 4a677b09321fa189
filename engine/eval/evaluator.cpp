#include "eval/evaluator.h"

#include <re2/re2.h>

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

#include "compile/functions.h"
#include "compile/mentions.h"
#include "compile/placeholder.h"
#include "compile/value.h"

namespace s75 {

namespace {

const FieldSpec& RootField(int index) {
  return AgreementFormat().fields[static_cast<size_t>(index)];
}

// Kleene's three-valued logic over true, false and invalid.
enum class Truth { kFalse, kTrue, kUnknown };

Truth TruthOf(const Value& v) {
  if (v.kind == Value::kInvalid) {
    return Truth::kUnknown;
  }
  return v.IsTrue() ? Truth::kTrue : Truth::kFalse;
}

Value FromTruth(Truth t) {
  return t == Truth::kUnknown ? Value::Invalid() : Value::Bool(t == Truth::kTrue);
}

// Equality of two present values of the same kind.
bool Equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) {
    return false;
  }
  switch (a.kind) {
    case Value::kBool:
      return a.boolean == b.boolean;
    case Value::kNumber:
      return a.number == b.number;
    case Value::kText:
      return a.text == b.text;
    case Value::kDate:
      return a.date == b.date;
    case Value::kYear:
      return a.year == b.year;
    default:
      return false;
  }
}

int Compare(const Value& a, const Value& b) {
  // NOLINTNEXTLINE(modernize-use-nullptr): comparing an ordering with 0 is no pointer
  auto sign = [](auto o) { return o < 0 ? -1 : o > 0 ? 1 : 0; };
  if (a.kind == Value::kNumber) {
    return sign(a.number <=> b.number);
  }
  if (a.kind == Value::kDate) {
    return sign(a.date <=> b.date);
  }
  if (a.kind == Value::kYear) {
    return sign(a.year <=> b.year);
  }
  return sign(a.text <=> b.text);
}

// One rule's evaluation over one document.
class RuleRun {
 public:
  RuleRun(const RuleDecl& rule, const Document& doc, const EvalOptions& options, EvalMemo& memo,
          std::vector<Finding>& out)
      : rule_(rule),
        doc_(doc),
        options_(options),
        memo_(memo),
        out_(out),
        locals_(static_cast<size_t>(rule.locals)) {}

  void Run() {
    severity_ = *rule_.severity;
    for (const SeverityOverride& o : rule_.overrides) {
      if (Eval(*o.condition).IsTrue()) {
        severity_ = o.severity;
        break;
      }
    }
    Exec(rule_.check);
  }

 private:
  void Exec(const StmtList& stmts) {
    for (const auto& s : stmts) {
      Exec(*s);
    }
  }

  void Exec(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::kLet:
        locals_[static_cast<size_t>(s.slot)] = Eval(*s.expr);
        return;
      case StmtKind::kWhen:
        if (Eval(*s.expr).IsTrue()) {
          Exec(s.body);
        }
        return;
      case StmtKind::kFor:
        return ExecFor(s);
      case StmtKind::kReport:
        return Report(s);
    }
  }

  void ExecFor(const Stmt& s) {
    Value source = Eval(*s.expr);
    if (source.kind != Value::kList) {
      return;
    }
    for (const Value& item : *source.list) {
      locals_[static_cast<size_t>(s.slot)] = item;
      if (s.filter && !Eval(*s.filter).IsTrue()) {
        continue;
      }
      const Node* saved = default_at_;
      if (item.node != nullptr) {
        default_at_ = item.node;
      }
      Exec(s.body);
      default_at_ = saved;
    }
  }

  void Report(const Stmt& s) {
    const Node* at = default_at_ != nullptr ? default_at_ : doc_.root;
    if (s.at) {
      Value where = Eval(*s.at);
      if (where.node != nullptr) {
        at = where.node;
      }
    }
    Finding f;
    f.rule = rule_.id;
    f.slug = rule_.slug;
    f.severity = s.severity.value_or(severity_);
    f.message = Eval(*s.message).text;
    f.range = SourceRange{doc_.file, at != nullptr ? at->line : 1, at != nullptr ? at->column : 1};
    f.path = at != nullptr ? NodePath(at) : "";
    f.references = rule_.references;
    out_.push_back(std::move(f));
  }

  Value Eval(const Expr& e) {
    if (!e.memo) {
      return Compute(e);
    }
    if (const Value* kept = memo_.Find(e)) {
      return *kept;
    }
    return memo_.Keep(e, Compute(e));
  }

  Value Compute(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kNumber:
        return Value::Number(e.number);
      case ExprKind::kDate: {
        Value v = Value::Of(Value::kDate);
        v.date = e.date;
        return v;
      }
      case ExprKind::kString:
        return Template(e);
      case ExprKind::kBool:
        return Value::Bool(e.text == "true");
      case ExprKind::kAsOf: {
        Value v = Value::Of(Value::kDate);
        v.date = options_.as_of;
        return v;
      }
      case ExprKind::kDuration: {
        Value v = Value::Of(Value::kDuration);
        v.months = e.duration_months;
        v.days = e.duration_days;
        return v;
      }
      case ExprKind::kName:
        if (e.slot >= 0) {
          return locals_[static_cast<size_t>(e.slot)];
        }
        return NodeValue(Slot(doc_.root, e.field_index), RootField(e.field_index), doc_.root);
      case ExprKind::kField:
        return Field(Eval(*e.children[0]), e);
      case ExprKind::kIndex:
        return Index(Eval(*e.children[0]), Eval(*e.children[1]), e);
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kUnary:
        return Unary(e);
      case ExprKind::kBinary:
        return Binary(e);
      case ExprKind::kList:
        return ListLiteral(e);
      case ExprKind::kComprehension:
        return Select(e, nullptr);
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

  static const Node* Slot(const Node* map, int index) {
    if (map == nullptr || map->slots.empty()) {
      return nullptr;
    }
    return map->slots[static_cast<size_t>(index)];
  }

  Value Field(const Value& base, const Expr& e) {
    if (base.kind == Value::kAbsent || base.kind == Value::kInvalid) {
      return base;
    }
    if (base.kind == Value::kNode) {
      const FieldSpec& spec = base.node->spec->fields[static_cast<size_t>(e.field_index)];
      return NodeValue(Slot(base.node, e.field_index), spec, base.node);
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

  Value Index(const Value& base, const Value& index, const Expr& /*e*/) {
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

  Value Template(const Expr& e) {
    if (e.parts.empty()) {
      return Value::TextView(e.text);
    }
    std::string out;
    for (const TemplatePart& p : e.parts) {
      out += p.expr ? Eval(*p.expr).ToText() : p.literal;
    }
    return Value::Text(std::move(out));
  }

  Value Unary(const Expr& e) {
    Value v = Eval(*e.children[0]);
    if (e.text == "not") {
      Truth t = TruthOf(v);
      return FromTruth(t == Truth::kUnknown ? t : t == Truth::kTrue ? Truth::kFalse : Truth::kTrue);
    }
    if (v.kind != Value::kNumber) {
      return v;
    }
    return Value::Number(v.number.Negate(), v.money);
  }

  Value Logic(const Expr& e, bool is_and) {
    Truth l = TruthOf(Eval(*e.children[0]));
    Truth decisive = is_and ? Truth::kFalse : Truth::kTrue;
    if (l == decisive) {
      return FromTruth(l);
    }
    Truth r = TruthOf(Eval(*e.children[1]));
    if (r == decisive) {
      return FromTruth(r);
    }
    if (l == Truth::kUnknown || r == Truth::kUnknown) {
      return Value::Invalid();
    }
    return FromTruth(is_and ? Truth::kTrue : Truth::kFalse);
  }

  static Value Membership(const Value& needle, const Value& list) {
    if (needle.kind == Value::kInvalid || list.kind == Value::kInvalid) {
      return Value::Invalid();
    }
    if (needle.kind == Value::kAbsent || list.kind != Value::kList) {
      return Value::Bool(false);
    }
    bool unknown = false;
    for (const Value& v : *list.list) {
      if (Equal(needle, v)) {
        return Value::Bool(true);
      }
      unknown = unknown || v.kind == Value::kInvalid;
    }
    return unknown ? Value::Invalid() : Value::Bool(false);
  }

  static Value Negate(const Value& v) {
    return v.kind == Value::kInvalid ? v : Value::Bool(!v.IsTrue());
  }

  Value Binary(const Expr& e) {
    const std::string& op = e.text;
    if (op == "and" || op == "or") {
      return Logic(e, op == "and");
    }
    Value l = Eval(*e.children[0]);
    Value r = Eval(*e.children[1]);
    if (op == "in") {
      return Membership(l, r);
    }
    if (op == "not in") {
      return Negate(Membership(l, r));
    }
    if (l.kind == Value::kInvalid || r.kind == Value::kInvalid) {
      return Value::Invalid();
    }
    if (op == "==" || op == "!=") {
      bool eq = l.IsPresent() && r.IsPresent() && Equal(l, r);
      return Value::Bool(op == "==" ? eq : !eq);
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      if (!l.IsPresent() || !r.IsPresent()) {
        return Value::Bool(false);
      }
      int c = Compare(l, r);
      bool result = op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
      return Value::Bool(result);
    }
    if (!l.IsPresent() || !r.IsPresent()) {
      return Value::Absent(nullptr);
    }
    return Arithmetic(op, l, r);
  }

  static Value Arithmetic(const std::string& op, const Value& l, const Value& r) {
    if (l.kind == Value::kDate) {
      // Negating the least long long would overflow; a move that large leaves
      // the calendar anyway, so it saturates.
      auto signed_ = [&](long long n) {
        return op != "-" ? n : n == std::numeric_limits<long long>::min() ? n + 1 : -n;
      };
      std::optional<Date> moved = l.date.Moved(signed_(r.months), signed_(r.days));
      if (!moved) {
        return Value::Invalid();  // beyond year 9999 (or before year 0)
      }
      Value v = Value::Of(Value::kDate);
      v.date = *moved;
      return v;
    }
    std::optional<Decimal> d = op == "+"   ? l.number.Add(r.number)
                               : op == "-" ? l.number.Sub(r.number)
                               : op == "*" ? l.number.Mul(r.number)
                                           : l.number.Div(r.number);
    if (!d) {
      return Value::Invalid();
    }
    return Value::Number(*d, l.money || r.money);
  }

  Value ListLiteral(const Expr& e) {
    std::vector<Value> items;
    for (size_t i = 0; i < e.children.size(); ++i) {
      if (e.conditions[i] && !Eval(*e.conditions[i]).IsTrue()) {
        continue;
      }
      items.push_back(Eval(*e.children[i]));
    }
    return Value::List(std::move(items));
  }

  // The elements of a comprehension's list that satisfy its condition. With
  // `truth`, also the Kleene verdict of any() over the condition.
  Value Select(const Expr& e, std::vector<Truth>* truths) {
    Value source = Eval(*e.children[0]);
    if (source.kind == Value::kInvalid) {
      return source;
    }
    std::vector<Value> kept;
    if (source.kind == Value::kList) {
      bool unknown = false;
      for (const Value& item : *source.list) {
        locals_[static_cast<size_t>(e.slot)] = item;
        Truth t = TruthOf(Eval(*e.children[1]));
        if (truths != nullptr) {
          truths->push_back(t);
        }
        if (t == Truth::kTrue) {
          kept.push_back(item);
        }
        unknown = unknown || t == Truth::kUnknown;
      }
      if (unknown && truths == nullptr) {
        return Value::Invalid();
      }
    }
    return Value::List(std::move(kept), source.node);
  }

  Value Quantifier(const Expr& e, Function f) {
    std::vector<Truth> truths;
    Value v = Select(*e.children[0], &truths);
    if (v.kind == Value::kInvalid) {
      return v;
    }
    Truth want = f == Function::kAll ? Truth::kFalse : Truth::kTrue;
    bool found = std::find(truths.begin(), truths.end(), want) != truths.end();
    bool unknown = std::find(truths.begin(), truths.end(), Truth::kUnknown) != truths.end();
    if (!found && unknown) {
      return Value::Invalid();
    }
    if (f == Function::kAny) {
      return Value::Bool(found);
    }
    return Value::Bool(!found);  // all: no false; none: no true
  }

  // The list argument of an aggregate: absent counts as empty; any invalid
  // element makes the aggregate invalid.
  static bool ListArg(const Value& v, std::vector<const Value*>& items) {
    if (v.kind == Value::kInvalid) {
      return false;
    }
    if (v.kind != Value::kList) {
      return true;
    }
    for (const Value& item : *v.list) {
      if (item.kind == Value::kInvalid) {
        return false;
      }
      if (item.kind != Value::kAbsent) {
        items.push_back(&item);
      }
    }
    return true;
  }

  Value Aggregate(Function f, const Value& arg) {
    std::vector<const Value*> items;
    if (!ListArg(arg, items)) {
      return Value::Invalid();
    }
    switch (f) {
      case Function::kCount:
        return Value::Number(Decimal::FromInt(static_cast<long long>(items.size())));
      case Function::kSum: {
        Value total = Value::Number(Decimal());
        for (const Value* v : items) {
          std::optional<Decimal> d = total.number.Add(v->number);
          if (!d) {
            return Value::Invalid();
          }
          total.number = *d;
          total.money = total.money || v->money;
        }
        return total;
      }
      case Function::kMin:
      case Function::kMax: {
        if (items.empty()) {
          return Value::Absent(arg.node);
        }
        const Value* best = items[0];
        for (const Value* v : items) {
          int c = Compare(*v, *best);
          if ((f == Function::kMin && c < 0) || (f == Function::kMax && c > 0)) {
            best = v;
          }
        }
        return *best;
      }
      default:
        return Distinct(f, items, arg.node);
    }
  }

  static Value Distinct(Function f, const std::vector<const Value*>& items, const Node* at) {
    std::vector<Value> out;
    std::set<std::string> seen;
    for (const Value* v : items) {
      bool fresh = seen.insert(std::to_string(v->kind) + ":" + v->ToText()).second;
      if (fresh == (f == Function::kDistinct)) {
        out.push_back(*v);
      }
    }
    return Value::List(std::move(out), at);
  }

  Value TextFunction(Function f, const Value& v) {
    if (v.kind == Value::kInvalid) {
      return v;
    }
    bool blank = v.kind != Value::kText || IsBlank(v.text);
    switch (f) {
      case Function::kDescribed:
        return Value::Bool(!blank && !IsPlaceholder(v.text, false));
      case Function::kAnswered:
        return Value::Bool(!blank && !IsPlaceholder(v.text, true));
      case Function::kAbsence:
        if (v.kind == Value::kAbsent) {
          return Value::Text("missing");
        }
        if (blank) {
          return Value::Text("empty");
        }
        if (IsPlaceholder(v.text, false)) {
          return Value::Text("a placeholder ('" + std::string(v.text) + "')");
        }
        return Value::Text("described");
      default:
        if (v.kind != Value::kText) {
          return v;
        }
        std::string lower(v.text);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return Value::Text(std::move(lower));
    }
  }

  Value Call(const Expr& e) {
    auto f = static_cast<Function>(e.function);
    switch (f) {
      case Function::kAny:
      case Function::kAll:
      case Function::kNone:
        return Quantifier(e, f);
      case Function::kCoalesce: {
        Value a = Eval(*e.children[0]);
        return a.kind == Value::kAbsent ? Eval(*e.children[1]) : a;
      }
      default:
        break;
    }
    Value a = Eval(*e.children[0]);
    switch (f) {
      case Function::kDescribed:
      case Function::kAnswered:
      case Function::kAbsence:
      case Function::kLower:
        return TextFunction(f, a);
      case Function::kPresent:
      case Function::kMissing:
        if (a.kind == Value::kInvalid) {
          return a;
        }
        return Value::Bool(a.IsPresent() == (f == Function::kPresent));
      case Function::kMatches:
      case Function::kContainsWord:
        if (a.kind != Value::kText) {
          return a.kind == Value::kInvalid ? a : Value::Bool(false);
        }
        return Value::Bool(RE2::PartialMatch(a.text, *e.regex));
      case Function::kMentions: {
        Value term = Eval(*e.children[1]);
        if (a.kind == Value::kInvalid || term.kind == Value::kInvalid) {
          return Value::Invalid();
        }
        if (a.kind != Value::kText || term.kind != Value::kText) {
          return Value::Bool(false);
        }
        return Value::Bool(Mentions(a.text, term.text));
      }
      case Function::kJoin:
        return Join(a, e.children.size() > 1 ? Eval(*e.children[1]).ToText() : ", ");
      case Function::kPartner:
        return Partner(a);
      case Function::kKeys:
      case Function::kValues:
        return KeysOrValues(a, f == Function::kKeys);
      case Function::kMonths:
      case Function::kDays: {
        if (a.kind != Value::kNumber) {
          return a;
        }
        std::optional<long long> n = a.number.ToInt();
        if (!n) {
          return Value::Invalid();
        }
        Value v = Value::Of(Value::kDuration);
        (f == Function::kMonths ? v.months : v.days) = *n;
        return v;
      }
      default:
        return Aggregate(f, a);
    }
  }

  static Value Join(const Value& list, const std::string& separator) {
    if (list.kind != Value::kList) {
      return Value::Text(list.kind == Value::kAbsent ? "" : list.ToText());
    }
    std::string out;
    for (const Value& v : *list.list) {
      out += (out.empty() ? "" : separator) + v.ToText();
    }
    return Value::Text(std::move(out));
  }

  Value Partner(const Value& id) {
    if (id.kind != Value::kText) {
      return id.kind == Value::kInvalid ? id : Value::Absent(nullptr);
    }
    if (!partners_built_) {
      BuildPartnerIndex();
    }
    auto it = partners_.find(id.text);
    if (it == partners_.end()) {
      return Value::Absent(nullptr);
    }
    Value v = Value::Of(Value::kNode);
    v.node = it->second;
    return v;
  }

  void BuildPartnerIndex() {
    partners_built_ = true;
    const FieldSpec& format = AgreementFormat();
    int index = format.FieldIndex("partners");
    Value list = NodeValue(Slot(doc_.root, index), RootField(index), doc_.root);
    if (list.kind != Value::kList) {
      return;
    }
    int id_index = RootField(index).element->FieldIndex("id");
    for (const Value& p : *list.list) {
      if (p.kind != Value::kNode) {
        continue;
      }
      const Node* id = Slot(p.node, id_index);
      if (id != nullptr && id->kind == NodeKind::kScalar && !id->invalid) {
        partners_.emplace(id->text, p.node);
      }
    }
  }

  static Value KeysOrValues(const Value& map, bool keys) {
    if (map.kind != Value::kNode) {
      return map.kind == Value::kInvalid ? map : Value::List({}, map.node);
    }
    std::vector<Value> out;
    for (const auto& [key, value] : map.node->entries) {
      if (keys) {
        Value k = Value::TextView(key->text);
        k.node = key;
        out.push_back(std::move(k));
      } else {
        out.push_back(ValueOfNode(value, *map.node->spec->element, map.node));
      }
    }
    return Value::List(std::move(out), map.node);
  }

  const RuleDecl& rule_;
  const Document& doc_;
  const EvalOptions& options_;
  EvalMemo& memo_;
  std::vector<Finding>& out_;
  std::vector<Value> locals_;
  Severity severity_ = Severity::kError;
  const Node* default_at_ = nullptr;
  bool partners_built_ = false;
  std::unordered_map<std::string_view, const Node*> partners_;
};

}  // namespace

void EvaluateRule(const RuleDecl& rule, const Document& doc, const EvalOptions& options,
                  EvalMemo& memo, std::vector<Finding>& out) {
  if (doc.root == nullptr || doc.root->kind != NodeKind::kMap) {
    return;
  }
  RuleRun(rule, doc, options, memo, out).Run();
}

void EvaluateRule(const RuleDecl& rule, const Document& doc, const EvalOptions& options,
                  std::vector<Finding>& out) {
  EvalMemo memo;
  EvaluateRule(rule, doc, options, memo, out);
}

void Evaluate(const CompiledPack& pack, const Document& doc, const EvalOptions& options,
              std::vector<Finding>& out) {
  EvalMemo memo;
  for (const RuleDecl* rule : pack.rules()) {
    EvaluateRule(*rule, doc, options, memo, out);
  }
}

}  // namespace s75

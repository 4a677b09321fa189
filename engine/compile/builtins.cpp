#include "compile/builtins.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "compile/mentions.h"
#include "compile/placeholder.h"

namespace s75 {

namespace {

// --- Type rules shared by several built-ins -------------------------------------

// One argument of kind `In` (any, for kUnknown); a result of kind `Out`.
template <Type::Kind In, Type::Kind Out>
Type OneArgument(TypeCheck& c) {
  if (c.ok() && In != Type::kUnknown) {
    c.Expect(0, IsA(c.type(0), In));
  }
  return Type::Of(Out);
}

// A list; the result of the list's own type (distinct, duplicates).
Type SameList(TypeCheck& c) {
  if (c.ok()) {
    c.Expect(0, IsA(c.type(0), Type::kList));
  }
  return c.type(0);
}

// A list of ordered values; the result of their type (min, max).
Type Extreme(TypeCheck& c) {
  if (!c.ok()) {
    return Type::Of(Type::kUnknown);
  }
  Type el = ElementOf(c.type(0));
  bool ordered = IsA(el, Type::kNumber) || el.kind == Type::kDate || el.kind == Type::kText ||
                 el.kind == Type::kYear;
  c.Expect(0, IsA(c.type(0), Type::kList) && ordered);
  return el;
}

// One comprehension (any, all, none).
Type Quantified(TypeCheck& c) {
  if (c.ok()) {
    c.Expect(0, c.arg(0).kind == CompiledExpr::kSelect);
  }
  return Type::Of(Type::kBool);
}

// Text and a pattern literal: `regex` makes the pattern of the literal.
template <std::string (*regex)(const std::string&)>
Type PatternMatch(TypeCheck& c) {
  if (c.ok()) {
    c.Expect(0, IsA(c.type(0), Type::kText));
    c.SetPattern(regex(c.Literal(1)));
  }
  return Type::Of(Type::kBool);
}

std::string AsWritten(const std::string& regex) { return regex; }

// A case-insensitive pattern of the word or phrase, on word boundaries, a
// space matching any run of white space.
std::string WordPattern(const std::string& phrase) {
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

const FieldSpec& RootSpec(std::string_view name) {
  return AgreementFormat().fields[static_cast<size_t>(AgreementFormat().FieldIndex(name))];
}

// partner(id): the id, and (added here) the partners it is looked up in.
Type PartnerOf(TypeCheck& c) {
  if (c.ok()) {
    c.Expect(0, IsA(c.type(0), Type::kText));
    auto partners = std::make_unique<CompiledExpr>();
    partners->kind = CompiledExpr::kRootField;
    partners->index = AgreementFormat().FieldIndex("partners");
    partners->type = Type::FromSpec(RootSpec("partners"));
    partners->range = c.arg(0).range;
    c.AddOperand(std::move(partners));
  }
  return Type::FromSpec(*RootSpec("partners").element);
}

// --- Implementations shared by several built-ins ---------------------------------

// The present elements of a list argument: absent counts as empty; false
// when the list or any element is invalid.
bool ListArg(const Value& v, std::vector<const Value*>& items) {
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

// An aggregate of the list argument: `fold` sees its present elements.
template <Value (*fold)(const std::vector<const Value*>& items, const Value& list)>
Value Aggregate(Call& c) {
  Value list = c.Arg(0);
  std::vector<const Value*> items;
  if (!ListArg(list, items)) {
    return Value::Invalid();
  }
  return fold(items, list);
}

Value CountOf(const std::vector<const Value*>& items, const Value& /*list*/) {
  return Value::Number(Decimal::FromInt(static_cast<long long>(items.size())));
}

Value SumOf(const std::vector<const Value*>& items, const Value& /*list*/) {
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

// The least (sign -1) or greatest (sign 1) element; absent for none.
template <int sign>
Value ExtremeOf(const std::vector<const Value*>& items, const Value& list) {
  if (items.empty()) {
    return Value::Absent(list.node);
  }
  const Value* best = items[0];
  for (const Value* v : items) {
    if (Compare(*v, *best) == sign) {
      best = v;
    }
  }
  return *best;
}

// The first occurrence of each element (`first`), or each repeat after it.
template <bool first>
Value Occurrences(const std::vector<const Value*>& items, const Value& list) {
  std::vector<Value> out;
  std::set<std::string> seen;
  for (const Value* v : items) {
    bool fresh = seen.insert(std::to_string(v->kind) + ":" + v->ToText()).second;
    if (fresh == first) {
      out.push_back(*v);
    }
  }
  return Value::List(std::move(out), list.node);
}

// described (`na_is_answer` false) and answered: present, not blank, not a
// placeholder.
template <bool na_is_answer>
Value Described(Call& c) {
  Value v = c.Arg(0);
  if (v.kind == Value::kInvalid) {
    return v;
  }
  bool blank = v.kind != Value::kText || IsBlank(v.text);
  return Value::Bool(!blank && !IsPlaceholder(v.text, na_is_answer));
}

Value Absence(Call& c) {
  Value v = c.Arg(0);
  if (v.kind == Value::kInvalid) {
    return v;
  }
  if (v.kind == Value::kAbsent) {
    return Value::Text("missing");
  }
  if (v.kind != Value::kText || IsBlank(v.text)) {
    return Value::Text("empty");
  }
  if (IsPlaceholder(v.text, false)) {
    return Value::Text("a placeholder ('" + std::string(v.text) + "')");
  }
  return Value::Text("described");
}

template <bool present>
Value Presence(Call& c) {
  Value v = c.Arg(0);
  if (v.kind == Value::kInvalid) {
    return v;
  }
  return Value::Bool(v.IsPresent() == present);
}

// any (want true) and all and none (want false and true, negated): whether
// some element's condition came out as `want`; invalid when none did and
// some could not be decided.
template <bool want, bool negate>
Value Quantifier(Call& c) {
  Verdicts v = c.Judge(0);
  if (v.invalid) {
    return Value::Invalid();
  }
  bool found = (want ? v.yes : v.no) > 0;
  if (!found && v.unknown > 0) {
    return Value::Invalid();
  }
  return Value::Bool(found != negate);
}

Value PatternFound(Call& c) {
  Value text = c.Arg(0);
  if (text.kind != Value::kText) {
    return text.kind == Value::kInvalid ? text : Value::Bool(false);
  }
  return Value::Bool(RE2::PartialMatch(text.text, c.pattern()));
}

Value MentionOf(Call& c) {
  Value text = c.Arg(0);
  Value term = c.Arg(1);
  if (text.kind == Value::kInvalid || term.kind == Value::kInvalid) {
    return Value::Invalid();
  }
  if (text.kind != Value::kText || term.kind != Value::kText) {
    return Value::Bool(false);
  }
  return Value::Bool(Mentions(text.text, term.text));
}

Value Lower(Call& c) {
  Value v = c.Arg(0);
  if (v.kind != Value::kText) {
    return v;
  }
  std::string lower(v.text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return Value::Text(std::move(lower));
}

Value JoinOf(Call& c) {
  Value list = c.Arg(0);
  std::string separator = c.size() > 1 ? c.Arg(1).ToText() : ", ";
  if (list.kind != Value::kList) {
    return Value::Text(list.kind == Value::kAbsent ? "" : list.ToText());
  }
  std::string out;
  for (const Value& v : *list.list) {
    out += (out.empty() ? "" : separator) + v.ToText();
  }
  return Value::Text(std::move(out));
}

// The partner (operand 1 holds the partners) whose id is operand 0.
Value PartnerNamed(Call& c) {
  Value id = c.Arg(0);
  if (id.kind != Value::kText) {
    return id.kind == Value::kInvalid ? id : Value::Absent(nullptr);
  }
  Value partners = c.Arg(1);
  if (partners.kind != Value::kList) {
    return Value::Absent(nullptr);
  }
  static const int id_index = RootSpec("partners").element->FieldIndex("id");
  for (const Value& p : *partners.list) {
    const Node* key = p.kind == Value::kNode ? SlotOf(p.node, id_index) : nullptr;
    if (key != nullptr && key->kind == NodeKind::kScalar && !key->invalid && key->text == id.text) {
      return p;
    }
  }
  return Value::Absent(nullptr);
}

// The keys (each at its key's node) or values of a mapping of partner ids.
template <bool keys>
Value EntriesOf(Call& c) {
  Value map = c.Arg(0);
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

template <bool months>
Value DurationOf(Call& c) {
  Value n = c.Arg(0);
  if (n.kind != Value::kNumber) {
    return n;
  }
  std::optional<long long> whole = n.number.ToInt();
  if (!whole) {
    return Value::Invalid();
  }
  Value v = Value::Of(Value::kDuration);
  (months ? v.months : v.days) = *whole;
  return v;
}

Value Coalesce(Call& c) {
  Value a = c.Arg(0);
  return a.kind == Value::kAbsent ? c.Arg(1) : a;
}

// --- The functions ---------------------------------------------------------------

constexpr std::array kFunctions = {
    Builtin{
        .name = "described",
        .signature = "described(text) -> boolean",
        .meaning = "Present, not blank and not a placeholder (below).",
        .example = "when not described(f.host_support)",
        .check = OneArgument<Type::kText, Type::kBool>,
        .run = Described<false>,
    },
    Builtin{
        .name = "answered",
        .signature = "answered(text) -> boolean",
        .meaning = "Like `described`, but `n/a` counts as an answer (for info-level advice).",
        .example = "answered(information.record_keeping)",
        .check = OneArgument<Type::kText, Type::kBool>,
        .run = Described<true>,
    },
    Builtin{
        .name = "absence",
        .signature = "absence(text) -> text",
        .meaning = "Why a text is not described: `missing`, `empty` or `a placeholder ('TBC')` "
                   "(quoting the value as written); `described` otherwise.",
        .example = "\"... is {absence(capital.ownership)}\"",
        .check = OneArgument<Type::kText, Type::kText>,
        .run = Absence,
    },
    Builtin{
        .name = "present",
        .signature = "present(any) -> boolean",
        .meaning = "Given and not null.",
        .example = "present(f.pool_total)",
        .check = OneArgument<Type::kUnknown, Type::kBool>,
        .run = Presence<true>,
    },
    Builtin{
        .name = "missing",
        .signature = "missing(any) -> boolean",
        .meaning = "Absent: the key is missing or null.",
        .example = "missing(term.commencement)",
        .check = OneArgument<Type::kUnknown, Type::kBool>,
        .run = Presence<false>,
    },
    Builtin{
        .name = "count",
        .signature = "count(list) -> number",
        .meaning = "Number of non-absent elements.",
        .example = "count(s in aims.statements where described(s)) == 0",
        .check = OneArgument<Type::kList, Type::kNumber>,
        .run = Aggregate<CountOf>,
    },
    Builtin{
        .name = "sum",
        .signature = "sum(list of number) -> number",
        .meaning = "Exact sum; `0` for an empty list.",
        .example = "sum(f.contributions.amount)",
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(0,
                         IsA(c.type(0), Type::kList) && IsA(ElementOf(c.type(0)), Type::kNumber));
              }
              return Type::Of(Type::kNumber);
            },
        .run = Aggregate<SumOf>,
    },
    Builtin{
        .name = "min",
        .signature = "min(list of number, date, year or text)",
        .meaning = "Smallest element (text by byte order); absent for an empty list.",
        .example = "min(partners.signatory.signed_on)",
        .check = Extreme,
        .run = Aggregate<ExtremeOf<-1>>,
    },
    Builtin{
        .name = "max",
        .signature = "max(list of number, date, year or text)",
        .meaning = "Largest element; absent for an empty list.",
        .example = "max(f.contributions.amount)",
        .check = Extreme,
        .run = Aggregate<ExtremeOf<1>>,
    },
    Builtin{
        .name = "distinct",
        .signature = "distinct(list) -> list",
        .meaning = "The elements without repeats, first occurrence kept.",
        .example = "count(distinct(partners.kind))",
        .check = SameList,
        .run = Aggregate<Occurrences<true>>,
    },
    Builtin{
        .name = "duplicates",
        .signature = "duplicates(list) -> list",
        .meaning = "Each repeat after the first occurrence (`[a, a, a, b]` gives `a, a`).",
        .example = "for each d in duplicates(partners.id)",
        .check = SameList,
        .run = Aggregate<Occurrences<false>>,
    },
    Builtin{
        .name = "any",
        .signature = "any(x in list where condition) -> boolean",
        .meaning = "Some element satisfies the condition; false for an empty list.",
        .example = "any(p in partners where p.kind in nhs_kinds)",
        .check = Quantified,
        .run = Quantifier<true, false>,
    },
    Builtin{
        .name = "all",
        .signature = "all(x in list where condition) -> boolean",
        .meaning = "Every element satisfies it; true for an empty list.",
        .example = "all(p in partners where present(p.signatory.signed_on))",
        .check = Quantified,
        .run = Quantifier<false, true>,
    },
    Builtin{
        .name = "none",
        .signature = "none(x in list where condition) -> boolean",
        .meaning = "No element satisfies it; true for an empty list.",
        .example = "none(c in f.contributions where c.amount <= 0)",
        .check = Quantified,
        .run = Quantifier<true, true>,
    },
    Builtin{
        .name = "matches",
        .signature = "matches(text, \"regex\") -> boolean",
        .meaning = "RE2 regular expression found anywhere in the text (anchor with `^...$`); "
                   "case-sensitive unless `(?i)`. The pattern must be a string literal and is "
                   "compiled at compile time. False for absent text.",
        .example = "matches(o.lead, \"^[a-z0-9_-]+$\")",
        .min_args = 2,
        .max_args = 2,
        .literal_arg = 1,
        .check = PatternMatch<AsWritten>,
        .run = PatternFound,
    },
    Builtin{
        .name = "contains_word",
        .signature = "contains_word(text, \"word\") -> boolean",
        .meaning = "The word or phrase, case-insensitive, at word boundaries; a space in the "
                   "phrase matches any run of white space. The phrase must be a string literal.",
        .example = "contains_word(governance.financial, \"standing financial instructions\")",
        .min_args = 2,
        .max_args = 2,
        .literal_arg = 1,
        .check = PatternMatch<WordPattern>,
        .run = PatternFound,
    },
    Builtin{
        .name = "mentions",
        .signature = "mentions(text, term) -> boolean",
        .meaning = "The text names the term: case-insensitive (ASCII), on word boundaries, with "
                   "any white space between the term's words, and **not** directly after `non-` "
                   "or `non ` (`\"Non-surgical podiatry\"` does not mention `surgical`). The term "
                   "may be any text expression, so it works over a list of terms. False for "
                   "absent text.",
        .example = "(t in excluded_functions where mentions(f, t))",
        .min_args = 2,
        .max_args = 2,
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(0, IsA(c.type(0), Type::kText));
                c.Expect(1, IsA(c.type(1), Type::kText));
              }
              return Type::Of(Type::kBool);
            },
        .run = MentionOf,
    },
    Builtin{
        .name = "lower",
        .signature = "lower(text) -> text",
        .meaning = "Lower case (ASCII letters A–Z only).",
        .example = "lower(agreement.title)",
        .check = OneArgument<Type::kText, Type::kText>,
        .run = Lower,
    },
    Builtin{
        .name = "join",
        .signature = "join(list of text[, separator]) -> text",
        .meaning = "The elements as text (any list is accepted), joined with `, ` or the "
                   "separator; `\"\"` for an absent list.",
        .example = "join(partners.id, \" and \")",
        .min_args = 1,
        .max_args = 2,
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(0, IsA(c.type(0), Type::kList));
                if (c.size() > 1) {
                  c.Expect(1, IsA(c.type(1), Type::kText));
                }
              }
              return Type::Of(Type::kText);
            },
        .run = JoinOf,
    },
    Builtin{
        .name = "partner",
        .signature = "partner(id) -> partner",
        .meaning = "The partner mapping whose `id` is the argument; absent if none. Its fields "
                   "are typed as a partner's.",
        .example = "partner(f.host).kind in nhs_kinds",
        .check = PartnerOf,
        .run = PartnerNamed,
    },
    Builtin{
        .name = "keys",
        .signature = "keys(mapping) -> list of text",
        .meaning = "The partner ids of a mapping of partner ids, each placed at its key.",
        .example = "for each k in keys(f.overspend.shares) where not is_partner(k)",
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(0, IsA(c.type(0), Type::kMap));
              }
              return Type::ListOf(Type::Of(Type::kText));
            },
        .run = EntriesOf<true>,
    },
    Builtin{
        .name = "values",
        .signature = "values(mapping) -> list of number",
        .meaning = "Its values (the shares).",
        .example = "sum(values(f.overspend.shares)) != 1",
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(0, IsA(c.type(0), Type::kMap));
              }
              return Type::ListOf(Type::Of(Type::kNumber));
            },
        .run = EntriesOf<false>,
    },
    Builtin{
        .name = "months",
        .signature = "months(number) -> duration",
        .meaning = "That many months; invalid unless a whole number. For a literal, `12 months` "
                   "is the same.",
        .example = "term.commencement + months(term.duration_months)",
        .check = OneArgument<Type::kNumber, Type::kDuration>,
        .run = DurationOf<true>,
    },
    Builtin{
        .name = "days",
        .signature = "days(number) -> duration",
        .meaning = "That many days; invalid unless a whole number.",
        .example = "as_of - days(term.termination.notice_months * 30)",
        .check = OneArgument<Type::kNumber, Type::kDuration>,
        .run = DurationOf<false>,
    },
    Builtin{
        .name = "coalesce",
        .signature = "coalesce(a, b)",
        .meaning = "`a` if it is not absent, else `b`; both of one type.",
        .example = "coalesce(o.id, '(no id)')",
        .min_args = 2,
        .max_args = 2,
        .check =
            [](TypeCheck& c) {
              if (c.ok()) {
                c.Expect(1, Compatible(c.type(0), c.type(1)));
              }
              return c.type(0);
            },
        .run = Coalesce,
    },
};

}  // namespace

std::span<const Builtin> Functions() { return kFunctions; }

int BuiltinId(const Builtin& b) {
  std::span<const Builtin> operators = Operators();
  if (IsOperator(b)) {
    return static_cast<int>(kFunctions.size() + static_cast<size_t>(&b - operators.data()));
  }
  return static_cast<int>(&b - kFunctions.data());
}

const Builtin* FindBuiltinById(int id) {
  if (id < 0) {
    return nullptr;
  }
  auto at = static_cast<size_t>(id);
  if (at < kFunctions.size()) {
    return &kFunctions[at];
  }
  std::span<const Builtin> operators = Operators();
  at -= kFunctions.size();
  return at < operators.size() ? &operators[at] : nullptr;
}

const Builtin* FindFunction(std::string_view name) {
  for (const Builtin& f : kFunctions) {
    if (f.name == name) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace s75

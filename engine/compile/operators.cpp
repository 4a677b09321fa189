// The operators' built-ins (compile/builtins.h), one per Operator.
#include <array>
#include <functional>
#include <limits>

#include "compile/builtins.h"

namespace s75 {

namespace {

// --- Type rules ------------------------------------------------------------------

std::string Pair(TypeCheck& c) { return c.type(0).Name() + " and " + c.type(1).Name(); }

Type Logic(TypeCheck& c) {
  if (!IsA(c.type(0), Type::kBool) || !IsA(c.type(1), Type::kBool)) {
    c.Error("`" + std::string(c.name()) + "` joins conditions, not " + Pair(c));
  }
  return Type::Of(Type::kBool);
}

Type Not(TypeCheck& c) {
  if (!IsA(c.type(0), Type::kBool)) {
    c.Error("`not` needs true or false, not " + c.type(0).Name());
  }
  return Type::Of(Type::kBool);
}

Type Negative(TypeCheck& c) {
  if (!IsA(c.type(0), Type::kNumber)) {
    c.Error("`-` needs a number, not " + c.type(0).Name());
  }
  return Type::Of(Type::kNumber);
}

Type Equality(TypeCheck& c) {
  const Type l = c.type(0);
  const Type r = c.type(1);
  if (!Compatible(l, r)) {
    c.Error("cannot compare " + l.Name() + " with " + r.Name());
  }
  for (const Type* side : {&l, &r}) {
    if (side->kind == Type::kList || side->kind == Type::kObject || side->kind == Type::kMap ||
        side->kind == Type::kDuration) {
      c.Error("`" + std::string(c.name()) + "` compares single values, not a " + side->Name() +
              ": compare their fields, or use count(), in or any()");
      break;
    }
  }
  c.CheckVocabulary(l, c.arg(1));
  c.CheckVocabulary(r, c.arg(0));
  return Type::Of(Type::kBool);
}

Type Ordering(TypeCheck& c) {
  const Type l = c.type(0);
  bool ordered = IsA(l, Type::kNumber) || IsA(l, Type::kDate) || IsA(l, Type::kYear);
  if (!ordered || !Compatible(l, c.type(1))) {
    c.Error("cannot order " + l.Name() + " against " + c.type(1).Name());
  }
  return Type::Of(Type::kBool);
}

Type Membership(TypeCheck& c) {
  const Type l = c.type(0);
  const Type r = c.type(1);
  if (!IsA(r, Type::kList) || !Compatible(l, ElementOf(r))) {
    c.Error("`" + std::string(c.name()) + "` needs a value and a list of the same type, not " +
            Pair(c));
  }
  const CompiledExpr& list = c.arg(1);
  if (list.kind == CompiledExpr::kList) {
    for (const auto& item : list.operands) {
      c.CheckVocabulary(l, *item);
    }
  } else {
    c.CheckVocabulary(l, list);
  }
  if (r.element) {
    c.CheckVocabulary(*r.element, c.arg(0));
  }
  return Type::Of(Type::kBool);
}

// Numbers, or with `dates` also a date and a duration.
template <bool dates>
Type Arithmetic(TypeCheck& c) {
  if (dates && IsA(c.type(0), Type::kDate) && c.type(1).kind == Type::kDuration) {
    return Type::Of(Type::kDate);
  }
  if (!IsA(c.type(0), Type::kNumber) || !IsA(c.type(1), Type::kNumber)) {
    c.Error("`" + std::string(c.name()) + "` needs numbers (or a date and a duration), not " +
            Pair(c));
  }
  return Type::Of(Type::kNumber);
}

// --- Implementations: Kleene's logic over true, false and invalid -----------------

// and (`decisive` false) and or (true): the right side is evaluated only when
// the left does not decide.
template <Truth decisive>
Value Connective(Call& c) {
  Truth l = TruthOf(c.Arg(0));
  if (l == decisive) {
    return FromTruth(l);
  }
  Truth r = TruthOf(c.Arg(1));
  if (r == decisive) {
    return FromTruth(r);
  }
  if (l == Truth::kUnknown || r == Truth::kUnknown) {
    return Value::Invalid();
  }
  return FromTruth(decisive == Truth::kFalse ? Truth::kTrue : Truth::kFalse);
}

Value Negation(Call& c) {
  Truth t = TruthOf(c.Arg(0));
  return FromTruth(t == Truth::kUnknown ? t : t == Truth::kTrue ? Truth::kFalse : Truth::kTrue);
}

Value Minus(Call& c) {
  Value v = c.Arg(0);
  if (v.kind != Value::kNumber) {
    return v;
  }
  return Value::Number(v.number.Negate(), v.money);
}

// The value of a comparison or calculation when an operand is invalid
// (invalid) or absent (`if_absent`); nullopt when both are present.
std::optional<Value> NotBothPresent(const Value& l, const Value& r, Value if_absent) {
  if (l.kind == Value::kInvalid || r.kind == Value::kInvalid) {
    return Value::Invalid();
  }
  if (!l.IsPresent() || !r.IsPresent()) {
    return if_absent;
  }
  return std::nullopt;
}

// == (`equal`) and !=: false (true) when either side is absent.
template <bool equal>
Value Equals(Call& c) {
  Value l = c.Arg(0);
  Value r = c.Arg(1);
  if (std::optional<Value> v = NotBothPresent(l, r, Value::Bool(!equal))) {
    return *v;
  }
  return Value::Bool(Equal(l, r) == equal);
}

// < <= > >=: `holds` reads the comparison's sign; false when either side is absent.
template <bool (*holds)(int sign)>
Value Order(Call& c) {
  Value l = c.Arg(0);
  Value r = c.Arg(1);
  if (std::optional<Value> v = NotBothPresent(l, r, Value::Bool(false))) {
    return *v;
  }
  return Value::Bool(holds(Compare(l, r)));
}

// in (`negate` false) and not in: invalid when the value is not found and
// the list holds an invalid element.
template <bool negate>
Value In(Call& c) {
  Value needle = c.Arg(0);
  Value list = c.Arg(1);
  if (needle.kind == Value::kInvalid || list.kind == Value::kInvalid) {
    return Value::Invalid();
  }
  if (needle.kind == Value::kAbsent || list.kind != Value::kList) {
    return Value::Bool(negate);
  }
  bool unknown = false;
  for (const Value& v : *list.list) {
    if (Equal(needle, v)) {
      return Value::Bool(!negate);
    }
    unknown = unknown || v.kind == Value::kInvalid;
  }
  return unknown ? Value::Invalid() : Value::Bool(negate);
}

// A date moved by a duration, forwards (`sign` 1) or back.
Value Moved(const Value& date, const Value& by, int sign) {
  // Negating the least long long would overflow; a move that large leaves
  // the calendar anyway, so it saturates.
  auto signed_ = [sign](long long n) {
    return sign > 0 ? n : n == std::numeric_limits<long long>::min() ? n + 1 : -n;
  };
  std::optional<Date> moved = date.date.Moved(signed_(by.months), signed_(by.days));
  if (!moved) {
    return Value::Invalid();  // beyond year 9999 (or before year 0)
  }
  Value v = Value::Of(Value::kDate);
  v.date = *moved;
  return v;
}

// + - * /: absent when either side is; invalid on overflow or division by zero.
template <std::optional<Decimal> (Decimal::*op)(Decimal) const, int date_sign>
Value Calculate(Call& c) {
  Value l = c.Arg(0);
  Value r = c.Arg(1);
  if (std::optional<Value> v = NotBothPresent(l, r, Value::Absent(nullptr))) {
    return *v;
  }
  if (date_sign != 0 && l.kind == Value::kDate) {
    return Moved(l, r, date_sign);
  }
  std::optional<Decimal> d = (l.number.*op)(r.number);
  if (!d) {
    return Value::Invalid();
  }
  return Value::Number(*d, l.money || r.money);
}

// --- The operators, in the order of the Operator enum --------------------------------

constexpr std::string_view kLogicOperands = "booleans";
constexpr std::string_view kLogicMeaning =
    "boolean. `and` does not look at its right side when the left is false, and `or` does not "
    "when the left is true. Absent counts as false and invalid as unknown (§8).";
constexpr std::string_view kEqualityOperands = "two values of the same type";
constexpr std::string_view kEqualityMeaning =
    "`==` is true when both sides are present and equal. `!=` is exactly `not (a == b)`, so "
    "**`!=` is true when either side is absent**. If either side is invalid, the result is "
    "invalid.";
constexpr std::string_view kOrderOperands = "two numbers, two dates or two financial years";
constexpr std::string_view kOrderMeaning =
    "false when either side is absent; invalid when either is invalid";
constexpr std::string_view kInOperands = "a value and a list of values of the same type";
constexpr std::string_view kInMeaning =
    "`in` is false when `x` is absent or `L` is absent. `not in` is its negation, so it is "
    "**true** in those cases. If `x` is not found and `L` has an invalid element, the result "
    "is invalid.";
constexpr std::string_view kAddOperands = "two numbers, or a date and a duration";
constexpr std::string_view kAddMeaning =
    "number, or the date moved by the duration (§6, Durations). Absent if either side is "
    "absent. Invalid on overflow.";
constexpr std::string_view kMultiplyOperands = "two numbers";
constexpr std::string_view kMultiplyMeaning =
    "number. Absent if either side is absent. Invalid on division by zero or overflow.";

bool Less(int sign) { return sign < 0; }
bool LessOrEqual(int sign) { return sign <= 0; }
bool Greater(int sign) { return sign > 0; }
bool GreaterOrEqual(int sign) { return sign >= 0; }

constexpr Builtin Infix(std::string_view name, std::string_view example, std::string_view operands,
                        std::string_view meaning, Type (*check)(TypeCheck&), Value (*run)(Call&)) {
  return {name, operands, meaning, example, 2, 2, -1, check, run};
}

constexpr Builtin Prefix(std::string_view name, std::string_view example, std::string_view operands,
                         std::string_view meaning, Type (*check)(TypeCheck&), Value (*run)(Call&)) {
  return {name, operands, meaning, example, 1, 1, -1, check, run};
}

constexpr std::array kOperators = {
    Infix("or", "a or b", kLogicOperands, kLogicMeaning, Logic, Connective<Truth::kTrue>),
    Infix("and", "a and b", kLogicOperands, kLogicMeaning, Logic, Connective<Truth::kFalse>),
    Prefix("not", "not a", kLogicOperands, kLogicMeaning, Not, Negation),
    Infix("==", "a == b", kEqualityOperands, kEqualityMeaning, Equality, Equals<true>),
    Infix("!=", "a != b", kEqualityOperands, kEqualityMeaning, Equality, Equals<false>),
    Infix("<", "a < b", kOrderOperands, kOrderMeaning, Ordering, Order<Less>),
    Infix("<=", "a <= b", kOrderOperands, kOrderMeaning, Ordering, Order<LessOrEqual>),
    Infix(">", "a > b", kOrderOperands, kOrderMeaning, Ordering, Order<Greater>),
    Infix(">=", "a >= b", kOrderOperands, kOrderMeaning, Ordering, Order<GreaterOrEqual>),
    Infix("in", "x in L", kInOperands, kInMeaning, Membership, In<false>),
    Infix("not in", "x not in L", kInOperands, kInMeaning, Membership, In<true>),
    Infix("+", "a + b", kAddOperands, kAddMeaning, Arithmetic<true>, Calculate<&Decimal::Add, 1>),
    Infix("-", "a - b", kAddOperands, kAddMeaning, Arithmetic<true>, Calculate<&Decimal::Sub, -1>),
    Infix("*", "a * b", kMultiplyOperands, kMultiplyMeaning, Arithmetic<false>,
          Calculate<&Decimal::Mul, 0>),
    Infix("/", "a / b", kMultiplyOperands, kMultiplyMeaning, Arithmetic<false>,
          Calculate<&Decimal::Div, 0>),
    Prefix("-", "-a", "a number", "number", Negative, Minus),
};
static_assert(kOperators.size() == static_cast<size_t>(Operator::kNegate) + 1,
              "one built-in per Operator, in its order");

}  // namespace

std::span<const Builtin> Operators() { return kOperators; }

const Builtin& OperatorBuiltin(Operator op) { return kOperators[static_cast<size_t>(op)]; }

bool IsOperator(const Builtin& b) {
  std::less<const Builtin*> before;
  return !before(&b, kOperators.data()) && before(&b, kOperators.data() + kOperators.size());
}

}  // namespace s75

#include "compile/value.h"

namespace s75 {

namespace {

std::string Money(const Decimal& d) {
  std::string plain = (d.IsNegative() ? d.Negate() : d).ToString(d.Places() > 0 ? 2 : 0);
  size_t dot = plain.find('.');
  std::string whole = plain.substr(0, dot);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += whole[i];
  }
  return std::string(d.IsNegative() ? "-" : "") + "£" + grouped +
         (dot == std::string::npos ? "" : plain.substr(dot));
}

}  // namespace

std::string Value::ToText() const {
  switch (kind) {
    case kAbsent:
      return "(not given)";
    case kInvalid:
      return "(invalid)";
    case kBool:
      return boolean ? "true" : "false";
    case kNumber:
      return money ? Money(number) : number.ToString();
    case kText:
      return std::string(text);
    case kDate:
      return date.ToString();
    case kYear:
      return year.ToString();
    case kDuration:
      if (months != 0) {
        return std::to_string(months) + (months == 1 ? " month" : " months");
      }
      return std::to_string(days) + (days == 1 ? " day" : " days");
    case kList: {
      std::string out;
      for (const Value& v : *list) {
        out += (out.empty() ? "" : ", ") + v.ToText();
      }
      return out;
    }
    case kNode:
      return NodePath(node);
  }
  return "";
}

namespace {

// A baseline period's value: a date or a financial year, as written.
Value YearOrDate(Value v, const TypedValue& typed) {
  if (const auto* date = std::get_if<Date>(&typed)) {
    v.kind = Value::kDate;
    v.date = *date;
  } else {
    v.kind = Value::kYear;
    v.year = std::get<FinancialYear>(typed);
  }
  return v;
}

}  // namespace

Value ValueOfNode(const Node* node, const FieldSpec& spec, const Node* parent) {
  if (node == nullptr) {
    return Value::Absent(parent);
  }
  if (node->IsNull()) {
    return Value::Absent(node);
  }
  if (node->invalid || node->spec == nullptr) {
    return Value::Invalid();
  }
  Value v;
  v.node = node;
  switch (spec.type) {
    case ValueType::kText:
    case ValueType::kId:
    case ValueType::kEnum:
      v.kind = Value::kText;
      v.text = node->text;
      return v;
    case ValueType::kDate:
      v.kind = Value::kDate;
      v.date = std::get<Date>(node->typed);
      return v;
    case ValueType::kYear:
      v.kind = Value::kYear;
      v.year = std::get<FinancialYear>(node->typed);
      return v;
    case ValueType::kYearOrDate:
      return YearOrDate(v, node->typed);
    case ValueType::kBool:
      v.kind = Value::kBool;
      v.boolean = std::get<bool>(node->typed);
      return v;
    case ValueType::kMoney:
    case ValueType::kShare:
    case ValueType::kInteger:
    case ValueType::kNumber:
      v.kind = Value::kNumber;
      v.number = std::get<Decimal>(node->typed);
      v.money = spec.type == ValueType::kMoney;
      return v;
    case ValueType::kList: {
      std::vector<Value> items;
      items.reserve(node->items.size());
      for (const Node* item : node->items) {
        items.push_back(ValueOfNode(item, *spec.element, node));
      }
      return Value::List(std::move(items), node);
    }
    case ValueType::kObject:
    case ValueType::kMap:
      v.kind = Value::kNode;
      return v;
  }
  return Value::Invalid();
}

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

}  // namespace s75

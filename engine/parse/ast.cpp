#include "parse/ast.h"

namespace s75 {

Type Type::ListOf(Type element) {
  Type t = Of(kList);
  t.element = std::make_shared<Type>(std::move(element));
  return t;
}

Type Type::FromSpec(const FieldSpec& spec) {
  switch (spec.type) {
    case ValueType::kText:
    case ValueType::kId:
      return Of(kText);
    case ValueType::kEnum:
      return Type{kText, &spec, nullptr};
    case ValueType::kDate:
      return Of(kDate);
    case ValueType::kYear:
      return Of(kYear);
    case ValueType::kMoney:
    case ValueType::kShare:
    case ValueType::kInteger:
    case ValueType::kNumber:
      return Of(kNumber);
    case ValueType::kBool:
      return Of(kBool);
    case ValueType::kList:
      return ListOf(FromSpec(*spec.element));
    case ValueType::kObject:
      return Type{kObject, &spec, nullptr};
    case ValueType::kMap:
      return Type{kMap, &spec, nullptr};
  }
  return Of(kUnknown);
}

std::string Type::Name() const {
  switch (kind) {
    case kUnknown:
      return "any";
    case kBool:
      return "boolean";
    case kNumber:
      return "number";
    case kText:
      return "text";
    case kDate:
      return "date";
    case kYear:
      return "financial year";
    case kDuration:
      return "duration";
    case kList:
      return "list of " + (element ? element->Name() : std::string("any"));
    case kObject:
      return "mapping";
    case kMap:
      return "mapping of partner ids";
  }
  return "any";
}

std::unique_ptr<Expr> Expr::Clone() const {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->range = range;
  e->text = text;
  for (const auto& c : children) {
    e->children.push_back(c->Clone());
  }
  for (const auto& c : conditions) {
    e->conditions.push_back(c ? c->Clone() : nullptr);
  }
  for (const auto& p : parts) {
    e->parts.push_back({p.literal, p.expr ? p.expr->Clone() : nullptr});
  }
  e->template_errors = template_errors;
  e->number = number;
  e->date = date;
  e->duration_months = duration_months;
  e->duration_days = duration_days;
  e->checked = checked;
  e->type = type;
  e->function = function;
  e->field_index = field_index;
  e->slot = slot;
  e->regex = regex;
  e->memo = memo;
  return e;
}

}  // namespace s75

#include "compile/types.h"

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
    case ValueType::kYearOrDate:  // either, known only per value
      return Of(kUnknown);
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

bool Compatible(const Type& a, const Type& b) {
  if (a.kind == Type::kUnknown || b.kind == Type::kUnknown) {
    return true;
  }
  if (a.kind != b.kind) {
    return false;
  }
  if (a.kind == Type::kList) {
    return Compatible(*a.element, *b.element);
  }
  return true;
}

Type ElementOf(const Type& t) {
  if (t.kind == Type::kList && t.element) {
    return *t.element;
  }
  return Type::Of(Type::kUnknown);
}

}  // namespace s75

// The static types of the rule language's expressions.
#pragma once

#include <memory>
#include <string>

#include "schema/format.h"

namespace s75 {

struct Type {
  enum Kind { kUnknown, kBool, kNumber, kText, kDate, kYear, kDuration, kList, kObject, kMap };
  Kind kind = kUnknown;
  const FieldSpec* spec = nullptr;  // kObject / kMap: the format field; kText: an enum's field
  std::shared_ptr<Type> element;    // kList: the element type

  static Type Of(Kind k) { return Type{k, nullptr, nullptr}; }
  static Type ListOf(Type element);
  // The type of values of a format field.
  static Type FromSpec(const FieldSpec& spec);
  std::string Name() const;
};

// True when the types may meet: equal, or either unknown (a mistake already
// reported).
bool Compatible(const Type& a, const Type& b);

// True when `t` is of kind `k`, or unknown.
inline bool IsA(const Type& t, Type::Kind k) { return t.kind == k || t.kind == Type::kUnknown; }

// The element type of a list type; unknown for any other.
Type ElementOf(const Type& t);

}  // namespace s75

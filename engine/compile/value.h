// Runtime values of the rule language.
//
// Besides ordinary values there are two states: absent (the key is missing
// or null) and invalid (the value had a type error, DOC.04). Comparisons
// with an absent value are false; anything that touches an invalid value is
// invalid, and `and`/`or` follow Kleene's logic, so a rule never reports or
// uses a value the loader already reported as wrong.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "load/document.h"

namespace s75 {

struct Value {
  enum Kind : std::uint8_t {
    kAbsent,
    kInvalid,
    kBool,
    kNumber,
    kText,
    kDate,
    kYear,
    kDuration,
    kList,
    kNode
  };
  // Laid out small first: values are made and copied at every step of a
  // rule, and this order packs them into 112 bytes rather than 128.
  Kind kind = kAbsent;
  bool boolean = false;
  bool money = false;  // a number that is an amount of money (for messages)
  FinancialYear year;
  Date date;
  Decimal number;
  long long months = 0;
  long long days = 0;
  // Text: a view of the document's or the rules' own text, which outlive
  // every value, or of `owned_text` for text the evaluator computed. Values
  // are copied often (locals, list elements), and a copy shares the text.
  std::string_view text;
  std::shared_ptr<const std::string> owned_text;
  std::shared_ptr<const std::vector<Value>> list;
  // Where the value is in the document: its node, or for an absent value
  // the nearest mapping that exists. Null for computed values.
  const Node* node = nullptr;

  static Value Absent(const Node* at) {
    Value v;
    v.node = at;
    return v;
  }
  static Value Invalid() { return Of(kInvalid); }
  static Value Of(Kind k) {
    Value v;
    v.kind = k;
    return v;
  }
  static Value Bool(bool b) {
    Value v = Of(kBool);
    v.boolean = b;
    return v;
  }
  static Value Number(Decimal d, bool money = false) {
    Value v = Of(kNumber);
    v.number = d;
    v.money = money;
    return v;
  }
  // Computed text, owned by the value.
  static Value Text(std::string t) {
    Value v = Of(kText);
    v.owned_text = std::make_shared<const std::string>(std::move(t));
    v.text = *v.owned_text;
    return v;
  }
  // Text that outlives the value: the document's or a compiled rule's.
  static Value TextView(std::string_view t) {
    Value v = Of(kText);
    v.text = t;
    return v;
  }
  static Value List(std::vector<Value> items, const Node* at = nullptr) {
    Value v = Of(kList);
    v.list = std::make_shared<const std::vector<Value>>(std::move(items));
    v.node = at;
    return v;
  }

  bool IsTrue() const { return kind == kBool && boolean; }
  bool IsPresent() const { return kind != kAbsent && kind != kInvalid; }

  // The value as it reads in a message: money as £17,400,000.50, dates as
  // 2009-04-01, lists joined with ", ", an absent value as "(not given)".
  std::string ToText() const;
};

// The value of a document node read as `spec` says.
Value ValueOfNode(const Node* node, const FieldSpec& spec, const Node* parent);

// The node of field `index` of a validated mapping (null when the mapping
// has no such field or is no mapping).
inline const Node* SlotOf(const Node* map, int index) {
  if (map == nullptr || map->slots.empty()) {
    return nullptr;
  }
  return map->slots[static_cast<size_t>(index)];
}

// Equality of two present values of the same kind.
bool Equal(const Value& a, const Value& b);

// The order of two present values of the same kind: -1, 0 or 1.
int Compare(const Value& a, const Value& b);

// Kleene's three-valued logic over true, false and invalid.
enum class Truth { kFalse, kTrue, kUnknown };

inline Truth TruthOf(const Value& v) {
  if (v.kind == Value::kInvalid) {
    return Truth::kUnknown;
  }
  return v.IsTrue() ? Truth::kTrue : Truth::kFalse;
}

inline Value FromTruth(Truth t) {
  return t == Truth::kUnknown ? Value::Invalid() : Value::Bool(t == Truth::kTrue);
}

}  // namespace s75

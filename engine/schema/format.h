// The agreement format (shared/spec/agreement-format.md) as data: one tree of
// field specifications. The loader validates documents against it and the
// rule compiler types paths with it, so the two can never disagree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace s75 {

enum class ValueType {
  kText,        // a YAML string; "described" is judged by the rules
  kDate,        // 2009-04-01
  kYear,        // 2009/10, a financial year
  kYearOrDate,  // 2009/10 or 2009-03-31: a period given as a financial year or a day
  kMoney,       // exact decimal, at most 2 places
  kShare,       // exact decimal in 0..1
  kId,          // lower-case letters, digits, _ and -
  kBool,        // true/false/yes/no/on/off, unquoted
  kInteger,     // whole number with a minimum
  kNumber,      // exact decimal
  kEnum,        // one word of `vocabulary`
  kList,        // a YAML sequence of `element`
  kObject,      // a mapping with the known `fields`
  kMap,         // a mapping from ids to `element` values (shares)
};

// The versions of the format a field belongs to (a bit set).
inline constexpr unsigned kFormat1 = 1;
inline constexpr unsigned kFormat2 = 2;
inline constexpr unsigned kBothFormats = kFormat1 | kFormat2;

// A field of the format. Objects own their fields; lists and maps own their
// element specification. The tree is the model the rules read: the fields of
// both versions, each marked with the versions a file may write it in. A
// format 1 file's `host` and `finance` figures are read into one fund of
// `funds` (load/model.h), so the rules read `funds` and never `host`.
struct FieldSpec {
  std::string name;
  ValueType type = ValueType::kText;
  bool required = false;
  std::string description;                   // what the field is for, one sentence
  std::string reference;                     // the source asking for it (MTAE Table 1 row 7)
  std::vector<std::string> vocabulary;       // kEnum
  long long min_integer = 0;                 // kInteger
  bool positive = false;                     // kNumber: above zero (a weight)
  bool non_negative = false;                 // kNumber: zero or more (a tolerance)
  size_t min_items = 0;                      // kList
  std::shared_ptr<const FieldSpec> element;  // kList, kMap
  std::vector<FieldSpec> fields;             // kObject
  unsigned versions = kBothFormats;          // the format versions a file may write it in
  std::string moved_to;  // a format 1 field format 2 moved: where it belongs now

  // True when a file of format `version` (1 or 2) may write the field.
  bool In(int version) const { return (versions & (version == 1 ? kFormat1 : kFormat2)) != 0; }

  // Index of the named field in `fields`, or -1.
  int FieldIndex(std::string_view field_name) const;
  // True for the scalar types (not list, object or map).
  bool IsScalar() const;
};

// The root of the format: the top-level mapping of an agreement file.
const FieldSpec& AgreementFormat();

// The values of `format:` this version reads, and the one `init` writes.
inline constexpr std::string_view kFormatVersion1 = "s75check/1";
inline constexpr std::string_view kFormatVersion2 = "s75check/2";
inline constexpr std::string_view kFormatVersion = kFormatVersion2;

// The version a `format:` value names (1 or 2), or 0 when it names none.
int FormatVersionOf(std::string_view format);

// The description and, where there is one, the reference in brackets:
// "When the arrangement starts. [MTAE Table 1 row 9]".
std::string FieldNote(const FieldSpec& spec);

// A readable name of a type, for messages ("a date (YYYY-MM-DD)").
std::string TypeDescription(const FieldSpec& spec);

// What a scalar that does not match its type is not, and how to write it,
// as the loader's DOC.04 and the schema's editor messages both say it
// ("not a date: write YYYY-MM-DD naming a real day").
std::string TypeMistake(const FieldSpec& spec);

// Why `name` is not a field of the object `spec`, with the nearest field's
// name when one is close: "unknown field `pool_totl`: the agreement format
// has no such key here; did you mean `pool_total`?".
std::string UnknownFieldMessage(std::string_view name, const FieldSpec& spec);

// Why the key of `field`, which a file of `version` may not write, is not
// one here: where format 2 moved a format 1 key, or that a format 2 key needs
// format 2. The loader's DOC.03 and the schema's editor messages both say it.
std::string OtherVersionKeyMessage(const FieldSpec& field, int version);

// The known name closest to `name` (edit distance at most a third of its
// length, and at least 2), or "" when none is close.
std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace s75

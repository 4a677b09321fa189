// The agreement format as a JSON Schema (draft 2020-12), generated from the
// same FieldSpec tree the loader validates with, for editors' YAML support.
#pragma once

#include <string>

namespace s75 {

// The schema as indented JSON text, ending in a newline: one schema for both
// versions of the format, `if` the file says `format: s75check/1` `then` the
// first version's keys, `else` the second's; a key of the other version is
// refused with the loader's words for it and never offered. Properties keep
// the format's order; each has its description and reference. It accepts
// what the loader accepts, within what JSON Schema can say; a pattern carries
// the loader's message for a mismatch, and an optional key's empty value is
// `#/$defs/empty`, never null (docs/integrations.md, "Editors").
std::string AgreementJsonSchema();

// An ECMA-262 regular expression matching exactly the dates the loader
// accepts: YYYY-MM-DD naming a real day of the proleptic Gregorian calendar.
std::string DatePattern();

// An ECMA-262 regular expression matching exactly the financial years the
// loader accepts: YYYY/YY with YY the last two digits of YYYY + 1.
std::string YearPattern();

// Either: a financial year or a day (an outcome's baseline period).
std::string YearOrDatePattern();

}  // namespace s75

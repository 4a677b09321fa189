#include "compile/functions.h"

#include <array>

namespace s75 {

namespace {

constexpr std::array kFunctions = {
    FunctionInfo{"described", Function::kDescribed, "described(text) -> boolean"},
    FunctionInfo{"answered", Function::kAnswered, "answered(text) -> boolean"},
    FunctionInfo{"absence", Function::kAbsence, "absence(text) -> text"},
    FunctionInfo{"present", Function::kPresent, "present(any) -> boolean"},
    FunctionInfo{"missing", Function::kMissing, "missing(any) -> boolean"},
    FunctionInfo{"count", Function::kCount, "count(list) -> number"},
    FunctionInfo{"sum", Function::kSum, "sum(list of number) -> number"},
    FunctionInfo{"min", Function::kMin, "min(list of number, date, year or text)"},
    FunctionInfo{"max", Function::kMax, "max(list of number, date, year or text)"},
    FunctionInfo{"distinct", Function::kDistinct, "distinct(list) -> list"},
    FunctionInfo{"duplicates", Function::kDuplicates, "duplicates(list) -> list"},
    FunctionInfo{"any", Function::kAny, "any(x in list where condition) -> boolean"},
    FunctionInfo{"all", Function::kAll, "all(x in list where condition) -> boolean"},
    FunctionInfo{"none", Function::kNone, "none(x in list where condition) -> boolean"},
    FunctionInfo{"matches", Function::kMatches, "matches(text, \"regex\") -> boolean"},
    FunctionInfo{"contains_word", Function::kContainsWord,
                 "contains_word(text, \"word\") -> boolean"},
    FunctionInfo{"mentions", Function::kMentions, "mentions(text, term) -> boolean"},
    FunctionInfo{"lower", Function::kLower, "lower(text) -> text"},
    FunctionInfo{"join", Function::kJoin, "join(list of text[, separator]) -> text"},
    FunctionInfo{"partner", Function::kPartner, "partner(id) -> partner"},
    FunctionInfo{"keys", Function::kKeys, "keys(mapping) -> list of text"},
    FunctionInfo{"values", Function::kValues, "values(mapping) -> list of number"},
    FunctionInfo{"months", Function::kMonths, "months(number) -> duration"},
    FunctionInfo{"days", Function::kDays, "days(number) -> duration"},
    FunctionInfo{"coalesce", Function::kCoalesce, "coalesce(a, b)"},
};

}  // namespace

const FunctionInfo* Functions(size_t* count) {
  *count = kFunctions.size();
  return kFunctions.data();
}

const FunctionInfo* FindFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions) {
    if (f.name == name) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace s75

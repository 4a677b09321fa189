// The rule language's built-in functions, shared by the compiler (which
// checks calls) and the evaluator (which runs them).
#pragma once

#include <string_view>

namespace s75 {

enum class Function {
  kDescribed,     // described(text): present, non-empty, not a placeholder
  kAnswered,      // answered(text): described, but "n/a" is an answer (info rules)
  kAbsence,       // absence(text): "missing", "empty" or "a placeholder ('TBC')"
  kPresent,       // present(x)
  kMissing,       // missing(x)
  kCount,         // count(list)
  kSum,           // sum(list of numbers)
  kMin,           // min(list)
  kMax,           // max(list)
  kDistinct,      // distinct(list)
  kDuplicates,    // duplicates(list): each repeat after the first
  kAny,           // any(x in list where cond)
  kAll,           // all(x in list where cond)
  kNone,          // none(x in list where cond)
  kMatches,       // matches(text, "regex")
  kContainsWord,  // contains_word(text, "word or phrase")
  kMentions,      // mentions(text, term): a word-bounded, non-negated mention
  kLower,         // lower(text)
  kJoin,          // join(list of text[, separator])
  kPartner,       // partner(id): the partner that the id names
  kKeys,          // keys(mapping of ids)
  kValues,        // values(mapping of ids)
  kMonths,        // months(n)
  kDays,          // days(n)
  kCoalesce,      // coalesce(a, b): a when present, else b
};

struct FunctionInfo {
  std::string_view name;
  Function id;
  std::string_view signature;  // for messages and the language reference
};

// Every built-in function, in the order the language reference lists them.
const FunctionInfo* Functions(size_t* count);

// The function named `name`, or null.
const FunctionInfo* FindFunction(std::string_view name);

}  // namespace s75

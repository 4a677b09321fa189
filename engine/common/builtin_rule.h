// Rules built into the engine rather than written in the rule language: the
// loader's DOC family and the driver's WAIVER family. They are documented like
// the language's rules, for `s75check rules` and `s75check explain`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"

namespace s75 {

struct BuiltinRule {
  std::string_view id;    // "DOC.02"
  std::string_view slug;  // "duplicate-key"
  Severity severity;
  std::string_view title;                      // what the rule requires, as a sentence
  std::string_view reference;                  // "MTAE Table 1 row 4"
  std::string_view description;                // what it checks, in plain English
  std::string_view quote;                      // the passage of the contract it rests on
  std::string_view remediation;                // how to fix a finding
  std::string_view fail_snippet;               // an agreement that gives the finding
  std::string_view pass_snippet;               // the same agreement, corrected
  std::vector<ExpectedFinding> fail_findings;  // exactly what the failing example gives
};

// A finding of `rule` that a failing example expects at `path` ("" for the
// document as a whole) and, when `line` is not 0, on that line of its file.
ExpectedFinding ExpectFinding(std::string_view rule, std::string path, int line = 0);

// A finding of `rule` at a place in `file`.
Finding MakeFinding(const BuiltinRule& rule, const std::string& file, int line, int column,
                    std::string path, std::string message);

}  // namespace s75

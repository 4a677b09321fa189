// A finding: one rule's verdict on one place in one agreement.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/severity.h"
#include "common/source_range.h"

namespace s75 {

// The waiver that accepted a finding.
struct WaiverInfo {
  std::string reason;
  std::string approved_by;
  std::string expires;  // ISO date, or "" when none
};

struct Finding {
  std::string rule;  // "T1.07"
  std::string slug;  // "contributions-and-year-end"
  Severity severity = Severity::kError;
  std::string message;
  SourceRange range;
  std::string path;  // "finance.contributions[1].amount"; "" for the document
  std::vector<std::string> references;
  std::optional<WaiverInfo> waiver;  // set when the finding is waived

  bool waived() const { return waiver.has_value(); }
};

// A finding a rule's test expects: a failing test's `expect RULE at PATH
// [line N]` line, or one of a built-in rule's failing example.
struct ExpectedFinding {
  SourceRange range;       // the `expect` line in the rule file
  std::string rule;        // "FIN.01"
  std::string path;        // as a finding gives it; "" for the document as a whole
  SourceRange path_range;  // where the path is written (its first character)
  int line = 0;            // the finding's line in the snippet; 0 when any line will do

  // As written in a rule file: "expect FIN.01 at finance.pool_total line 3".
  std::string ToString() const;
};

// Sorts by file, line, column, rule id, then message (rule-catalogue.md).
void SortFindings(std::vector<Finding>& findings);

}  // namespace s75

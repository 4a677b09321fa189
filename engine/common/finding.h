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

// Sorts by file, line, column, rule id, then message (rule-catalogue.md).
void SortFindings(std::vector<Finding>& findings);

}  // namespace s75

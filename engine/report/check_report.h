// The results of a check run: what every reporter is fed.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "common/finding.h"

namespace s75 {

struct FileResult {
  std::string path;
  std::string agreement_id;       // "" when unknown
  bool checked = false;           // false: DOC.01, DOC.06 or DOC.07 stopped it
  std::vector<Finding> findings;  // sorted
  int baselined = 0;              // findings removed because the baseline holds them
};

struct Summary {
  int files = 0;
  int unreadable = 0;
  int error = 0;
  int warning = 0;
  int info = 0;
  int waived = 0;
  int baselined = 0;  // not reported: the baseline holds them
};

// A rule the run evaluated (selected), for formats that list them (JUnit).
struct RuleRef {
  std::string id;
  std::string slug;
};

struct CheckReport {
  std::string tool_version;
  Date as_of;
  std::vector<FileResult> files;  // sorted by path
  std::vector<RuleRef> rules;     // the rules run, in id order
  bool baseline_used = false;     // findings were filtered through a baseline

  // Counts of unwaived findings by severity, waived and baselined ones, and
  // unchecked files.
  Summary Summarize() const;
};

// " [MTAE para 37; HFD R1]", or "" when the finding cites nothing.
std::string ReferencesText(const Finding& f);

// " (waived: REASON; approved by WHO; expires DATE)", or "" when not waived.
std::string WaiverText(const Finding& f);

// Counts for one file.
Summary SummarizeFile(const FileResult& file);

}  // namespace s75

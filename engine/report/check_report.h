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
};

struct Summary {
  int files = 0;
  int unreadable = 0;
  int error = 0;
  int warning = 0;
  int info = 0;
  int waived = 0;
};

// A rule a report lists (JUnit testcases, SARIF rule descriptors), described
// as `s75check rules` documents it.
struct RuleRef {
  std::string id;      // "T1.07"
  std::string slug;    // "contributions-and-year-end"
  std::string family;  // "T1"
  std::string title;   // what the rule requires, one sentence
  std::string description;
  std::string remediation;
  Severity severity = Severity::kError;  // before any conditional severity
  std::string severity_text;             // "warning; error if ...", or the severity alone
  std::vector<std::string> references;
};

struct CheckReport {
  std::string tool_version;
  Date as_of;
  std::vector<FileResult> files;  // sorted by path
  std::vector<RuleRef> rules;     // the rules run, and any other a finding names; by id

  // Counts of unwaived findings by severity, waived ones, and unchecked files.
  Summary Summarize() const;
};

// " [MTAE para 37; HFD R1]", or "" when the finding cites nothing.
std::string ReferencesText(const Finding& f);

// "REASON; approved by WHO; expires DATE" (no expiry when the waiver has none).
std::string WaiverJustification(const WaiverInfo& w);

// " (waived: REASON; approved by WHO; expires DATE)", or "" when not waived.
std::string WaiverText(const Finding& f);

// Counts for one file.
Summary SummarizeFile(const FileResult& file);

}  // namespace s75

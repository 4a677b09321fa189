// A sweep saved as `check --format json` wrote it, read back for `compare`:
// last year's report against this year's, without last year's files. Saved
// with --facts, each agreement's facts come back too (report/facts_json.h),
// so the comparison has money and outcomes.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "report/check_report.h"

namespace s75 {

struct SavedReport {
  Date as_of;                     // the run's as-of date
  std::vector<FileResult> files;  // with facts when saved with --facts
  bool facts = false;             // saved with --facts: every checked file has its facts
};

// True when `path` names a saved report rather than an agreement: a `.json` file.
bool IsSavedReport(const std::string& path);

// The report in `text` (read from `path`); "" or why it is not a check report,
// naming the file and what to do. Each finding's message has the report's
// as-of date written as {as_of}, as a baseline records it, so that two years'
// reports match a finding whose message names the date.
std::string ReadSavedReport(const std::string& path, const std::string& text, SavedReport& out);

}  // namespace s75

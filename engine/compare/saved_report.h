// A sweep saved as `check --format json` wrote it, read back for `compare`:
// last year's report against this year's, without last year's files.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "report/check_report.h"

namespace s75 {

struct SavedReport {
  Date as_of;                     // the run's as-of date
  std::vector<FileResult> files;  // findings only: a check report holds no facts
};

// True when `path` names a saved report rather than an agreement: a `.json` file.
bool IsSavedReport(const std::string& path);

// The report in `text` (read from `path`); "" or why it is not a check report,
// naming the file and what to do. Each finding's message has the report's
// as-of date written as {as_of}, as a baseline records it, so that two years'
// reports match a finding whose message names the date.
std::string ReadSavedReport(const std::string& path, const std::string& text, SavedReport& out);

}  // namespace s75

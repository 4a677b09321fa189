// Every output format is one Reporter, fed the same sorted results.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "report/check_report.h"

namespace s75 {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Writes the whole report for `report` to `out`.
  virtual void Write(const CheckReport& report, std::ostream& out) const = 0;
};

struct ReporterOptions {
  bool quiet = false;                                  // text: findings only, no summary lines
  std::optional<Severity> fail_on = Severity::kError;  // junit: what is a failure
};

// The reporter for a format name, or null when there is none.
std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options);

// The format names MakeReporter knows.
std::vector<std::string_view> ReportFormats();

}  // namespace s75

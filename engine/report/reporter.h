// Every output format is one Reporter, fed the same sorted results as they
// come: Begin, then each file in path order, then End. A sweep is streamed,
// so memory does not grow with the number of files; a format that needs
// every file before it can write (SARIF, JUnit) derives from WholeReporter.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/check_report.h"

namespace s75 {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Before the first file: the run's tool version, date and selected rules
  // (`run.files` is empty).
  virtual void Begin(const CheckReport& run, std::ostream& out) = 0;
  // Each file, in path order.
  virtual void File(const FileResult& file, std::ostream& out) = 0;
  // After the last file: `run.rules` adds any rule a finding named, `total`
  // counts every file.
  virtual void End(const CheckReport& run, const Summary& total, std::ostream& out) = 0;
  // After End: why the report could not be written (a workbook's library
  // failed), or "" when it was.
  virtual std::string Failure() const { return ""; }

  // The whole of `report` at once: Begin, File for each file, End.
  void Write(const CheckReport& report, std::ostream& out);
};

// A format that needs every file before it writes anything: holds the files
// it is given and writes the whole report at End.
class WholeReporter : public Reporter {
 public:
  void Begin(const CheckReport& run, std::ostream& out) final;
  void File(const FileResult& file, std::ostream& out) final;
  void End(const CheckReport& run, const Summary& total, std::ostream& out) final;

 protected:
  // Writes the whole report.
  virtual void WriteWhole(const CheckReport& report, std::ostream& out) const = 0;

 private:
  CheckReport report_;
};

struct ReporterOptions {
  bool quiet = false;                                  // text: findings only, no summary lines
  std::optional<Severity> fail_on = Severity::kError;  // junit: what is a failure
  bool facts = false;  // json: each agreement's facts too (report/facts_json.h)
};

// The reporter for a format name, or null when there is none.
std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options);

// The format names MakeReporter knows.
std::vector<std::string_view> ReportFormats();

}  // namespace s75

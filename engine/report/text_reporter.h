// Compiler-style text: `file:line:col: severity: ID slug: message [refs]`,
// then a summary line per file and, for several files, a total.
#pragma once

#include "report/reporter.h"

namespace s75 {

class TextReporter : public Reporter {
 public:
  explicit TextReporter(ReporterOptions options) : options_(options) {}
  void Begin(const CheckReport& run, std::ostream& out) override;
  void File(const FileResult& file, std::ostream& out) override;
  void End(const CheckReport& run, const Summary& total, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

// "3 errors, 5 warnings, 1 info (1 waived)".
std::string CountsText(const Summary& s);

}  // namespace s75

// The JSON report of cli.md: tool, as_of, files with their findings, summary.
#pragma once

#include "report/reporter.h"

namespace s75 {

class JsonReporter : public Reporter {
 public:
  void Begin(const CheckReport& run, std::ostream& out) override;
  void File(const FileResult& file, std::ostream& out) override;
  void End(const CheckReport& run, const Summary& total, std::ostream& out) override;

 private:
  bool first_file_ = true;
};

}  // namespace s75

// The JSON report of cli.md: tool, as_of, files with their findings, summary.
#pragma once

#include "report/reporter.h"

namespace s75 {

class JsonReporter : public Reporter {
 public:
  void Write(const CheckReport& report, std::ostream& out) const override;
};

}  // namespace s75

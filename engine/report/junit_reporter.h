// JUnit XML, as CI servers read it: one <testsuite> per agreement file, one
// <testcase> per rule evaluated, a <failure> where the rule has unwaived
// findings at or above --fail-on (each listed with its line and column).
// Findings below the threshold, and waived ones, go to the testcase's
// <system-out>. A file that could not be checked fails its DOC testcase and
// skips the rest.
#pragma once

#include "report/markup_escape.h"
#include "report/reporter.h"

namespace s75 {

class JunitReporter : public WholeReporter {
 public:
  explicit JunitReporter(ReporterOptions options) : options_(options) {}

 protected:
  void WriteWhole(const CheckReport& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

}  // namespace s75

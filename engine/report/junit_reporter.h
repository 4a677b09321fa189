// JUnit XML, as CI servers read it: one <testsuite> per agreement file, one
// <testcase> per rule evaluated, a <failure> where the rule has unwaived
// findings at or above --fail-on (each listed with its line and column).
// Findings below the threshold, and waived ones, go to the testcase's
// <system-out>. A file that could not be checked fails its DOC testcase and
// skips the rest.
#pragma once

#include <string>
#include <string_view>

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

// Escapes text for XML content and attribute values; drops characters XML 1.0
// does not allow.
std::string XmlEscape(std::string_view text);

}  // namespace s75

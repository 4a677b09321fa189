// The report as one self-contained HTML page for auditors: the summary, a
// chart of findings by rule family and severity (inline SVG), the compliance
// matrix of agreements against Table 1's elements, pooled money by client
// group, and every finding in a table that a small inline script sorts and
// filters. Styles and script are inline and the page fetches nothing; every
// value from an agreement or a finding is escaped.
#pragma once

#include "report/reporter.h"

namespace s75 {

class HtmlReporter : public WholeReporter {
 protected:
  // Writes the whole page for `report`, the same bytes for the same report.
  void WriteWhole(const CheckReport& report, std::ostream& out) const override;
};

}  // namespace s75

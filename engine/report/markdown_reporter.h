// The report as Markdown, for pasting into a board paper: a summary table, a
// table of agreements with their counts, then each agreement's findings as a
// table (line, severity, rule, message, references). A waived finding says so
// with its reason. Text from agreements and findings is escaped, so a `|` or a
// `<script>` in a title stays text.
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace s75 {

class MarkdownReporter : public WholeReporter {
 public:
  // Writes the whole document for `report`, agreements in the report's order.

 protected:
  void WriteWhole(const CheckReport& report, std::ostream& out) const override;
};

// Escapes text for a Markdown table cell or heading: a backslash before each
// character Markdown or inline HTML would read as syntax, line breaks as spaces.
std::string MarkdownEscape(std::string_view text);

}  // namespace s75

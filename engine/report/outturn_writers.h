// The outturn report's writers, one per format (report/outturn_report.h
// chooses among them).
#pragma once

#include <ostream>

#include "report/outturn_report.h"

namespace s75 {

// Text: one block per pool as outturn.md shows it, then the sweep's totals.
void WriteOutturnText(const OutturnReport& report, std::ostream& out);

// Markdown: a table per pool in the worked example's columns, then the totals.
void WriteOutturnMarkdown(const OutturnReport& report, std::ostream& out);

// JSON: money as exact decimal strings.
void WriteOutturnJson(const OutturnReport& report, std::ostream& out);

// CSV (RFC 4180, formula-guarded): one row per partner's part, or per pool
// where nothing is paid out, then the totals as a second table.
void WriteOutturnCsv(const OutturnReport& report, std::ostream& out);

// "£1,234.50", or "beyond range" when the report's sums overflowed.
std::string TotalText(const OutturnTotals& totals, const Decimal& sum);

}  // namespace s75

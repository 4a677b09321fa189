// The outturn report's writers, one per format (MakeOutturnWriter in
// report/outturn_report.h chooses among them).
#pragma once

#include <memory>
#include <string>

#include "report/outturn_report.h"

namespace s75 {

// Text: one block per pool as outturn.md shows it, then the sweep's totals.
std::unique_ptr<OutturnWriter> MakeOutturnTextWriter();

// Markdown: a table per pool in the worked example's columns, then the totals.
std::unique_ptr<OutturnWriter> MakeOutturnMarkdownWriter();

// JSON: money as exact decimal strings; each agreement written as it comes.
std::unique_ptr<OutturnWriter> MakeOutturnJsonWriter();

// CSV (RFC 4180, formula-guarded): one row per partner's part, or per pool
// where nothing is paid out, then the totals as a second table.
std::unique_ptr<OutturnWriter> MakeOutturnCsvWriter();

// xlsx: CSV's rows on a sheet `outturns` (balances coloured: overspend red,
// underspend amber, on budget green; a pool that cannot be allocated red),
// the totals on a sheet `totals`.
std::unique_ptr<OutturnWriter> MakeOutturnXlsxWriter();

// "£1,234.50", or "beyond range" when the report's sums overflowed.
std::string TotalText(const OutturnTotals& totals, const Decimal& sum);

}  // namespace s75

// The findings of a check as a table, one row per finding joined to its
// agreement's register columns (status, host, client groups, pool): what
// `check --format csv` and `--format xlsx` write, for filtering in a
// spreadsheet.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "report/cells.h"
#include "report/reporter.h"

namespace s75 {

// The table's column names.
const std::vector<std::string>& FindingsHeader();

// The rows of one file: one per finding (waived ones included), in order.
std::vector<std::vector<Cell>> FindingRows(const FileResult& file, Date as_of);

// CSV (RFC 4180, the register's formula guard): the header, then each row.
std::unique_ptr<Reporter> MakeFindingsCsvReporter();

// An xlsx workbook with one sheet, `findings`.
std::unique_ptr<Reporter> MakeFindingsXlsxReporter();

}  // namespace s75

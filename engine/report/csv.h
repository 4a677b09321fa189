// CSV (RFC 4180) that spreadsheets open safely: what the register, the
// scorecard and the outturn write.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace s75 {

// A cell a spreadsheet shows as text: one starting with = + - @ (or a tab or
// carriage return) gets a leading apostrophe so it is never run as a formula;
// a cell holding a comma, quote or line break is quoted.
std::string CsvCell(std::string text);

// The cells as one CRLF-terminated record.
void CsvLine(const std::vector<std::string>& cells, std::ostream& out);

}  // namespace s75

// Excel workbooks (.xlsx) written with libxlsxwriter: sheets of typed cells
// (report/cells.h) with the header row frozen and filters on.
//
// Money and other figures are numbers (money in a £ format), dates are
// dates; text is always a string, never a formula, whatever it begins with.
// Excel holds numbers as binary doubles, exact to 15 significant digits: a
// figure with more (money of £10 trillion or more, to the penny) is written
// as its exact text instead. The bytes depend only on what is written and
// the as-of date (the document's creation time), so the same input gives the
// same file.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "report/cells.h"

namespace s75 {

class XlsxWorkbook {
 public:
  // A workbook built in a temporary file, created "on" `as_of` (midnight UTC).
  explicit XlsxWorkbook(Date as_of);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // Adds a sheet whose first row is `header`; returns its number for AddRow.
  int AddSheet(std::string_view name, const std::vector<std::string>& header);
  // Writes the next row of sheet `sheet` (rows are written in order, so a
  // sheet of any length takes little memory).
  void AddRow(int sheet, const std::vector<Cell>& cells);
  // Finishes the workbook and writes its bytes to `out`; "" on success, else
  // why not (out then has nothing of it).
  std::string Finish(std::ostream& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when a double holds `d` exactly enough to give back its decimal
// text: at most 15 significant digits.
bool FitsDouble(const Decimal& d);

// Excel's serial day number of `d` (1 is 1900-01-01); nullopt before
// 1900-03-01, where Excel's calendar counts a day that never was.
std::optional<double> ExcelDay(Date d);

}  // namespace s75

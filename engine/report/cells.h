// A table's cells with their types: what the spreadsheet formats write. CSV
// writes each cell's text; xlsx writes money and other figures as numbers,
// dates as dates and the rest as text (report/xlsx.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"

namespace s75 {

enum class CellKind { kText, kMoney, kNumber, kDate, kCount };

// A RAG rating a spreadsheet shows as the cell's colour beside its word.
enum class Rag { kNone, kGreen, kAmber, kRed };

struct Cell {
  CellKind kind = CellKind::kText;
  std::string text;  // what CSV writes: money to 2 places, dates YYYY-MM-DD; "" when blank
  Decimal number;    // kMoney, kNumber, kCount
  Date date;         // kDate
  Rag rag = Rag::kNone;
};

Cell TextCell(std::string text, Rag rag = Rag::kNone);
// Money exact to at least 2 places; blank when absent.
Cell MoneyCell(const std::optional<Decimal>& amount);
// A figure as its shortest exact text, with at least `min_places` places; blank when absent.
Cell NumberCell(const std::optional<Decimal>& value, int min_places = 0);
Cell DateCell(const std::optional<Date>& date);
Cell CountCell(long long n);

// The cells' texts, as CSV writes them.
std::vector<std::string> CellTexts(const std::vector<Cell>& cells);

}  // namespace s75

#include "report/cells.h"

#include <utility>

namespace s75 {

Cell TextCell(std::string text, Rag rag) {
  Cell c;
  c.text = std::move(text);
  c.rag = rag;
  return c;
}

Cell MoneyCell(const std::optional<Decimal>& amount) {
  if (!amount) {
    return Cell();
  }
  return Cell{CellKind::kMoney, amount->ToString(2), *amount, Date(), Rag::kNone};
}

Cell NumberCell(const std::optional<Decimal>& value, int min_places) {
  if (!value) {
    return Cell();
  }
  return Cell{CellKind::kNumber, value->ToString(min_places), *value, Date(), Rag::kNone};
}

Cell DateCell(const std::optional<Date>& date) {
  if (!date) {
    return Cell();
  }
  return Cell{CellKind::kDate, date->ToString(), Decimal(), *date, Rag::kNone};
}

Cell CountCell(long long n) {
  return Cell{CellKind::kCount, std::to_string(n), Decimal::FromInt(n), Date(), Rag::kNone};
}

std::vector<std::string> CellTexts(const std::vector<Cell>& cells) {
  std::vector<std::string> texts;
  texts.reserve(cells.size());
  for (const Cell& c : cells) {
    texts.push_back(c.text);
  }
  return texts;
}

}  // namespace s75

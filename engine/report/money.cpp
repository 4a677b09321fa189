#include "report/money.h"

namespace s75 {

namespace {

// "1234567" -> "1,234,567".
std::string GroupThousands(const std::string& digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

// The amount in pounds with at least `min_places` decimal places.
std::string Pounds(const Decimal& amount, int min_places) {
  Decimal magnitude = amount.IsNegative() ? amount.Negate() : amount;
  std::string text = magnitude.ToString(min_places);
  size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string pence = point == std::string::npos ? "" : text.substr(point);
  return (amount.IsNegative() ? "-£" : "£") + GroupThousands(whole) + pence;
}

}  // namespace

std::string PoundsText(const Decimal& amount) {
  return Pounds(amount, amount.Places() > 0 ? 2 : 0);
}

std::string PenceText(const Decimal& amount) { return Pounds(amount, 2); }

}  // namespace s75

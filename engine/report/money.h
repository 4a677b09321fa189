// Money as a UK report writes it.
#pragma once

#include <string>

#include "common/decimal.h"

namespace s75 {

// "£17,400,000", "£68,216,500.50", "-£1,234.05", "£0": exact, with thousands
// separated by commas; pence only when the amount has any (two places, or as
// many as needed for an amount finer than a penny).
std::string PoundsText(const Decimal& amount);

// "£740,000.00", "£0.00": as PoundsText, always with pence, for accounts in
// which every figure has them.
std::string PenceText(const Decimal& amount);

}  // namespace s75

// Dividing money between partners to the penny, exactly (outturn.md, "The
// arithmetic"): integer arithmetic on Decimal's units, never floating point.
#pragma once

#include <optional>
#include <vector>

#include "common/decimal.h"

namespace s75 {

// Splits `amount` (whole pennies, zero or more) in proportion to `weights`
// (each zero or more, summing to more than zero) into parts of whole pennies
// that add up exactly to `amount`: every part is first rounded down to the
// penny, then the pennies left over go one each to the parts with the largest
// remainders, ties to the earlier part (the largest-remainder method). A zero
// weight gets nothing. nullopt when `amount` is negative or not whole
// pennies, a weight is negative, or the weights sum to zero or beyond range.
std::optional<std::vector<Decimal>> Apportion(const Decimal& amount,
                                              const std::vector<Decimal>& weights);

// `part` of `whole` as a percentage rounded half up to `places` decimal places
// (13,300,000 of 17,400,000 to 2 places: 76.44). Zero when `whole` is not
// above zero or `part` is negative.
Decimal Percentage(const Decimal& part, const Decimal& whole, int places);

// `amount` rounded to the nearest penny, halves away from zero.
Decimal RoundToPenny(const Decimal& amount);

}  // namespace s75

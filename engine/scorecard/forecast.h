// The scorecard's arithmetic (shared/spec/scorecard.md, "The arithmetic"):
// the least-squares forecast, exact and deterministic.
#pragma once

#include <optional>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"

namespace s75 {

// A dated value: the baseline or a monitoring figure.
struct Point {
  Date date;
  Decimal value;
};

// The places a forecast from `points` is rounded to: one more than the most
// precise point value (at most Decimal::kMaxPlaces).
int ForecastPlaces(const std::vector<Point>& points);

// The least-squares straight line through `points` (x = days since the
// earliest point, y = value) evaluated at `at`, in exact rational
// arithmetic, rounded half-even to ForecastPlaces. nullopt when the points
// fall on fewer than two distinct dates or the sums overflow.
std::optional<Decimal> LeastSquaresAt(const std::vector<Point>& points, Date at);

}  // namespace s75

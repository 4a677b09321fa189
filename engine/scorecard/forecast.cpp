#include "scorecard/forecast.h"

#include <algorithm>

namespace s75 {

namespace {

// The sums of a least-squares fit, in integers: x in days since `origin`,
// y scaled by 10^places.
struct Sums {
  __int128 n = 0;
  __int128 x = 0;
  __int128 y = 0;
  __int128 xx = 0;
  __int128 xy = 0;
};

bool AddTo(__int128& sum, __int128 a, __int128 b) {
  __int128 product;
  return !__builtin_mul_overflow(a, b, &product) && !__builtin_add_overflow(sum, product, &sum);
}

std::optional<Sums> SumsOf(const std::vector<Point>& points, Date origin, int places) {
  Sums s;
  for (const Point& p : points) {
    std::optional<long long> y = p.value.Scaled(places);
    if (!y) {
      return std::nullopt;
    }
    __int128 x = p.date.DayNumber() - origin.DayNumber();
    s.n += 1;
    s.x += x;
    if (!AddTo(s.y, *y, 1) || !AddTo(s.xx, x, x) || !AddTo(s.xy, x, *y)) {
      return std::nullopt;
    }
  }
  return s;
}

// a * b - c * d, checked.
std::optional<__int128> Cross(__int128 a, __int128 b, __int128 c, __int128 d) {
  __int128 ab;
  __int128 cd;
  __int128 r;
  if (__builtin_mul_overflow(a, b, &ab) || __builtin_mul_overflow(c, d, &cd) ||
      __builtin_sub_overflow(ab, cd, &r)) {
    return std::nullopt;
  }
  return r;
}

}  // namespace

int ForecastPlaces(const std::vector<Point>& points) {
  int places = 0;
  for (const Point& p : points) {
    places = std::max(places, p.value.Places());
  }
  return std::min(places + 1, Decimal::kMaxPlaces);
}

std::optional<Decimal> LeastSquaresAt(const std::vector<Point>& points, Date at) {
  if (points.empty()) {
    return std::nullopt;
  }
  Date origin = std::min_element(points.begin(), points.end(), [](const Point& a, const Point& b) {
                  return a.date < b.date;
                })->date;
  int scale = 0;  // the points' places: y is scaled by 10^scale
  for (const Point& p : points) {
    scale = std::max(scale, p.value.Places());
  }
  std::optional<Sums> s = SumsOf(points, origin, scale);
  if (!s) {
    return std::nullopt;
  }
  // slope = N / D, N = n Σxy - Σx Σy, D = n Σx² - (Σx)²; D is 0 when every
  // point has the same date. y(X) = (Σy D + N (n X - Σx)) / (n D).
  std::optional<__int128> num = Cross(s->n, s->xy, s->x, s->y);
  std::optional<__int128> den = Cross(s->n, s->xx, s->x, s->x);
  if (!num || !den || *den == 0) {
    return std::nullopt;
  }
  __int128 along = s->n * (at.DayNumber() - origin.DayNumber()) - s->x;
  std::optional<__int128> top = Cross(s->y, *den, -*num, along);
  __int128 bottom = s->n;
  for (int i = 0; i < scale; ++i) {  // top / bottom is y(X) * 10^scale
    if (!top || __builtin_mul_overflow(bottom, 10, &bottom)) {
      return std::nullopt;
    }
  }
  if (!top || __builtin_mul_overflow(bottom, *den, &bottom)) {
    return std::nullopt;
  }
  return Decimal::Ratio(*top, bottom, ForecastPlaces(points));
}

}  // namespace s75

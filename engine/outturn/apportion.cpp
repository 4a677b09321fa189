#include "outturn/apportion.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace s75 {

namespace {

using U128 = unsigned __int128;

constexpr __int128 kUnitsPerPenny = 10'000'000;  // Decimal's 10^-9 units in 10^-2

struct QuotientRemainder {
  U128 quotient;
  U128 remainder;
};

// a * b / c and its remainder, through a 256-bit product: a penny count
// times a weight in units can pass 128 bits. The quotient must fit in 128
// bits (it does when b <= c) and c must be below 2^127.
QuotientRemainder WideMulDivMod(U128 a, U128 b, U128 c) {
  auto low = [](U128 v) { return static_cast<U128>(static_cast<uint64_t>(v)); };
  U128 p00 = low(a) * low(b);
  U128 p01 = low(a) * (b >> 64);
  U128 p10 = (a >> 64) * low(b);
  U128 p11 = (a >> 64) * (b >> 64);
  U128 mid = (p00 >> 64) + low(p01) + low(p10);
  U128 lo = (mid << 64) | low(p00);
  U128 hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
  U128 quotient = 0;
  U128 remainder = 0;
  for (int bit = 255; bit >= 0; --bit) {
    U128 next = bit >= 128 ? (hi >> (bit - 128)) & 1 : (lo >> bit) & 1;
    remainder = (remainder << 1) | next;
    quotient <<= 1;
    if (remainder >= c) {
      remainder -= c;
      quotient |= 1;
    }
  }
  return {quotient, remainder};
}

// a * b / c and its remainder (as WideMulDivMod), in 128 bits when the
// product fits, as it does for any pool's figures.
QuotientRemainder MulDivMod(U128 a, U128 b, U128 c) {
  U128 product = 0;
  if (!__builtin_mul_overflow(a, b, &product)) {
    return {product / c, product % c};
  }
  return WideMulDivMod(a, b, c);
}

// The weights' sum, or nullopt when one is negative or the sum is out of range.
std::optional<__int128> WeightSum(const std::vector<Decimal>& weights) {
  __int128 sum = 0;
  for (const Decimal& w : weights) {
    if (w.IsNegative() || __builtin_add_overflow(sum, w.Units(), &sum)) {
      return std::nullopt;
    }
  }
  return sum;
}

}  // namespace

std::optional<std::vector<Decimal>> Apportion(const Decimal& amount,
                                              const std::vector<Decimal>& weights) {
  std::optional<__int128> total = WeightSum(weights);
  if (!total || *total == 0 || amount.IsNegative() || amount.Units() % kUnitsPerPenny != 0) {
    return std::nullopt;
  }
  auto pennies = static_cast<U128>(amount.Units() / kUnitsPerPenny);
  std::vector<QuotientRemainder> exact;
  U128 given = 0;
  for (const Decimal& w : weights) {
    exact.push_back(MulDivMod(pennies, static_cast<U128>(w.Units()), static_cast<U128>(*total)));
    given += exact.back().quotient;
  }
  // The pennies left over (fewer than the parts), to the largest remainders.
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return exact[x].remainder > exact[y].remainder; });
  for (size_t i = 0; given < pennies; ++i, ++given) {
    ++exact[order[i]].quotient;
  }
  std::vector<Decimal> parts;
  parts.reserve(exact.size());
  for (const QuotientRemainder& e : exact) {
    parts.push_back(Decimal::FromUnits(static_cast<__int128>(e.quotient) * kUnitsPerPenny));
  }
  return parts;
}

Decimal Percentage(const Decimal& part, const Decimal& whole, int places) {
  if (whole.Units() <= 0 || part.IsNegative() || part > whole) {
    return Decimal();
  }
  places = std::clamp(places, 0, Decimal::kMaxPlaces - 2);
  U128 scale = 1;
  for (int i = 0; i < places + 2; ++i) {
    scale *= 10;
  }
  QuotientRemainder r =
      MulDivMod(static_cast<U128>(part.Units()), scale, static_cast<U128>(whole.Units()));
  U128 rounded = r.quotient + (2 * r.remainder >= static_cast<U128>(whole.Units()) ? 1 : 0);
  __int128 unit = 1;
  for (int i = places; i < Decimal::kMaxPlaces; ++i) {
    unit *= 10;
  }
  return Decimal::FromUnits(static_cast<__int128>(rounded) * unit);
}

Decimal RoundToPenny(const Decimal& amount) {
  __int128 units = amount.Units();
  __int128 magnitude = units < 0 ? -units : units;
  __int128 pennies = magnitude / kUnitsPerPenny;
  if (2 * (magnitude % kUnitsPerPenny) >= kUnitsPerPenny) {
    ++pennies;
  }
  return Decimal::FromUnits((units < 0 ? -pennies : pennies) * kUnitsPerPenny);
}

}  // namespace s75

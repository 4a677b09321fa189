// Exact decimal numbers for money, shares and outcome figures.
//
// A fixed-point value: a 128-bit integer count of 10^-9 units. Sums of money
// and shares are exact (0.6 + 0.3 + 0.1 == 1), never binary floating point.
// Operations that would overflow report failure instead of wrapping.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace s75 {

class Decimal {
 public:
  static constexpr int kMaxPlaces = 9;
  // The largest magnitude accepted from text: below 10^18.
  static constexpr int kMaxIntegerDigits = 18;

  Decimal() = default;
  static Decimal FromInt(long long v);

  // Parses `-?[0-9]+(\.[0-9]+)?`. Fails on anything else, on more than
  // kMaxIntegerDigits integer digits, or on more than kMaxPlaces significant
  // decimal places.
  static std::optional<Decimal> Parse(std::string_view text);

  // Number of decimal places needed to write the value exactly (trailing
  // zeros do not count: 282000.120 has 2).
  int Places() const;

  // Checked arithmetic: nullopt on overflow (or division by zero).
  std::optional<Decimal> Add(Decimal other) const;
  std::optional<Decimal> Sub(Decimal other) const;
  std::optional<Decimal> Mul(Decimal other) const;
  std::optional<Decimal> Div(Decimal other) const;
  Decimal Negate() const;

  // numerator / denominator rounded half-even to `places` (0..kMaxPlaces)
  // decimal places: exact rational arithmetic for quotients such as a
  // least-squares forecast. nullopt on overflow or a zero denominator.
  static std::optional<Decimal> Ratio(__int128 numerator, __int128 denominator, int places);
  // This value over `other`, rounded half-even to `places` places.
  std::optional<Decimal> DivRounded(Decimal other, int places) const;
  // The value times 10^places as a whole number; nullopt when it has more
  // places or does not fit.
  std::optional<long long> Scaled(int places) const;

  // The shortest exact text, with at least `min_places` decimal places.
  std::string ToString(int min_places = 0) const;

  // True when the value has no fractional part and fits in a long long.
  std::optional<long long> ToInt() const;
  bool IsNegative() const { return units_ < 0; }

  // The value as a whole number of 10^-kMaxPlaces units, and back: for exact
  // integer arithmetic on the units (apportioning money to the penny).
  __int128 Units() const { return units_; }
  static Decimal FromUnits(__int128 units) { return Decimal(units); }
  bool IsZero() const { return units_ == 0; }

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Decimal&, const Decimal&) = default;

 private:
  explicit Decimal(__int128 units) : units_(units) {}
  __int128 units_ = 0;
};

}  // namespace s75

#include "common/decimal.h"

#include <algorithm>
#include <limits>

namespace s75 {

namespace {

constexpr __int128 kScale = 1'000'000'000;  // 10^kMaxPlaces

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) {
    p *= 10;
  }
  return p;
}

// n / d rounded half-even to a whole number; d > 0.
__int128 DivHalfEven(__int128 n, __int128 d) {
  __int128 q = n / d;
  __int128 r = n % d;  // same sign as n
  __int128 twice = (r < 0 ? -r : r) * 2;
  if (twice > d || (twice == d && q % 2 != 0)) {
    q += n < 0 ? -1 : 1;
  }
  return q;
}

}  // namespace

Decimal Decimal::FromInt(long long v) { return Decimal(static_cast<__int128>(v) * kScale); }

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && frac.empty())) {
    return std::nullopt;
  }
  auto is_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!is_digits(whole) || !is_digits(frac)) {
    return std::nullopt;
  }
  while (whole.size() > 1 && whole[0] == '0') {
    whole.remove_prefix(1);
  }
  while (!frac.empty() && frac.back() == '0') {
    frac.remove_suffix(1);
  }
  if (whole.size() > static_cast<size_t>(kMaxIntegerDigits) ||
      frac.size() > static_cast<size_t>(kMaxPlaces)) {
    return std::nullopt;
  }
  __int128 units = 0;
  for (char c : whole) {
    units = units * 10 + (c - '0');
  }
  units *= kScale;
  __int128 place = kScale;
  for (char c : frac) {
    place /= 10;
    units += (c - '0') * place;
  }
  return Decimal(negative ? -units : units);
}

int Decimal::Places() const {
  __int128 frac = units_ % kScale;
  if (frac < 0) {
    frac = -frac;
  }
  int places = kMaxPlaces;
  if (frac == 0) {
    return 0;
  }
  while (frac % 10 == 0) {
    frac /= 10;
    --places;
  }
  return places;
}

std::optional<Decimal> Decimal::Add(Decimal other) const {
  __int128 r;
  if (__builtin_add_overflow(units_, other.units_, &r)) {
    return std::nullopt;
  }
  return Decimal(r);
}

std::optional<Decimal> Decimal::Sub(Decimal other) const {
  __int128 r;
  if (__builtin_sub_overflow(units_, other.units_, &r)) {
    return std::nullopt;
  }
  return Decimal(r);
}

std::optional<Decimal> Decimal::Mul(Decimal other) const {
  // (a/S) * (b/S) = (a*b/S) / S; split b to keep the product in range.
  __int128 whole = other.units_ / kScale;
  __int128 frac = other.units_ % kScale;
  __int128 a;
  __int128 b;
  if (__builtin_mul_overflow(units_, whole, &a)) {
    return std::nullopt;
  }
  if (__builtin_mul_overflow(units_, frac, &b)) {
    return std::nullopt;
  }
  __int128 r;
  if (__builtin_add_overflow(a, b / kScale, &r)) {
    return std::nullopt;
  }
  return Decimal(r);
}

std::optional<Decimal> Decimal::Div(Decimal other) const {
  if (other.units_ == 0) {
    return std::nullopt;
  }
  __int128 scaled;
  if (__builtin_mul_overflow(units_, kScale, &scaled)) {
    return std::nullopt;
  }
  return Decimal(scaled / other.units_);
}

std::optional<Decimal> Decimal::Ratio(__int128 numerator, __int128 denominator, int places) {
  if (denominator == 0 || places < 0 || places > kMaxPlaces) {
    return std::nullopt;
  }
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  __int128 scaled;
  if (__builtin_mul_overflow(numerator, Pow10(places), &scaled)) {
    return std::nullopt;
  }
  __int128 units;
  if (__builtin_mul_overflow(DivHalfEven(scaled, denominator), Pow10(kMaxPlaces - places),
                             &units)) {
    return std::nullopt;
  }
  return Decimal(units);
}

std::optional<Decimal> Decimal::DivRounded(Decimal other, int places) const {
  return Ratio(units_, other.units_, places);
}

std::optional<long long> Decimal::Scaled(int places) const {
  if (places < 0 || places > kMaxPlaces || Places() > places) {
    return std::nullopt;
  }
  __int128 v = units_ / Pow10(kMaxPlaces - places);
  if (v > std::numeric_limits<long long>::max() || v < std::numeric_limits<long long>::min()) {
    return std::nullopt;
  }
  return static_cast<long long>(v);
}

Decimal Decimal::Negate() const { return Decimal(-units_); }

std::string Decimal::ToString(int min_places) const {
  __int128 v = units_ < 0 ? -units_ : units_;
  __int128 whole = v / kScale;
  __int128 frac = v % kScale;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(whole % 10)));
    whole /= 10;
  } while (whole > 0);
  if (units_ < 0) {
    digits.push_back('-');
  }
  std::reverse(digits.begin(), digits.end());
  int places = std::max(Places(), std::min(min_places, kMaxPlaces));
  if (places > 0) {
    std::string f(kMaxPlaces, '0');
    for (int i = kMaxPlaces - 1; i >= 0; --i) {
      f[i] = static_cast<char>('0' + static_cast<int>(frac % 10));
      frac /= 10;
    }
    digits += "." + f.substr(0, places);
  }
  return digits;
}

std::optional<long long> Decimal::ToInt() const {
  if (units_ % kScale != 0) {
    return std::nullopt;
  }
  __int128 w = units_ / kScale;
  if (w > static_cast<__int128>(std::numeric_limits<long long>::max()) ||
      w < static_cast<__int128>(std::numeric_limits<long long>::min())) {
    return std::nullopt;
  }
  return static_cast<long long>(w);
}

}  // namespace s75

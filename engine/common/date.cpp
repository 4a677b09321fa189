#include "common/date.h"

#include <array>
#include <cstdio>

namespace s75 {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  std::string_view y = text.substr(0, 4);
  std::string_view m = text.substr(5, 2);
  std::string_view d = text.substr(8, 2);
  if (!Digits(y) || !Digits(m) || !Digits(d)) {
    return std::nullopt;
  }
  year_month_day ymd{year{ToInt(y)}, month{static_cast<unsigned>(ToInt(m))},
                     day{static_cast<unsigned>(ToInt(d))}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date(std::chrono::sys_days{ymd});
}

Date Date::Today() {
  return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

Date Date::AddMonths(long long months) const {
  year_month_day ymd{days_};
  year_month_day moved = ymd + std::chrono::months{months};
  if (!moved.ok()) {
    moved = year_month_day{year_month_day_last{moved.year(), moved.month() / std::chrono::last}};
  }
  return Date(std::chrono::sys_days{moved});
}

Date Date::AddDays(long long days) const { return Date(days_ + std::chrono::days{days}); }

std::optional<Date> Date::Moved(long long months, long long days) const {
  // Bounded first, so that the arithmetic inside <chrono> cannot overflow:
  // any larger move leaves the range whatever the date.
  constexpr long long kYears = 10000;
  if (months < -12 * kYears || months > 12 * kYears || days < -366 * kYears ||
      days > 366 * kYears) {
    return std::nullopt;
  }
  Date moved = AddMonths(months).AddDays(days);
  int y = static_cast<int>(year_month_day{moved.days_}.year());
  if (y < 0 || y >= kYears) {
    return std::nullopt;
  }
  return moved;
}

std::string Date::ToString() const {
  year_month_day ymd{days_};
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf.data();
}

std::string Date::ToLongString() const {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  year_month_day ymd{days_};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::optional<FinancialYear> FinancialYear::Parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '/') {
    return std::nullopt;
  }
  std::string_view y = text.substr(0, 4);
  std::string_view next = text.substr(5, 2);
  if (!Digits(y) || !Digits(next)) {
    return std::nullopt;
  }
  int start = ToInt(y);
  if ((start + 1) % 100 != ToInt(next)) {
    return std::nullopt;
  }
  return FinancialYear{start};
}

Date FinancialYear::LastDay() const {
  using std::chrono::March;
  return Date(std::chrono::sys_days(std::chrono::year(start + 1) / March / 31));
}

std::string FinancialYear::ToString() const {
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d/%02d", start, (start + 1) % 100);
  return buf.data();
}

}  // namespace s75

// Calendar dates and financial years, exact and time-zone free.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace s75 {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::sys_days days) : days_(days) {}

  // Parses exactly `YYYY-MM-DD` naming a real day; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  // Today in UTC.
  static Date Today();

  // Adds calendar months, clamping the day to the month's end
  // (2009-01-31 + 1 month = 2009-02-28). For moves known to stay within
  // years 0 to 9999; Moved checks.
  Date AddMonths(long long months) const;
  Date AddDays(long long days) const;

  // This date plus `months` calendar months (as AddMonths), then `days`
  // days; nullopt when that leaves years 0 to 9999, the dates YYYY-MM-DD
  // can write (an agreement's 99999999999-month duration, a rule's
  // `months(n)` of any size).
  std::optional<Date> Moved(long long months, long long days) const;

  // Days since 1970-01-01 (negative before): differences count days.
  long long DayNumber() const { return days_.time_since_epoch().count(); }

  // `2009-04-01`.
  std::string ToString() const;
  // `1 April 2009`.
  std::string ToLongString() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days days_{};
};

// A financial year `2009/10`: April 2009 to March 2010.
struct FinancialYear {
  int start = 0;
  // Parses `YYYY/YY` with consecutive years; nullopt otherwise.
  static std::optional<FinancialYear> Parse(std::string_view text);
  std::string ToString() const;
  // Its last day, 31 March of the second year.
  Date LastDay() const;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const FinancialYear&, const FinancialYear&) = default;
};

}  // namespace s75

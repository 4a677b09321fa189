#include <gtest/gtest.h>

#include <limits>

#include "common/date.h"
#include "common/decimal.h"

namespace s75 {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(DecimalTest, SharesSumExactlyToOne) {
  Decimal sum = *D("0.6").Add(D("0.3"))->Add(D("0.1"));
  EXPECT_EQ(sum, Decimal::FromInt(1));
}

TEST(DecimalTest, PennyDifferencesAreExact) {
  Decimal total = *D("282000").Add(D("281999.99"));
  EXPECT_NE(total, D("564000"));
  EXPECT_EQ(D("564000").Sub(total)->ToString(), "0.01");
}

TEST(DecimalTest, PlacesAreJudgedOnTheValue) {
  EXPECT_EQ(D("282000.120").Places(), 2);
  EXPECT_EQ(D("282000.125").Places(), 3);
  EXPECT_EQ(D("17400000").Places(), 0);
}

TEST(DecimalTest, RejectsWhatIsNotAPlainDecimal) {
  for (const char* bad :
       {"", "1e6", "1,000", ".5", "5.", "nan", "1.0000000001", "1234567890123456789"}) {
    EXPECT_FALSE(Decimal::Parse(bad)) << bad;
  }
  EXPECT_EQ(D("-5").ToString(), "-5");
}

TEST(DecimalTest, OverflowIsReportedNotWrapped) {
  Decimal big = D("999999999999999999");
  EXPECT_FALSE(big.Mul(big));
}

TEST(DateTest, ParsesOnlyRealDays) {
  EXPECT_TRUE(Date::Parse("2008-02-29"));
  EXPECT_FALSE(Date::Parse("2009-02-29"));
  EXPECT_FALSE(Date::Parse("2009-02-30"));
  EXPECT_FALSE(Date::Parse("2009-4-1"));
  EXPECT_FALSE(Date::Parse("01/04/2009"));
}

TEST(DateTest, MonthsClampToTheMonthEnd) {
  EXPECT_EQ(Date::Parse("2009-01-31")->AddMonths(1).ToString(), "2009-02-28");
  // The catalogue's example: 2002-04-01 plus 60 months, less a day.
  EXPECT_EQ(Date::Parse("2002-04-01")->AddMonths(60).AddDays(-1).ToString(), "2007-03-31");
  EXPECT_EQ(Date::Parse("2009-04-01")->ToLongString(), "1 April 2009");
}

// A date moved out of years 0-9999 has no YYYY-MM-DD; it wrapped to year
// -25795 before (an agreement lasting 99999999999 months "expired" then).
TEST(DateTest, MovesOutsideTheWritableYearsHaveNoDate) {
  Date d = *Date::Parse("2024-04-01");
  EXPECT_EQ(d.Moved(60, -1)->ToString(), "2029-03-31");
  EXPECT_EQ(d.Moved(12 * 7975 + 8, 29)->ToString(), "9999-12-30");
  EXPECT_FALSE(d.Moved(12 * 7976, 0));
  EXPECT_FALSE(d.Moved(99999999999, -1));
  EXPECT_FALSE(d.Moved(0, std::numeric_limits<long long>::max()));
  EXPECT_FALSE(d.Moved(std::numeric_limits<long long>::min(), 0));
  EXPECT_EQ(Date::Parse("0000-01-01")->Moved(0, 0)->ToString(), "0000-01-01");
  EXPECT_FALSE(Date::Parse("0000-01-01")->Moved(0, -1));
}

TEST(FinancialYearTest, YearsMustBeConsecutive) {
  EXPECT_TRUE(FinancialYear::Parse("2009/10"));
  EXPECT_TRUE(FinancialYear::Parse("1999/00"));
  EXPECT_FALSE(FinancialYear::Parse("2009/11"));
  EXPECT_FALSE(FinancialYear::Parse("2009-10"));
}

}  // namespace
}  // namespace s75

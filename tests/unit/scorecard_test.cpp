// The scorecard's arithmetic and statuses (shared/spec/scorecard.md).
#include "scorecard/scorecard.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "load/loader.h"
#include "scorecard/forecast.h"
#include "scorecard/scorecard_report.h"

namespace s75 {
namespace {

Date D(const char* text) { return *Date::Parse(text); }
Decimal N(const char* text) { return *Decimal::Parse(text); }

// An agreement holding `outcomes` (the YAML of the list's entries).
AgreementCard Card(const std::string& outcomes, const char* as_of) {
  std::string yaml =
      "format: s75check/1\nagreement: {id: sc, title: Scorecard test}\noutcomes:\n" + outcomes;
  LoadResult loaded = LoadAgreementText(yaml, "sc.yaml", LoadLimits{});
  EXPECT_TRUE(loaded.checked);
  return ScoreAgreement(*loaded.document, D(as_of));
}

const char* kWorkedExample = R"(  - id: o1
    description: Reduce emergency bed days for people aged 65 and over
    indicator: NI 134
    baseline: { value: 2778, period: 2007/08 }
    target: { value: 2025, by: 2009-03-31 }
    monitoring:
      - { period: 2008-06-30, value: 2650 }
      - { period: 2008-09-30, value: 2540 }
      - { period: 2008-12-31, value: 2100 }
)";

TEST(ScorecardTest, WorkedExampleIsRedAndImproving) {
  AgreementCard card = Card(kWorkedExample, "2008-11-15");
  ASSERT_EQ(card.outcomes.size(), 1U);
  const OutcomeCard& o = card.outcomes[0];
  EXPECT_EQ(o.points.size(), 3U);  // the December figure is after as-of
  EXPECT_EQ(o.direction, "decrease");
  EXPECT_EQ(Figure(o.forecast), "2300.1");
  EXPECT_EQ(Figure(o.tolerance), "75.3");
  EXPECT_EQ(Figure(o.miss), "275.1");
  EXPECT_EQ(StatusWord(o.status), "red");
  EXPECT_EQ(TrendWord(o.trend), "improving");
  EXPECT_EQ(o.Latest()->value, N("2540"));
  EXPECT_EQ(Figure(card.score), "0");
}

TEST(ScorecardTest, WorkedExampleWithAThirdFigureIsGreen) {
  AgreementCard card = Card(kWorkedExample, "2009-01-20");
  const OutcomeCard& o = card.outcomes[0];
  EXPECT_EQ(Figure(o.forecast), "1984.2");
  EXPECT_EQ(StatusWord(o.status), "green");
  EXPECT_EQ(TrendWord(o.trend), "improving");
  EXPECT_EQ(card.score->ToString(kScorePlaces), "1.000");
}

TEST(ScorecardTest, ForecastRoundsHalfEvenToOneMorePlace) {
  std::vector<Point> points = {{D("2009-01-01"), N("0")}, {D("2009-01-05"), N("1")}};
  EXPECT_EQ(LeastSquaresAt(points, D("2009-01-02"))->ToString(), "0.2");  // 0.25
  EXPECT_EQ(LeastSquaresAt(points, D("2009-01-04"))->ToString(), "0.8");  // 0.75
  EXPECT_EQ(ForecastPlaces({{D("2009-01-01"), N("1.25")}}), 3);
  EXPECT_FALSE(
      LeastSquaresAt({{D("2009-01-01"), N("1")}, {D("2009-01-01"), N("2")}}, D("2009-02-01")));
}

TEST(ScorecardTest, AmberWithinACustomTolerance) {
  AgreementCard card = Card(R"(  - id: o1
    baseline: { value: 100, period: 2007/08 }
    target: { value: 200, by: 2009-03-31, tolerance: 30 }
    monitoring: [ { period: 2008-09-30, value: 140 } ]
)",
                            "2008-10-01");
  const OutcomeCard& o = card.outcomes[0];
  EXPECT_EQ(o.direction, "increase");
  EXPECT_EQ(Figure(o.forecast), "179.8");
  EXPECT_EQ(StatusWord(o.status), "amber");
  EXPECT_EQ(Figure(card.score), "0.5");
}

TEST(ScorecardTest, GivenDirectionAndBaselineGivenAsADate) {
  AgreementCard card = Card(R"(  - id: o1
    baseline: { value: 50, period: 2008-06-30 }
    target: { value: 50, by: 2009-06-30, direction: increase }
    monitoring: [ { period: 2008-12-31, value: 49 } ]
)",
                            "2009-01-10");
  const OutcomeCard& o = card.outcomes[0];
  EXPECT_EQ(o.baseline_date, D("2008-06-30"));
  EXPECT_EQ(Figure(o.forecast), "48");  // 48.0: 2 short, and the default tolerance is 0
  EXPECT_EQ(Figure(o.tolerance), "0");
  EXPECT_EQ(StatusWord(o.status), "red");
  EXPECT_EQ(TrendWord(o.trend), "worsening");
}

TEST(ScorecardTest, EqualBaselineAndTargetWithoutDirectionIsNotRated) {
  AgreementCard card = Card(R"(  - id: o1
    baseline: { value: 50, period: 2007/08 }
    target: { value: 50, by: 2009-06-30 }
)",
                            "2009-01-10");
  EXPECT_EQ(StatusWord(card.outcomes[0].status), "not rated");
  EXPECT_NE(card.outcomes[0].note.find("give `target.direction`"), std::string::npos);
  EXPECT_FALSE(card.score);
}

TEST(ScorecardTest, DueTargetsAreMetMissedOrWithoutOutturn) {
  const char* outcome = R"(  - id: o1
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2008-12-31 }
    monitoring: [ { period: 2008-09-30, value: 15 }, { period: 2009-03-31, value: 18 },
                  { period: 2009-06-30, value: 25 } ]
)";
  EXPECT_EQ(StatusWord(Card(outcome, "2009-02-01").outcomes[0].status), "due, no outturn");
  OutcomeCard missed = Card(outcome, "2009-04-01").outcomes[0];
  EXPECT_EQ(StatusWord(missed.status), "missed");
  EXPECT_EQ(Figure(missed.miss), "2");
  EXPECT_EQ(StatusText(missed), "missed by 2 (18 at 2009-03-31)");
  EXPECT_EQ(StatusWord(Card(outcome, "2008-10-01").outcomes[0].status), "red");
}

TEST(ScorecardTest, NoDataAndTooLittleData) {
  const char* none = R"(  - id: o1
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2010-03-31 }
    monitoring: [ { period: 2009-06-30, value: 12 } ]
)";
  EXPECT_EQ(StatusWord(Card(none, "2009-01-01").outcomes[0].status), "no data");
  const char* little = R"(  - id: o1
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2010-03-31 }
    monitoring: [ { period: 2008-03-31, value: 12 } ]
)";
  OutcomeCard o = Card(little, "2009-01-01").outcomes[0];
  EXPECT_EQ(StatusWord(o.status), "too little data");
  EXPECT_EQ(TrendWord(o.trend), "improving");
}

TEST(ScorecardTest, WeightsMakeTheDomainAndOverallScores) {
  AgreementCard card = Card(R"(  - id: good
    domain: users_and_carers
    weight: 3
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2008-12-31 }
    monitoring: [ { period: 2009-01-31, value: 21 } ]
  - id: bad
    domain: users_and_carers
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2008-12-31 }
    monitoring: [ { period: 2009-01-31, value: 11 } ]
  - id: money
    domain: resources
    weight: 4
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2008-12-31 }
  - id: loose
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20, by: 2008-12-31 }
    monitoring: [ { period: 2009-01-31, value: 11 } ]
)",
                            "2009-02-01");
  ASSERT_EQ(card.domains.size(), 3U);  // users and carers, resources, no domain
  EXPECT_EQ(card.domains[0].score->ToString(kScorePlaces), "0.750");
  EXPECT_FALSE(card.domains[1].score);  // due, no outturn: counted, not scored
  EXPECT_EQ(card.domains[1].outcomes, 1);
  EXPECT_EQ(card.domains[2].domain, "");
  EXPECT_EQ(card.score->ToString(kScorePlaces), "0.600");                   // 3 of 5
  EXPECT_EQ(card.users_and_carers_share->ToString(kScorePlaces), "0.444");  // 4 of 9
}

TEST(ScorecardTest, MissingFieldSaysWhichWithLineAndColumn) {
  AgreementCard card = Card(R"(  - id: o1
    baseline: { value: 10, period: 2007/08 }
    target: { value: 20 }
)",
                            "2009-02-01");
  const OutcomeCard& o = card.outcomes[0];
  EXPECT_EQ(StatusWord(o.status), "not rated");
  EXPECT_EQ(NoteLine(card, o),
            "sc.yaml:6:13: outcome o1: missing `target.by`: the scorecard forecasts the value at "
            "that date");
}

TEST(ScorecardTest, NewFieldsAreValidated) {
  std::string yaml = R"(format: s75check/1
outcomes:
  - id: o1
    domain: customers
    weight: 0
    baseline: { value: 10, period: 2008-13-01 }
    target: { value: 20, by: 2009-03-31, direction: down }
)";
  LoadResult loaded = LoadAgreementText(yaml, "v.yaml", LoadLimits{});
  std::string all;
  for (const Finding& f : loaded.findings) {
    all += f.range.ToString() + " " + f.message + "\n";
  }
  EXPECT_NE(all.find("v.yaml:4:13"), std::string::npos) << all;
  EXPECT_NE(all.find("v.yaml:5:13 "), std::string::npos) << all;
  EXPECT_NE(all.find("a number above 0"), std::string::npos) << all;
  EXPECT_NE(all.find("neither a financial year nor a date"), std::string::npos) << all;
  EXPECT_NE(all.find("v.yaml:7:53"), std::string::npos) << all;
}

TEST(ScorecardTest, JsonNumbersAreExactDecimalStrings) {
  Portfolio p;
  p.as_of = D("2008-11-15");
  AddToPortfolio(p, Card(kWorkedExample, "2008-11-15"));
  std::ostringstream out;
  ASSERT_TRUE(WriteScorecard(p, "json", out));
  EXPECT_NE(out.str().find("\"forecast\": \"2300.1\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"status\": \"red\""), std::string::npos);
  EXPECT_NE(out.str().find("\"red\": 1"), std::string::npos);
}

}  // namespace
}  // namespace s75

// The scorecard (shared/spec/scorecard.md): each outcome of an agreement
// rated against its target, scored by domain, over one or many agreements.
// One model for every output format.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "load/document.h"
#include "scorecard/forecast.h"

namespace s75 {

enum class Status {
  kGreen,
  kAmber,
  kRed,
  kMet,
  kMissed,
  kNoData,
  kTooLittleData,
  kDueNoOutturn,
  kNotRated,
};
inline constexpr size_t kStatusCount = 9;

enum class Trend { kNone, kImproving, kWorsening, kFlat };

// "green", "due, no outturn", ...: the contract's words.
std::string_view StatusWord(Status s);
// "improving", "worsening", "flat", or "" for none.
std::string_view TrendWord(Trend t);
// 1, 0.5 or 0 for a rated status; nullopt for one that is not scored.
std::optional<Decimal> StatusScore(Status s);

// The four domains of case study 3, then "" for an outcome with none.
inline constexpr std::array<std::string_view, 5> kScorecardDomains = {
    "users_and_carers", "processes", "resources", "learning_and_growth", ""};
// "Service users and carers", ..., "No domain".
std::string_view DomainTitle(std::string_view domain);

struct OutcomeCard {
  std::string id;
  std::string description;
  std::string indicator;
  std::string unit;
  std::string domain;  // "" for none
  Decimal weight = Decimal::FromInt(1);
  std::vector<std::string> schemes;  // format 2: the schemes that name the outcome
  int line = 0;                      // of the outcome's entry
  int column = 0;

  std::optional<Decimal> baseline;
  std::string baseline_period;        // as written
  std::optional<Date> baseline_date;  // the period's last day, or the date given
  std::optional<Decimal> target;
  std::optional<Date> target_by;
  std::string direction;  // "increase", "decrease", or "" when not known
  std::optional<Decimal> tolerance;

  std::vector<Point> figures;         // monitoring figures on or before as-of, by date
  std::vector<Point> points;          // the baseline (when dated) and the figures, by date
  std::optional<Decimal> forecast;    // open target with enough points
  std::optional<Decimal> line_start;  // the fitted line at the earliest point, for charts
  std::optional<Point> outturn;       // due target
  std::optional<Decimal> miss;        // how far the forecast or outturn misses the target

  Status status = Status::kNotRated;
  Trend trend = Trend::kNone;
  // Why the outcome is not rated, or what it lacks: "missing `target.by`".
  std::string note;
  int note_line = 0;  // where the note points
  int note_column = 0;

  const Point* Latest() const { return figures.empty() ? nullptr : &figures.back(); }
};

struct DomainScore {
  std::string domain;            // "" for no domain
  int outcomes = 0;              // all of them, scored or not
  Decimal weight;                // of the scored outcomes
  std::optional<Decimal> score;  // nullopt when none is scored
};

struct AgreementCard {
  std::string path;
  std::string agreement_id;
  std::string title;
  bool readable = false;
  std::string unreadable;  // why not: "path:line:col: DOC.01 ..." as the check says
  std::vector<OutcomeCard> outcomes;
  std::vector<DomainScore> domains;               // those with outcomes, in kScorecardDomains order
  std::optional<Decimal> score;                   // overall
  std::optional<Decimal> users_and_carers_share;  // of the total weight; nullopt with no outcomes
  std::array<int, kStatusCount> counts{};         // outcomes by status
};

struct Portfolio {
  Date as_of;
  std::string tool_version;
  std::vector<AgreementCard>
      agreements;  // by overall score, lowest first; unscored and unreadable last
  std::array<int, kStatusCount> counts{};
  int unreadable = 0;
};

// Scores are shown to 3 places, rounded half-even.
inline constexpr int kScorePlaces = 3;

// One outcome, its `outcome` node of an agreement's `outcomes`, as of a date.
OutcomeCard ScoreOutcome(const Node& outcome, Date as_of);

// Rates each outcome of `doc` (its status, forecast and trend) as of a date.
AgreementCard ScoreAgreement(const Document& doc, Date as_of);

// The scores and counts of a card whose outcomes are rated.
void ScoreDomains(AgreementCard& card);

// Adds a card to the portfolio; SortPortfolio orders them once all are in.
void AddToPortfolio(Portfolio& portfolio, AgreementCard card);
void SortPortfolio(Portfolio& portfolio);

}  // namespace s75

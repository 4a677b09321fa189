#include "scorecard/scorecard.h"

#include <algorithm>
#include <utility>

namespace s75 {

namespace {

// A field's value, or null when it is absent or not valid.
const Node* Valid(const Node* map, std::string_view name) {
  const Node* node = map == nullptr ? nullptr : FieldOf(map, name);
  return node == nullptr || node->invalid ? nullptr : node;
}

std::string TextOf(const Node* map, std::string_view name) {
  const Node* node = Valid(map, name);
  return node == nullptr || node->kind != NodeKind::kScalar ? "" : node->text;
}

std::optional<Decimal> NumberOf(const Node* map, std::string_view name) {
  const Node* node = Valid(map, name);
  const auto* d = node == nullptr ? nullptr : std::get_if<Decimal>(&node->typed);
  return d == nullptr ? std::nullopt : std::optional<Decimal>(*d);
}

std::optional<Date> DateOf(const Node* map, std::string_view name) {
  const Node* node = Valid(map, name);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* d = std::get_if<Date>(&node->typed)) {
    return *d;
  }
  if (const auto* y = std::get_if<FinancialYear>(&node->typed)) {
    return y->LastDay();
  }
  return std::nullopt;
}

// The monitoring figures on or before `as_of`, by date (stable: figures of
// one date keep their order).
std::vector<Point> FiguresOf(const Node& outcome, Date as_of) {
  std::vector<Point> figures;
  const Node* list = Valid(&outcome, "monitoring");
  for (const Node* item : list == nullptr ? std::vector<Node*>{} : list->items) {
    std::optional<Date> period = DateOf(item, "period");
    std::optional<Decimal> value = NumberOf(item, "value");
    if (period && value && *period <= as_of) {
      figures.push_back({*period, *value});
    }
  }
  std::stable_sort(figures.begin(), figures.end(),
                   [](const Point& a, const Point& b) { return a.date < b.date; });
  return figures;
}

void ReadOutcome(const Node& outcome, Date as_of, OutcomeCard& c) {
  c.id = TextOf(&outcome, "id");
  c.description = TextOf(&outcome, "description");
  c.indicator = TextOf(&outcome, "indicator");
  c.unit = TextOf(&outcome, "unit");
  c.domain = TextOf(&outcome, "domain");
  c.weight = NumberOf(&outcome, "weight").value_or(Decimal::FromInt(1));
  c.line = outcome.line;
  c.column = outcome.column;
  const Node* baseline = Valid(&outcome, "baseline");
  const Node* target = Valid(&outcome, "target");
  c.baseline = NumberOf(baseline, "value");
  c.baseline_period = TextOf(baseline, "period");
  c.baseline_date = DateOf(baseline, "period");
  c.target = NumberOf(target, "value");
  c.target_by = DateOf(target, "by");
  c.direction = TextOf(target, "direction");
  c.tolerance = NumberOf(target, "tolerance");
  c.figures = FiguresOf(outcome, as_of);
  c.points = c.figures;
  if (c.baseline && c.baseline_date && *c.baseline_date <= as_of) {
    c.points.insert(c.points.begin(), Point{*c.baseline_date, *c.baseline});
    std::stable_sort(c.points.begin(), c.points.end(),
                     [](const Point& a, const Point& b) { return a.date < b.date; });
  }
}

// Marks the outcome not rated for lack of `field`, pointing at `where`
// (the field's mapping, or the outcome when that is absent too).
void Missing(OutcomeCard& c, const Node* where, const std::string& field, std::string_view hint) {
  c.status = Status::kNotRated;
  c.note = "missing `" + field + "`" + std::string(hint);
  c.note_line = where == nullptr ? c.line : where->line;
  c.note_column = where == nullptr ? c.column : where->column;
}

// True when `value` meets the target in the outcome's direction.
bool Meets(const OutcomeCard& c, Decimal value) {
  return c.direction == "decrease" ? value <= *c.target : value >= *c.target;
}

// How far `value` misses the target (0 when it meets it).
Decimal MissBy(const OutcomeCard& c, Decimal value) {
  if (Meets(c, value)) {
    return Decimal();
  }
  Decimal d = value.Sub(*c.target).value_or(Decimal());
  return d.IsNegative() ? d.Negate() : d;
}

Trend TrendOf(const OutcomeCard& c) {
  if (c.points.size() < 2 || c.direction.empty()) {
    return Trend::kNone;
  }
  Decimal last = c.points.back().value;
  Decimal before = c.points[c.points.size() - 2].value;
  if (last == before) {
    return Trend::kFlat;
  }
  bool down = last < before;
  return down == (c.direction == "decrease") ? Trend::kImproving : Trend::kWorsening;
}

// The direction, from the field or from baseline to target; false (the
// outcome marked not rated) when neither says.
bool SettleDirection(OutcomeCard& c, const Node& outcome) {
  if (!c.direction.empty()) {
    return true;
  }
  const Node* target = Valid(&outcome, "target");
  if (!c.baseline) {
    Missing(c, Valid(&outcome, "baseline"), "baseline.value",
            " (or give `target.direction`): the direction comes from baseline to target");
    return false;
  }
  if (*c.baseline == *c.target) {
    c.status = Status::kNotRated;
    c.note = "the baseline equals the target: give `target.direction` (increase or decrease)";
    c.note_line = target->line;
    c.note_column = target->column;
    return false;
  }
  c.direction = *c.target < *c.baseline ? "decrease" : "increase";
  return true;
}

// The due target's outturn: the earliest figure on or after `target.by`.
void RateDue(OutcomeCard& c) {
  for (const Point& p : c.figures) {
    if (p.date >= *c.target_by) {
      c.outturn = p;
      c.miss = MissBy(c, p.value);
      c.status = Meets(c, p.value) ? Status::kMet : Status::kMissed;
      return;
    }
  }
  c.status = Status::kDueNoOutturn;
}

void RateOpen(OutcomeCard& c, const Node& outcome) {
  if (c.figures.empty()) {
    c.status = Status::kNoData;
    return;
  }
  if (c.baseline && c.baseline_period.empty()) {
    Missing(c, Valid(&outcome, "baseline"), "baseline.period",
            ": the baseline is a point of the forecast, dated by its period");
    return;
  }
  c.forecast = LeastSquaresAt(c.points, *c.target_by);
  if (!c.forecast) {
    c.status = Status::kTooLittleData;
    return;
  }
  c.line_start = LeastSquaresAt(c.points, c.points.front().date);
  c.miss = MissBy(c, *c.forecast);
  if (Meets(c, *c.forecast)) {
    c.status = Status::kGreen;
    return;
  }
  if (!c.tolerance) {
    Missing(c, Valid(&outcome, "target"), "target.tolerance",
            " (or give `baseline.value`): the default tolerance is 10% of |target - baseline|");
    return;
  }
  c.status = *c.miss <= *c.tolerance ? Status::kAmber : Status::kRed;
}

}  // namespace

OutcomeCard ScoreOutcome(const Node& outcome, Date as_of) {
  OutcomeCard c;
  ReadOutcome(outcome, as_of, c);
  const Node* target = Valid(&outcome, "target");
  if (!c.target) {
    Missing(c, target, "target.value", ": the scorecard rates progress towards it");
    return c;
  }
  if (!c.target_by) {
    Missing(c, target, "target.by", ": the scorecard forecasts the value at that date");
    return c;
  }
  if (!SettleDirection(c, outcome)) {
    return c;
  }
  if (!c.tolerance && c.baseline) {
    Decimal span = c.target->Sub(*c.baseline).value_or(Decimal());
    c.tolerance = (span.IsNegative() ? span.Negate() : span).Mul(Decimal::Parse("0.1").value());
  }
  c.trend = TrendOf(c);
  if (*c.target_by <= as_of) {
    RateDue(c);
  } else {
    RateOpen(c, outcome);
  }
  return c;
}

}  // namespace s75

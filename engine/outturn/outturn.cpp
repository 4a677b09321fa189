#include "outturn/outturn.h"

#include <algorithm>
#include <variant>

#include "common/join.h"
#include "common/rule_ids.h"
#include "outturn/allocate.h"
#include "outturn/apportion.h"
#include "outturn/terms.h"

namespace s75 {

namespace {

// The spend a fund's outturn is for: given on the command line or recorded.
struct Spend {
  Decimal amount;
  std::optional<FinancialYear> year;
  std::string kind;  // "actual", "forecast" or "given"
  std::optional<Date> reported_on;
};

template <typename T>
const T* Typed(const Node* n) {
  return n != nullptr && !n->invalid ? std::get_if<T>(&n->typed) : nullptr;
}

// The fault of a recorded entry the outturn would use, if it has one: a
// value the loader rejected, or a spend below zero (outturn.md: a spend is
// zero or more).
std::optional<CannotAllocate> EntryFault(const Terms& t, const Node* e) {
  const Node* spend = FieldOf(e, "spend");
  for (const Node* bad : {spend, FieldOf(e, "kind"), FieldOf(e, "reported_on")}) {
    if (bad != nullptr && bad->invalid) {
      return t.Fault(kDocWrongType, bad,
                     "'" + bad->text + "' (" + NodePath(bad) +
                         ") is not valid: correct it as the DOC.04 finding of `s75check check` "
                         "says");
    }
  }
  if (Typed<Decimal>(spend)->IsNegative()) {
    return t.Fault(
        kDocWrongType, spend,
        "the spend (" + NodePath(spend) + ") is " + spend->text + ": a spend is zero or more");
  }
  return std::nullopt;
}

// True when recorded entry `b` is chosen over `a` of the same year: an
// actual over a forecast (no kind is an actual), then the later reported_on
// (none is earliest), then, all else equal, `b` as the later in the list.
bool ChosenOver(const Node* a, const Node* b) {
  auto actual = [](const Node* e) {
    return FieldOf(e, "kind") == nullptr || FieldOf(e, "kind")->text == "actual";
  };
  if (actual(a) != actual(b)) {
    return actual(b);
  }
  const Date* da = Typed<Date>(FieldOf(a, "reported_on"));
  const Date* db = Typed<Date>(FieldOf(b, "reported_on"));
  return da == nullptr || (db != nullptr && *db >= *da);
}

// The recorded entry of `year` the outturn uses (ChosenOver), in `out`.
std::optional<CannotAllocate> PickEntry(const Terms& t, const std::vector<const Node*>& entries,
                                        FinancialYear year, std::optional<Spend>& out) {
  const Node* best = nullptr;
  for (const Node* e : entries) {
    if (*Typed<FinancialYear>(FieldOf(e, "year")) != year) {
      continue;
    }
    if (auto fault = EntryFault(t, e)) {
      return fault;
    }
    best = best == nullptr || ChosenOver(best, e) ? e : best;
  }
  if (best != nullptr) {
    const Node* kind = FieldOf(best, "kind");
    const Date* reported = Typed<Date>(FieldOf(best, "reported_on"));
    out = Spend{*Typed<Decimal>(FieldOf(best, "spend")), year, kind ? kind->text : "actual",
                reported ? std::optional<Date>(*reported) : std::nullopt};
  }
  return std::nullopt;
}

// The recorded outturns of `fund` known at `as_of` (reported on or before
// it, or with no date) with a valid year and a spend: an entry without
// either records no outturn.
std::vector<const Node*> KnownEntries(const Node* fund, Date as_of) {
  std::vector<const Node*> out;
  const Node* list = FieldOf(fund, "outturns");
  for (const Node* e : list != nullptr ? list->items : std::vector<Node*>{}) {
    const Node* reported = FieldOf(e, "reported_on");
    const Date* on = Typed<Date>(reported);
    if (Typed<FinancialYear>(FieldOf(e, "year")) != nullptr && FieldOf(e, "spend") != nullptr &&
        (on == nullptr || *on <= as_of)) {
      out.push_back(e);
    }
  }
  return out;
}

// The year of `fund`'s recorded outturn: `year`, else the latest recorded
// (of the entries known at `as_of`); none when nothing is recorded.
std::optional<FinancialYear> OutturnYear(const Node* fund, std::optional<FinancialYear> year,
                                         Date as_of) {
  for (const Node* e : year ? std::vector<const Node*>{} : KnownEntries(fund, as_of)) {
    FinancialYear y = *Typed<FinancialYear>(FieldOf(e, "year"));
    year = year ? std::max(*year, y) : y;
  }
  return year;
}

// The recorded spend of `fund` for OutturnYear; nullopt in `out` when none
// is recorded.
std::optional<CannotAllocate> RecordedSpend(const Terms& t, const Node* fund,
                                            std::optional<FinancialYear> year, Date as_of,
                                            std::optional<Spend>& out) {
  out.reset();
  year = OutturnYear(fund, year, as_of);
  return year ? PickEntry(t, KnownEntries(fund, as_of), *year, out) : std::nullopt;
}

// An agreement's funds and how the outturn names them ("" for format 1's one).
struct Funds {
  std::vector<const Node*> nodes;
  std::vector<std::string> ids;
};

Funds ReadFunds(const Document& doc) {
  Funds out;
  const Node* list = FieldOf(doc.root, "funds");
  for (const Node* f : list != nullptr ? list->items : std::vector<Node*>{}) {
    out.nodes.push_back(f);
    out.ids.push_back(doc.version == 1 ? "" : FundId(f));
  }
  return out;
}

// True when fund `i` is the one --fund names (format 1's fund is `main`).
bool Chosen(const Funds& funds, size_t i, const std::string& choice) {
  return choice.empty() || funds.ids[i] == choice || (funds.ids[i].empty() && choice == "main");
}

// What fund `fund`, whose overspend approach is risk_fund, drew from the
// risk fund for `year` by its recorded outturn, after `drawn` was drawn.
std::optional<CannotAllocate> DrawOf(const Terms& t, const Node* fund, FinancialYear year,
                                     Date as_of, const Decimal& drawn, Decimal& draw) {
  draw = Decimal();
  std::optional<Spend> spend;
  if (auto fault = RecordedSpend(t, fund, year, as_of, spend); fault || !spend) {
    return fault;
  }
  Decimal budget;
  if (auto fault = ReadBudget(t, fund, year, budget)) {
    return fault;
  }
  Allocation allocation;
  Decimal variance = spend->amount.Sub(budget).value_or(Decimal());
  if (auto fault = Allocate(t, fund, variance, {year, drawn}, allocation)) {
    return fault;
  }
  draw = allocation.from_risk_fund;
  return std::nullopt;
}

// What the funds before `index` drew from the risk fund for `year`: each
// fund whose overspend approach is risk_fund, by its recorded outturn.
std::optional<CannotAllocate> DrawnBefore(const Terms& t, const Funds& funds, size_t index,
                                          std::optional<FinancialYear> year, Date as_of,
                                          Decimal& drawn) {
  drawn = Decimal();
  for (size_t j = 0; j < index && year; ++j) {
    const Node* approach = FieldOf(FieldOf(funds.nodes[j], "overspend"), "approach");
    if (approach == nullptr || approach->invalid || approach->text != "risk_fund") {
      continue;
    }
    Decimal draw;
    if (auto fault = DrawOf(t, funds.nodes[j], *year, as_of, drawn, draw)) {
      fault->message = "fund '" + funds.ids[j] + "', before this one, draws on the risk fund for " +
                       year->ToString() + " and cannot be allocated: " + fault->message;
      return fault;
    }
    drawn = drawn.Add(draw).value_or(drawn);
  }
  return std::nullopt;
}

// Fund `i`'s outturn for `spend`.
FundOutturn OutturnOf(const Terms& t, const Funds& funds, size_t i, const Spend& spend,
                      Date as_of) {
  FundOutturn f;
  f.fund = funds.ids[i];
  f.year = spend.year;
  f.kind = spend.kind;
  f.reported_on = spend.reported_on;
  f.spend = spend.amount;
  Decimal drawn;
  Allocation allocation;
  std::optional<CannotAllocate> fault = ReadBudget(t, funds.nodes[i], spend.year, f.budget);
  if (!fault) {
    f.variance = spend.amount.Sub(f.budget).value_or(Decimal());
    f.variance_known = true;
    fault = DrawnBefore(t, funds, i, spend.year, as_of, drawn);
  }
  if (!fault) {
    fault = Allocate(t, funds.nodes[i], f.variance, {spend.year, drawn}, allocation);
  }
  if (fault) {
    f.cannot = std::move(fault);
  } else {
    f.allocation = std::move(allocation);
  }
  return f;
}

// The year a spend given with --spend is for: --year, else the fund's year.
std::optional<FinancialYear> GivenYear(const Node* fund, const OutturnOptions& options) {
  std::vector<FinancialYear> years = FundYears(fund);
  return options.year        ? options.year
         : years.size() == 1 ? std::optional(years.front())
                             : std::nullopt;
}

void AddOutturns(const Terms& t, const Funds& funds, const OutturnOptions& options,
                 AgreementOutturn& out) {
  for (size_t i = 0; i < funds.nodes.size(); ++i) {
    if (!Chosen(funds, i, options.fund)) {
      continue;
    }
    std::optional<Spend> spend;
    if (options.spend) {
      spend = Spend{*options.spend, GivenYear(funds.nodes[i], options), "given", std::nullopt};
    } else if (auto fault = RecordedSpend(t, funds.nodes[i], options.year, options.as_of, spend)) {
      FundOutturn f;
      f.fund = funds.ids[i];
      f.year = OutturnYear(funds.nodes[i], options.year, options.as_of);
      f.kind = "outturn";
      f.cannot = std::move(fault);
      out.funds.push_back(std::move(f));
      continue;
    }
    if (!spend) {
      out.without_outturn.push_back(funds.ids[i]);
      continue;
    }
    out.funds.push_back(OutturnOf(t, funds, i, *spend, options.as_of));
  }
}

// The overspends --scenarios shows for a budget: 1%, 2.5%, 5% and 10% of it,
// and, with a host_first_amount, that amount and twice it.
std::vector<std::pair<std::string, Decimal>> ScenarioAmounts(const Decimal& budget,
                                                             std::optional<Decimal> host_first) {
  std::vector<std::pair<std::string, Decimal>> out;
  for (const char* percent : {"1", "2.5", "5", "10"}) {
    Decimal rate = Decimal::Parse(percent)->Div(Decimal::FromInt(100)).value_or(Decimal());
    out.emplace_back(std::string(percent) + "%",
                     RoundToPenny(budget.Mul(rate).value_or(Decimal())));
  }
  if (host_first) {
    out.emplace_back("host_first_amount", *host_first);
    out.emplace_back("twice host_first_amount",
                     host_first->Mul(Decimal::FromInt(2)).value_or(*host_first));
  }
  return out;
}

// The host_first_amount --scenarios adds rows for, when the overspend
// approach is host_first_then_proportional.
std::optional<CannotAllocate> ScenarioHostFirst(const Terms& t, const Node* fund,
                                                std::optional<Decimal>& host_first) {
  const Node* approach = FieldOf(FieldOf(fund, "overspend"), "approach");
  if (approach == nullptr || approach->invalid ||
      approach->text != "host_first_then_proportional") {
    return std::nullopt;
  }
  Decimal amount;
  if (auto fault = ReadHostFirst(t, fund, amount)) {
    return fault;
  }
  host_first = amount;
  return std::nullopt;
}

// A fund with no money in common: not a pooled fund (rule-catalogue.md's
// pooled(f)), and no pool total or contributions.
bool NoMoney(const Document& doc, const Node* fund) {
  const Node* arrangement = FieldOf(fund, "arrangement");
  const bool* pooled = Typed<bool>(FieldOf(fund, "pooled"));
  bool pooled_fund = (arrangement != nullptr && arrangement->text == "pooled_fund") ||
                     (doc.version != 1 && pooled != nullptr && *pooled);
  return !pooled_fund && FieldOf(fund, "pool_total") == nullptr &&
         FieldOf(fund, "contributions") == nullptr;
}

FundScenarios ScenariosOf(const Terms& t, const Node* fund, const std::string& id,
                          const OutturnOptions& options) {
  FundScenarios s{id, options.year, {}, {}, {}, NoMoney(t.doc, fund)};
  if (s.no_money) {
    return s;
  }
  std::vector<FinancialYear> years = FundYears(fund);
  if (!s.year && !years.empty()) {
    s.year = years.back();
  }
  std::optional<Decimal> host_first;
  std::optional<CannotAllocate> fault = ReadBudget(t, fund, s.year, s.budget);
  if (!fault && (s.budget.IsNegative() || s.budget.IsZero())) {
    fault = t.Fault(kRuleAmounts, NodeAt(fund, "pool_total"),
                    "the budget (" + t.Key(fund, "pool_total") + ") is " + s.budget.ToString() +
                        ": overspends as a percentage of it need a budget above zero");
  }
  fault = fault ? fault : ScenarioHostFirst(t, fund, host_first);
  for (const auto& [label, amount] : ScenarioAmounts(s.budget, host_first)) {
    Allocation allocation;
    if (!fault) {
      fault = Allocate(t, fund, amount, {s.year, Decimal()}, allocation);
    }
    s.rows.push_back({label, std::move(allocation)});
  }
  if (fault) {
    s.rows.clear();
    s.cannot = std::move(fault);
  }
  return s;
}

// Why the options do not fit this agreement, or "".
std::string UsageError(const Funds& funds, const OutturnOptions& options) {
  std::vector<std::string> named;
  bool found = false;
  for (size_t i = 0; i < funds.nodes.size(); ++i) {
    named.push_back(funds.ids[i].empty() ? "main" : funds.ids[i]);
    found = found || (!options.fund.empty() && Chosen(funds, i, options.fund));
  }
  std::string list = named.empty() ? "it has none" : "its funds are " + Join(named, ", ");
  if (!options.fund.empty() && !found) {
    return "no fund '" + options.fund + "' (--fund): " + list;
  }
  if (options.spend && options.fund.empty() && funds.nodes.size() > 1) {
    return "--spend is the spend of one fund, and the agreement has " +
           std::to_string(funds.nodes.size()) + " (" + Join(named, ", ") +
           "): say which with --fund";
  }
  for (size_t i = 0; i < funds.nodes.size() && options.spend && !options.year; ++i) {
    if (Chosen(funds, i, options.fund) && FundYears(funds.nodes[i]).size() > 1) {
      return "fund '" + named[i] + "' has figures for several years: say which with --year";
    }
  }
  return "";
}

}  // namespace

AgreementOutturn ComputeOutturn(const Document& doc, const OutturnOptions& options) {
  AgreementOutturn out;
  out.path = doc.file;
  const Node* id = FieldOf(FieldOf(doc.root, "agreement"), "id");
  out.agreement_id = id != nullptr && !id->invalid ? id->text : "";
  Terms t(doc);
  out.partners = t.partners;
  Funds funds = ReadFunds(doc);
  out.usage_error = UsageError(funds, options);
  if (!out.usage_error.empty()) {
    return out;
  }
  if (!options.scenarios) {
    AddOutturns(t, funds, options, out);
    return out;
  }
  for (size_t i = 0; i < funds.nodes.size(); ++i) {
    if (Chosen(funds, i, options.fund)) {
      out.scenarios.push_back(ScenariosOf(t, funds.nodes[i], funds.ids[i], options));
    }
  }
  return out;
}

}  // namespace s75

#include "report/outturn_report.h"

#include <algorithm>

#include "report/money.h"
#include "report/outturn_writers.h"

namespace s75 {

namespace {

// Adds `x` to `sum`, noting an overflow instead of wrapping.
void AddTo(Decimal& sum, const Decimal& x, bool& overflow) {
  if (std::optional<Decimal> s = sum.Add(x)) {
    sum = *s;
  } else {
    overflow = true;
  }
}

// Counts a pool as over or under budget, when its budget is known.
void CountBalance(const Decimal& variance, OutturnTotals& t) {
  if (variance.IsZero()) {
    ++t.on_budget;
  } else if (variance.IsNegative()) {
    ++t.underspent;
  } else {
    ++t.overspent;
  }
}

// Adds what an allocation pays out to the totals.
void AddAllocation(const Allocation& a, OutturnTotals& t) {
  bool over = a.balance == Balance::kOverspend;
  for (const PartnerPart& part : a.parts) {
    auto group = static_cast<size_t>(GroupOf(part.partner.kind));
    AddTo(over ? t.pays[group] : t.receives[group], part.total, t.overflow);
  }
  AddTo(t.from_risk_funds, a.from_risk_fund, t.overflow);
  if (a.approach == "carry_forward") {
    AddTo(t.carried_forward, a.amount, t.overflow);
  }
}

}  // namespace

void CountOutturn(const AgreementOutturn& a, OutturnTotals& t) {
  ++t.agreements;
  if (!a.unreadable.empty() || !a.usage_error.empty()) {
    ++(a.unreadable.empty() ? t.usage_errors : t.unreadable);
    return;
  }
  t.no_outturn += static_cast<int>(a.without_outturn.size());
  for (const FundOutturn& f : a.funds) {
    if (f.variance_known) {
      CountBalance(f.variance, t);
    }
    if (f.cannot) {
      ++t.cannot_allocate;
    } else {
      AddAllocation(*f.allocation, t);
    }
  }
  t.cannot_allocate += static_cast<int>(std::count_if(
      a.scenarios.begin(), a.scenarios.end(), [](const FundScenarios& s) { return s.cannot; }));
}

PartnerGroup GroupOf(std::string_view kind) {
  for (std::string_view nhs :
       {"pct", "ccg", "icb", "nhs_trust", "nhs_foundation_trust", "nhs_england", "care_trust"}) {
    if (kind == nhs) {
      return PartnerGroup::kNhs;
    }
  }
  return kind == "local_authority" ? PartnerGroup::kCouncil : PartnerGroup::kOther;
}

std::string_view GroupName(PartnerGroup group) {
  switch (group) {
    case PartnerGroup::kNhs:
      return "NHS bodies";
    case PartnerGroup::kCouncil:
      return "councils";
    case PartnerGroup::kOther:
      return "others";
  }
  return "others";
}

std::string_view GroupKey(PartnerGroup group) {
  switch (group) {
    case PartnerGroup::kNhs:
      return "nhs";
    case PartnerGroup::kCouncil:
      return "council";
    case PartnerGroup::kOther:
      return "other";
  }
  return "other";
}

int OutturnExitStatus(const OutturnTotals& t) {
  return t.unreadable + t.usage_errors + t.cannot_allocate > 0 ? 2 : 0;
}

std::string TotalText(const OutturnTotals& totals, const Decimal& sum) {
  return totals.overflow ? "beyond range" : PenceText(sum);
}

std::unique_ptr<OutturnWriter> MakeOutturnWriter(std::string_view format) {
  if (format == "text") {
    return MakeOutturnTextWriter();
  }
  if (format == "json") {
    return MakeOutturnJsonWriter();
  }
  if (format == "markdown") {
    return MakeOutturnMarkdownWriter();
  }
  if (format == "csv") {
    return MakeOutturnCsvWriter();
  }
  if (format == "xlsx") {
    return MakeOutturnXlsxWriter();
  }
  return nullptr;
}

std::vector<std::string_view> OutturnFormats() {
  return {"text", "json", "markdown", "csv", "xlsx"};
}

}  // namespace s75

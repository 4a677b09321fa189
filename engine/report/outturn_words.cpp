#include "report/outturn_words.h"

#include "report/money.h"

namespace s75 {

namespace {

// "76.44%".
std::string PercentText(const Decimal& percent) { return percent.ToString(2) + "%"; }

// The words of approaches whose words do not depend on the figures.
std::string FixedWords(const std::string& approach, Balance balance) {
  bool over = balance == Balance::kOverspend;
  if (approach == "host") {
    return "the host pays all of it";
  }
  if (approach == "proportional") {
    return "shared in proportion to contributions";
  }
  if (approach == "return") {
    return "returned to the partners in proportion to their contributions";
  }
  if (approach == "fixed_shares") {
    return std::string("shared in the fixed shares of the ") + (over ? "overspend" : "underspend") +
           " approach";
  }
  if (approach == "carry_forward") {
    return "nothing is paid out: the whole underspend stays in the pool for next year";
  }
  if (approach == "each_partner_own") {
    return over ? "no pooled allocation: each partner bears overspends on its own services"
                : "no pooled allocation: each partner keeps underspends on its own services";
  }
  return approach;
}

}  // namespace

std::string SpendLabel(const FundOutturn& f) {
  std::string year = f.year ? f.year->ToString() + " " : "";
  if (f.kind == "given") {
    return year + "spend given";
  }
  return year + f.kind + (f.reported_on ? " (reported " + f.reported_on->ToString() + ")" : "");
}

std::string FundLabel(const std::string& fund) {
  return fund.empty() ? "" : " fund '" + fund + "'";
}

Balance BalanceOf(const Decimal& variance) {
  return variance.IsZero()       ? Balance::kOnBudget
         : variance.IsNegative() ? Balance::kUnderspend
                                 : Balance::kOverspend;
}

std::string_view BalanceKey(Balance balance) {
  switch (balance) {
    case Balance::kOverspend:
      return "overspend";
    case Balance::kUnderspend:
      return "underspend";
    case Balance::kOnBudget:
      return "on_budget";
  }
  return "on_budget";
}

std::string VarianceWords(const Decimal& variance) {
  if (variance.IsZero()) {
    return "on budget";
  }
  return variance.IsNegative() ? "underspend " + PenceText(variance.Negate())
                               : "overspend " + PenceText(variance);
}

std::string ApproachWords(const Allocation& a) {
  if (a.balance == Balance::kOnBudget) {
    return "the spend equals the budget: nothing to allocate";
  }
  if (a.approach == "host_first_then_proportional") {
    return "the host pays the first " + PenceText(a.host_first) +
           ", the rest in proportion to contributions";
  }
  if (a.approach == "risk_fund" && a.has_risk_amount) {
    return "met first from the risk fund (" + PenceText(a.risk_amount) + ", of which " +
           PenceText(a.risk_left) + " is left for this pool), the rest in the risk fund's shares";
  }
  if (a.approach == "risk_fund") {
    return "shared in the risk fund's shares (it states no amount)";
  }
  return FixedWords(a.approach, a.balance);
}

std::string_view Verb(const Allocation& a) {
  return a.balance == Balance::kUnderspend ? "receives" : "pays";
}

std::string PartDetail(const Allocation& a, const PartnerPart& part) {
  bool host = part.partner.id == a.host;
  if (a.approach == "host") {
    return host ? "the host" : "";
  }
  if (a.approach == "host_first_then_proportional") {
    std::string rest = PercentText(part.percent) + " of the rest";
    return host ? PenceText(part.first) + " first + " + PenceText(part.shared) + " proportional, " +
                      rest
                : rest;
  }
  if (a.approach == "fixed_shares" || a.approach == "risk_fund") {
    std::string share = "share " + part.basis.value_or(Decimal()).ToString();
    return a.approach == "risk_fund" && a.has_risk_amount ? share + " of the rest" : share;
  }
  return PercentText(part.percent);
}

std::string_view BasisName(const Allocation& a) {
  if (a.approach == "fixed_shares" || a.approach == "risk_fund") {
    return "share";
  }
  if (a.approach == "proportional" || a.approach == "return" ||
      a.approach == "host_first_then_proportional") {
    return "contribution";
  }
  return "";
}

std::string BasisText(const Allocation& a, const Decimal& basis) {
  return BasisName(a) == "share" ? basis.ToString() : PenceText(basis);
}

std::string NoMoneyWords() {
  return "no money in common (not a pooled fund, no pool total or contributions): no "
         "overspend to share";
}

std::string ScenarioWords(const std::string& label) {
  if (label == "host_first_amount") {
    return "the host_first_amount";
  }
  if (label == "twice host_first_amount") {
    return "twice the host_first_amount";
  }
  return label + " of the budget";
}

}  // namespace s75

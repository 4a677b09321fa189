// How the outturn report's formats word an allocation: one wording for
// text, Markdown, JSON and CSV.
#pragma once

#include <string>
#include <string_view>

#include "outturn/outturn.h"

namespace s75 {

// What the spend is: "2005/06 forecast (reported 2005-12-31)", "2004/05
// actual", "2005/06 spend given", "spend given".
std::string SpendLabel(const FundOutturn& f);

// " fund 'ccg-pool'", or "" for a format 1 agreement's one fund.
std::string FundLabel(const std::string& fund);

// "overspend", "underspend" or "on_budget".
std::string_view BalanceKey(Balance balance);

// The balance of a variance (spend - budget): over for more than zero.
Balance BalanceOf(const Decimal& variance);

// A variance (spend - budget) in words: "overspend £740,000.00",
// "underspend £12,000.00", "on budget".
std::string VarianceWords(const Decimal& variance);

// What the approach does with the amount: "the host pays the first
// £280,000.00, the rest in proportion to contributions".
std::string ApproachWords(const Allocation& a);

// "pays" for an overspend, "receives" for an underspend.
std::string_view Verb(const Allocation& a);

// Why a partner's part is what it is: "£280,000.00 first + £351,609.20
// proportional, 76.44% of the rest", "share 0.76"; "" when nothing to add.
std::string PartDetail(const Allocation& a, const PartnerPart& part);

// What the contribution or share column is called: "contribution", "share" or "".
std::string_view BasisName(const Allocation& a);

// A basis as its column shows it: "£13,300,000.00" or "0.76".
std::string BasisText(const Allocation& a, const Decimal& basis);

// Why a fund with no money in common has no overspend scenarios.
std::string NoMoneyWords();

// "1% of the budget", "the host_first_amount", "twice the host_first_amount".
std::string ScenarioWords(const std::string& label);

}  // namespace s75

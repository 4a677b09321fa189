#include "outturn/allocate.h"

#include <algorithm>

#include "common/rule_ids.h"
#include "outturn/apportion.h"

namespace s75 {

namespace {

// What an approach reads: the agreement, the fund, and the allocation so far.
struct Job {
  const Terms& t;
  const Node* fund;
  const AllocationContext& context;
  Allocation& out;
};

// What a partner bears before the rest is shared: the host's first part.
struct FirstPart {
  size_t partner;
  Decimal amount;
};

// Sets `out.parts` to `shared` divided in proportion to `weights` (one per
// partner), with `first` borne besides by its partner.
std::optional<CannotAllocate> Share(Job& job, const Decimal& shared,
                                    const std::vector<Decimal>& weights, const Node* at,
                                    std::optional<FirstPart> first = std::nullopt) {
  std::optional<std::vector<Decimal>> parts = Apportion(shared, weights);
  if (!parts) {
    return job.t.Fault(kDocWrongType, at,
                       "the amounts are beyond what s75check can divide exactly: check the "
                       "figures of the fund and the spend");
  }
  Decimal whole;
  for (const Decimal& w : weights) {
    whole = whole.Add(w).value_or(whole);
  }
  job.out.shared = shared;
  for (size_t i = 0; i < weights.size(); ++i) {
    PartnerPart part{job.t.partners[i], weights[i],  {},
                     (*parts)[i],       (*parts)[i], Percentage(weights[i], whole, 2)};
    if (first && first->partner == i) {
      part.first = first->amount;
      part.total = part.first.Add(part.shared).value_or(part.total);
    }
    job.out.parts.push_back(std::move(part));
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ByHost(Job& job) {
  size_t host = 0;
  if (auto fault = ReadHost(job.t, job.fund, host)) {
    return fault;
  }
  job.out.host = job.t.partners[host].id;
  for (size_t i = 0; i < job.t.partners.size(); ++i) {
    Decimal part = i == host ? job.out.amount : Decimal();
    job.out.parts.push_back({job.t.partners[i], std::nullopt, part, Decimal(), part, Decimal()});
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ByContributions(Job& job) {
  std::vector<Decimal> weights;
  if (auto fault = ReadContributions(job.t, job.fund, job.context.year, weights)) {
    return fault;
  }
  return Share(job, job.out.amount, weights, NodeAt(job.fund, "contributions"));
}

std::optional<CannotAllocate> ByFixedShares(Job& job, const Node* mapping, std::string_view side) {
  std::vector<Decimal> shares;
  if (auto fault = ReadShares(job.t, mapping, job.t.Key(job.fund, side), shares)) {
    return fault;
  }
  return Share(job, job.out.amount, shares, mapping);
}

std::optional<CannotAllocate> ByHostFirst(Job& job) {
  size_t host = 0;
  Decimal first;
  std::vector<Decimal> weights;
  if (auto fault = ReadHost(job.t, job.fund, host)) {
    return fault;
  }
  if (auto fault = ReadHostFirst(job.t, job.fund, first)) {
    return fault;
  }
  if (auto fault = ReadContributions(job.t, job.fund, job.context.year, weights)) {
    return fault;
  }
  job.out.host = job.t.partners[host].id;
  job.out.host_first = first;
  Decimal borne = std::min(first, job.out.amount);
  Decimal rest = job.out.amount.Sub(borne).value_or(Decimal());
  return Share(job, rest, weights, NodeAt(job.fund, "contributions"), FirstPart{host, borne});
}

std::optional<CannotAllocate> ByRiskFund(Job& job) {
  std::vector<Decimal> shares;
  std::optional<Decimal> amount;
  if (auto fault = ReadRiskFund(job.t, job.fund, shares, amount)) {
    return fault;
  }
  Decimal rest = job.out.amount;
  if (amount) {
    job.out.has_risk_amount = true;
    job.out.risk_amount = *amount;
    job.out.risk_left =
        std::max(Decimal(), amount->Sub(job.context.risk_drawn).value_or(Decimal()));
    job.out.from_risk_fund = std::min(job.out.amount, job.out.risk_left);
    rest = rest.Sub(job.out.from_risk_fund).value_or(rest);
  }
  return Share(job, rest, shares, FieldOf(FieldOf(job.t.doc.root, "risk_fund"), "shares"));
}

}  // namespace

std::optional<CannotAllocate> Allocate(const Terms& t, const Node* fund, const Decimal& variance,
                                       const AllocationContext& context, Allocation& out) {
  out = Allocation();
  if (variance.IsZero()) {
    return std::nullopt;
  }
  bool over = !variance.IsNegative();
  out.balance = over ? Balance::kOverspend : Balance::kUnderspend;
  out.amount = over ? variance : variance.Negate();
  const Node* mapping = nullptr;
  std::string_view side = over ? "overspend" : "underspend";
  if (auto fault = ReadApproach(t, fund, side, out.approach, mapping)) {
    return fault;
  }
  out.at = t.Where(mapping);
  out.path = NodePath(mapping);
  Job job{t, fund, context, out};
  const std::string& a = out.approach;
  if (a == "host") {
    return ByHost(job);
  }
  if (a == "proportional" || a == "return") {
    return ByContributions(job);
  }
  if (a == "fixed_shares") {
    return ByFixedShares(job, mapping, side);
  }
  if (a == "host_first_then_proportional") {
    return ByHostFirst(job);
  }
  if (a == "risk_fund") {
    return ByRiskFund(job);
  }
  return std::nullopt;  // carry_forward, each_partner_own: nothing is paid out
}

}  // namespace s75

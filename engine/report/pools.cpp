#include "report/pools.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "report/money.h"

namespace s75 {

namespace {

// Adds `amount` to `sum`, or notes that the sum went out of range.
void AddMoney(const Decimal& amount, Decimal& sum, bool& overflow) {
  if (std::optional<Decimal> s = sum.Add(amount)) {
    sum = *s;
  } else {
    overflow = true;
  }
}

// Counts an agreement once under each of `names` (repeats ignored), with
// the pools of its funds that count under that name: those whose `under`
// (FundFacts::tallied_arrangements or tallied_client_groups) holds it, and
// under "" those whose `under` is empty.
void AddTo(std::map<std::string, PoolGroup>& groups, const std::set<std::string>& names,
           const AgreementFacts& facts, std::vector<std::string> FundFacts::*under,
           bool& overflow) {
  for (const std::string& name : names) {
    PoolGroup& g = groups[name];
    g.name = name;
    ++g.agreements;
    for (const FundFacts& fund : facts.funds) {
      const std::vector<std::string>& names_of_fund = fund.*under;
      bool counts = names_of_fund.empty() ? name.empty()
                                          : std::find(names_of_fund.begin(), names_of_fund.end(),
                                                      name) != names_of_fund.end();
      if (counts && fund.pool_total) {
        AddMoney(*fund.pool_total, g.pooled, overflow);
      }
    }
  }
}

}  // namespace

void PoolTally::Add(const AgreementFacts& facts, const std::string& path) {
  ++agreements;
  const std::optional<Decimal>& pool = facts.pool_total;
  if (pool) {
    ++with_pool;
    from_contributions += facts.pool_from_contributions ? 1 : 0;
    AddMoney(*pool, total, overflow);
  } else {
    without_pool.push_back(path);
  }
  for (auto [amount, sum, count] : {std::tuple{&facts.revenue, &revenue, &with_revenue},
                                    {&facts.capital, &capital, &with_capital}}) {
    if (*amount) {
      ++*count;
      AddMoney(**amount, *sum, overflow);
    }
  }
  std::set<std::string> groups(facts.client_groups.begin(), facts.client_groups.end());
  if (groups.empty()) {
    groups.insert("");
  }
  in_several_groups += groups.size() > 1 ? 1 : 0;
  AddTo(by_client_group_, groups, facts, &FundFacts::tallied_client_groups, overflow);
  AddTo(by_arrangement_, {facts.arrangements.begin(), facts.arrangements.end()}, facts,
        &FundFacts::tallied_arrangements, overflow);
}

std::vector<PoolGroup> PoolTally::ClientGroupsBySize() const {
  std::vector<PoolGroup> groups;
  for (const auto& [name, g] : by_client_group_) {
    groups.push_back(g);
  }
  std::sort(groups.begin(), groups.end(), [](const PoolGroup& a, const PoolGroup& b) {
    if (a.name.empty() != b.name.empty()) {
      return b.name.empty();
    }
    return a.pooled != b.pooled ? a.pooled > b.pooled : a.name < b.name;
  });
  return groups;
}

std::string PoolTally::Pounds(const Decimal& sum) const {
  return overflow ? "beyond range" : PoundsText(sum);
}

std::string PoolTally::Exact(const Decimal& sum) const {
  return overflow ? "beyond range" : sum.ToString(2);
}

PoolTally TallyPools(const CheckReport& report) {
  PoolTally tally;
  for (const FileResult& file : report.files) {
    if (file.facts) {
      tally.Add(*file.facts, file.path);
    }
  }
  return tally;
}

}  // namespace s75

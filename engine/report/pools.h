// Pooled money by client group and by arrangement: the one tally behind the
// register's totals and the HTML report's money table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/decimal.h"
#include "report/check_report.h"

namespace s75 {

// The agreements under one heading, and the money they pool.
struct PoolGroup {
  std::string name;  // "learning_disability"; "" for agreements naming no client group
  Decimal pooled;    // the pools of those agreements that state one
  int agreements = 0;
};

// Adds up agreements one at a time, so a sweep need not hold them. An
// agreement counts once under each client group and arrangement it names,
// with the pools of its funds that serve that group or use that arrangement
// (a format 1 agreement's one fund serves all it names): a fund serving
// several client groups counts its whole pool in each; `total` counts each
// agreement once.
class PoolTally {
 public:
  // Counts one readable agreement, found at `path`.
  void Add(const AgreementFacts& facts, const std::string& path);

  const std::map<std::string, PoolGroup>& by_client_group() const { return by_client_group_; }
  const std::map<std::string, PoolGroup>& by_arrangement() const { return by_arrangement_; }
  // By client group, the largest pool first and "" last.
  std::vector<PoolGroup> ClientGroupsBySize() const;

  // A sum of this tally for people (£1,250,000.50) or for machines
  // (1250000.50); "beyond range" when a sum overflowed, since none is exact then.
  std::string Pounds(const Decimal& sum) const;
  std::string Exact(const Decimal& sum) const;

  Decimal total;                          // every agreement's pool counted once
  Decimal revenue;                        // the revenue contributions of every agreement
  Decimal capital;                        // the capital contributions of every agreement
  int with_revenue = 0;                   // agreements stating revenue contributions
  int with_capital = 0;                   // agreements stating capital contributions
  bool overflow = false;                  // a sum went beyond Decimal's range: not shown
  int agreements = 0;                     // readable agreements counted
  int with_pool = 0;                      // of those, the ones that state a pool
  int in_several_groups = 0;              // ... that serve more than one client group
  int from_contributions = 0;             // ... whose pool is their contributions' sum
  std::vector<std::string> without_pool;  // paths of the agreements stating no pool

 private:
  std::map<std::string, PoolGroup> by_client_group_;
  std::map<std::string, PoolGroup> by_arrangement_;
};

// The tally of every readable agreement of a check run.
PoolTally TallyPools(const CheckReport& report);

}  // namespace s75

// The approaches of outturn.md's table: one variance of one fund, allocated
// to the partners to the penny by the fund's overspend or underspend approach.
#pragma once

#include <optional>

#include "outturn/outturn.h"
#include "outturn/terms.h"

namespace s75 {

// What an allocation reads besides the fund.
struct AllocationContext {
  std::optional<FinancialYear> year;  // the budget's year, for a fund with `years`
  // What the funds before this one drew from the risk fund for the same
  // year; zero under --scenarios, where each scenario has the whole amount.
  Decimal risk_drawn;
};

// Allocates `variance` (spend - budget) of `fund`: an overspend by its
// overspend approach, an underspend by its underspend approach, zero to
// nothing. Reads only what the approach needs; the fault of the first thing
// it needs that the agreement does not say, else nullopt with `out` set.
std::optional<CannotAllocate> Allocate(const Terms& t, const Node* fund, const Decimal& variance,
                                       const AllocationContext& context, Allocation& out);

}  // namespace s75

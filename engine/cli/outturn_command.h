// `s75check outturn`: who pays for an overspend and who gets an underspend
// (shared/spec/outturn.md).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/sweep_options.h"
#include "common/decimal.h"

namespace s75 {

struct OutturnCommand : SweepOptions {
  std::string spend;  // --spend as typed; "" for the recorded outturns
  std::string year;   // --year as typed; "" for the latest recorded
  std::string fund;   // --fund; "" for every fund
  bool scenarios = false;
};

// Exit status 0, or 2 when an agreement cannot be read, the options do not
// fit it (--fund naming no fund, --spend for several funds), a pool cannot be
// allocated, or the options or the output are bad.
int RunOutturnCommand(const OutturnCommand& cmd, std::ostream& out, std::ostream& err);

// A --spend amount: exact pounds, at most 2 decimal places, zero or more;
// thousands separated by commas and a leading £ are accepted
// ("£17,900,000.50"). nullopt for anything else.
std::optional<Decimal> ParseSpend(std::string_view text);

// What --spend was given instead of an amount, and how to write one.
std::string SpendError(std::string_view text);

}  // namespace s75

// --status and --live: which agreements a sweep reports. One filter for
// check, register, outturn and scorecard, applied in the sweep
// (driver/sweep.h): an agreement left out is neither reported nor counted; a
// file that cannot be read as an agreement is always reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "report/check_report.h"

namespace s75 {

struct AgreementFilter {
  std::vector<std::string> statuses;  // words of AgreementStatuses(); empty for any status
  bool live = false;                  // only agreements in force on the as-of date

  // True when --status or --live was given.
  bool Active() const { return !statuses.empty() || live; }
  // True when the agreement is reported: its StatusOn(as_of) is one of
  // `statuses` (any, when none is given) and, with `live`, it is LiveOn(as_of).
  bool Keeps(const AgreementFacts& facts, Date as_of) const;
  // What is counted, for a report's totals: "status: in_force, signed",
  // "status: signed; live", "live", or "every status" when not active.
  std::string Describe() const;
};

// The words --status takes: the format's `agreement.status` vocabulary
// (draft, signed, in_force, expired, terminated).
const std::vector<std::string>& AgreementStatuses();

// "" when `word` is one of AgreementStatuses(); else the usage error, naming them.
std::string CheckStatusWord(std::string_view word);

}  // namespace s75

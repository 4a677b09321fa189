// The outturn report: each agreement's allocations (outturn/outturn.h) and,
// over a sweep, what each kind of partner bears and how many pools are over
// or under budget. One model behind every format (text, json, markdown, csv),
// each a writer fed the agreements one at a time.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "outturn/outturn.h"

namespace s75 {

// The kinds of partner the sweep totals add up by.
enum class PartnerGroup { kNhs, kCouncil, kOther };
inline constexpr std::array<PartnerGroup, 3> kPartnerGroups = {
    PartnerGroup::kNhs, PartnerGroup::kCouncil, PartnerGroup::kOther};

// The group of a partner kind: NHS bodies (pct, ccg, icb, NHS trusts, NHS
// England, care trusts), councils (local_authority), others.
PartnerGroup GroupOf(std::string_view kind);

// "NHS bodies", "councils", "others"; and for machines "nhs", "council", "other".
std::string_view GroupName(PartnerGroup group);
std::string_view GroupKey(PartnerGroup group);

// Totals over the outturns of a sweep (not of --scenarios).
struct OutturnTotals {
  int agreements = 0;
  int unreadable = 0;    // agreements that could not be read
  int usage_errors = 0;  // agreements the options do not fit (--fund, --spend)
  int overspent = 0;     // pools (funds) whose outturn is over budget
  int underspent = 0;
  int on_budget = 0;
  int no_outturn = 0;             // pools with no outturn recorded (for --year)
  int cannot_allocate = 0;        // pools whose outturn the agreement does not say how to allocate
  std::array<Decimal, 3> pays{};  // overspends borne, by PartnerGroup
  std::array<Decimal, 3> receives{};  // underspends returned, by PartnerGroup
  Decimal from_risk_funds;            // overspends met from risk funds
  Decimal carried_forward;            // underspends left in the pools
  bool overflow = false;              // a sum went beyond Decimal's range: the sums are not shown
};

// What a whole outturn report is about, and its totals so far.
struct OutturnReport {
  Date as_of;
  std::string tool_version;
  bool scenarios = false;             // --scenarios: tables of overspends that might happen
  bool sweep = false;                 // several files or a directory: totals are shown
  std::optional<FinancialYear> year;  // --year, for "no outturn recorded for 2005/06"
  OutturnTotals totals;
};

// Counts an agreement in the totals.
void CountOutturn(const AgreementOutturn& agreement, OutturnTotals& totals);

// The exit status the totals call for (outturn.md): 2 when an agreement
// could not be read, the options do not fit one, or a pool cannot be
// allocated; else 0.
int OutturnExitStatus(const OutturnTotals& totals);

// One output format, written as the sweep goes: a sweep of any size is never
// held whole. Called from one thread at a time, agreements in path order.
class OutturnWriter {
 public:
  virtual ~OutturnWriter() = default;
  // Before the first agreement.
  virtual void Begin(const OutturnReport& /*report*/, std::ostream& /*out*/) {}
  // Each agreement, as soon as it and every one before it are done.
  virtual void Agreement(const OutturnReport& report, const AgreementOutturn& agreement,
                         std::ostream& out) = 0;
  // After the last: `report.totals` counts every agreement.
  virtual void End(const OutturnReport& /*report*/, std::ostream& /*out*/) {}
  // After End: why the report could not be written, or "" when it was.
  virtual std::string Failure() const { return ""; }
};

// The writer of `format` (text, json, markdown, csv or xlsx); null for another.
std::unique_ptr<OutturnWriter> MakeOutturnWriter(std::string_view format);

// The outturn report's formats.
std::vector<std::string_view> OutturnFormats();

}  // namespace s75

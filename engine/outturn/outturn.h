// The outturn stage: what an agreement's year-end approach means in pounds
// (shared/spec/outturn.md). Fed the loaded document, beside the evaluator:
// it reads the model's `funds` (a format 1 file's one fund included) and the
// agreement's `risk_fund`, runs no rules and does no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "common/source_range.h"
#include "load/document.h"

namespace s75 {

// Why a fund's variance cannot be allocated: the agreement does not say
// enough. Names the rule that flags the same fault, at the field at fault
// (or, when it is absent, the nearest one written).
struct CannotAllocate {
  std::string rule;     // "FIN.04"
  SourceRange where;    // file:line:col
  std::string path;     // "finance.overspend"
  std::string message;  // what is missing and how to say it
};

// A partner as the outturn names it.
struct OutturnPartner {
  std::string id;
  std::string name;
  std::string kind;  // as written: "pct", "local_authority", ...
};

// One partner's part of an allocation.
struct PartnerPart {
  OutturnPartner partner;
  // What the part was worked out from: the partner's contribution under a
  // proportional approach, its share under a share approach; none for host.
  std::optional<Decimal> basis;
  Decimal first;    // borne first, as host (host_first_then_proportional)
  Decimal shared;   // its part of what is shared
  Decimal total;    // first + shared: what it pays or receives
  Decimal percent;  // its basis as a percentage of all, 2 places (proportional only)
};

enum class Balance { kOverspend, kUnderspend, kOnBudget };

// What an approach makes of an overspend or underspend.
struct Allocation {
  std::string approach;  // "host_first_then_proportional"; "" when on budget
  SourceRange at;        // where the approach's mapping is written
  std::string path;      // its path, "finance.overspend"
  Balance balance = Balance::kOnBudget;
  Decimal amount;                // the overspend or underspend (zero or more)
  std::string host;              // host, host_first_then_proportional: the host's id
  Decimal host_first;            // host_first_then_proportional: the host_first_amount stated
  bool has_risk_amount = false;  // risk_fund: the risk fund states an amount
  Decimal risk_amount;           // ... that amount
  Decimal risk_left;             // ... what was left of it for this fund
  Decimal from_risk_fund;        // ... what this fund met from it
  Decimal shared;                // what the parts share (amount less first or risk fund)
  // Every partner, in `partners` order; empty when nothing is paid out
  // (carry_forward, each_partner_own, on budget).
  std::vector<PartnerPart> parts;
};

// One fund's outturn, allocated or not.
struct FundOutturn {
  std::string fund;                   // the fund's id; "" for a format 1 agreement's fund
  std::optional<FinancialYear> year;  // of the outturn; none when --spend had none
  // "actual", "forecast", "given" (--spend), or "outturn" for a recorded
  // entry that cannot be read (then only `cannot` is set)
  std::string kind;
  std::optional<Date> reported_on;
  Decimal spend;
  Decimal budget;
  Decimal variance;             // spend - budget
  bool variance_known = false;  // the budget could be read
  std::optional<Allocation> allocation;
  std::optional<CannotAllocate> cannot;  // set instead of allocation
};

// An overspend of a fund that might happen, and who would pay it.
struct Scenario {
  std::string label;  // "1%", "2.5%", "5%", "10%", "host_first_amount", "twice host_first_amount"
  Allocation allocation;
};

// The --scenarios table of one fund.
struct FundScenarios {
  std::string fund;
  std::optional<FinancialYear> year;  // of the budget, for a fund with `years`
  Decimal budget;
  std::vector<Scenario> rows;
  std::optional<CannotAllocate> cannot;  // set instead of rows
  // A fund with no money in common (not pooled, with no pool total and no
  // contributions, such as a delegation of functions): no rows, nothing to share.
  bool no_money = false;
};

// What `outturn` asks of each agreement.
struct OutturnOptions {
  std::optional<Decimal> spend;       // --spend; else the recorded outturns
  std::optional<FinancialYear> year;  // --year
  std::string fund;                   // --fund; "" for every fund
  bool scenarios = false;             // --scenarios instead of an outturn
  Date as_of;  // recorded outturns reported after this date are not yet known
};

// One agreement's outturns.
struct AgreementOutturn {
  std::string path;
  std::string agreement_id;
  std::vector<OutturnPartner> partners;  // in `partners` order
  // Why nothing could be read: the loader's DOC finding, "" when read.
  std::string unreadable;
  // An option this agreement cannot take: --fund naming no fund, --spend
  // for an agreement of several funds without --fund. "" when none.
  std::string usage_error;
  std::vector<FundOutturn> funds;            // the outturns, in `funds` order
  std::vector<std::string> without_outturn;  // funds with none recorded (for --year)
  std::vector<FundScenarios> scenarios;      // --scenarios, in `funds` order
};

// The outturns of a loaded, validated agreement (Document::version set).
AgreementOutturn ComputeOutturn(const Document& doc, const OutturnOptions& options);

}  // namespace s75

// The results of a check run: what every reporter is fed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "common/finding.h"

namespace s75 {

// A partner as the register lists it.
struct PartnerFacts {
  std::string id;
  std::string name;
  std::string kind;  // "pct", "local_authority", ...
  std::string role;  // "host", "partner" or ""
  bool has_signed = false;
};

enum class Signatures { kNone, kSome, kAll };

// A fund as the register lists it: a format 2 fund, or the one fund a format
// 1 agreement is read as (id `main`, from `host` and `finance`).
struct FundFacts {
  std::string id;
  std::string name;
  std::string arrangement;  // "pooled_fund", ...; "" when absent
  std::string host;         // the host partner's id; "" when absent
  bool pooled = false;      // a pooled fund: arrangement pooled_fund, or pooled: true
  // The arrangements and client groups its money counts under in the
  // register's totals: its own (format 1: the agreement's); "" for none.
  std::vector<std::string> tallied_arrangements;
  std::vector<std::string> tallied_client_groups;
  // The financial year of the figures: the latest its contributions name (a
  // fund with per-year contributions: the sums below are that year's), else
  // its `year`; "" for none.
  std::string year;
  std::optional<Decimal> pool_total;  // pool_total, else the contributions' sum
  bool pool_from_contributions = false;
  std::optional<Decimal> revenue;  // contributions of type revenue (the default)
  std::optional<Decimal> capital;  // contributions of type capital
};

// The latest outturn of an agreement, as the register shows it: the latest
// financial year for which any fund records an outturn known on the as-of
// date (each fund's entry for that year chosen as `outturn` chooses it),
// summed over the funds recording that year. Funds whose latest outturn is
// of an earlier year are not in the sums.
struct OutturnFacts {
  std::string year;                 // "2005/06"
  std::string kind;                 // "actual", "forecast", or "actual and forecast"
  Decimal spend;                    // the funds' spend that year, summed
  std::optional<Decimal> variance;  // spend - budget summed; none when a budget is unknown
};

// An agreement's outcomes by the scorecard's status on the as-of date, as
// red, amber and green: red is red or missed, green is green or met, and
// no data every status that is not scored (no data, too little data, due
// with no outturn, not rated).
struct OutcomeCounts {
  int red = 0;
  int amber = 0;
  int green = 0;
  int no_data = 0;
};

// What the register shows of one agreement, read from the values that passed
// validation (a value with a type error counts as absent, as it does for rules).
struct AgreementFacts {
  std::string title;
  std::string status;  // as written: "draft", "in_force", ...; "" when absent
  std::string legal_basis;
  std::string financial_model;
  std::vector<std::string> arrangements;
  std::vector<std::string> client_groups;  // scope's, then any more of the funds'
  std::vector<PartnerFacts> partners;
  int version = 0;  // the format version: 1 or 2
  // Format 1: host.partner, else the partner whose role is host; format 2:
  // the funds' hosts, each once, joined by "; ".
  std::string host;
  std::vector<FundFacts> funds;
  std::optional<Decimal> pool_total;     // the funds' pool totals summed (format 1: its one fund's)
  bool pool_from_contributions = false;  // some fund's pool is its contributions' sum
  std::optional<Decimal> revenue;        // the funds' revenue contributions summed
  std::optional<Decimal> capital;        // the funds' capital contributions summed
  std::optional<Date> commencement;
  // The latest extension's `to`, else term.expiry, else commencement +
  // duration_months; none for a rolling term.
  std::optional<Date> expiry;
  // As of the run's date (set for the register's sweep, see CheckOptions).
  std::optional<OutturnFacts> outturn;  // none when no fund records an outturn
  OutcomeCounts outcomes;

  Signatures Signed() const;
  // Expired on `as_of`: status `expired`, or past the expiry date (not terminated).
  bool ExpiredOn(Date as_of) const;
  // The status on `as_of`, as --status matches it: `expired` when ExpiredOn,
  // else the status as written ("" when absent).
  std::string StatusOn(Date as_of) const;
  // In force on `as_of` (--live): status `in_force`, or `signed` with the
  // commencement on or before `as_of`; and not ExpiredOn, a rolling term
  // having no expiry.
  bool LiveOn(Date as_of) const;
};

struct FileResult {
  std::string path;
  std::string agreement_id;             // "" when unknown
  bool checked = false;                 // false: DOC.01, DOC.06 or DOC.07 stopped it
  std::vector<Finding> findings;        // sorted
  std::optional<AgreementFacts> facts;  // set when checked
  int baselined = 0;                    // findings removed because the baseline holds them
};

struct Summary {
  int files = 0;
  int unreadable = 0;
  int error = 0;
  int warning = 0;
  int info = 0;
  int waived = 0;
  int baselined = 0;  // not reported: the baseline holds them

  // Adds another file's (or run's) counts.
  Summary& operator+=(const Summary& other);
};

// A rule a report lists (JUnit testcases, SARIF rule descriptors), described
// as `s75check rules` documents it.
struct RuleRef {
  std::string id;      // "T1.07"
  std::string slug;    // "contributions-and-year-end"
  std::string family;  // "T1"
  std::string title;   // what the rule requires, one sentence
  std::string description;
  std::string remediation;
  Severity severity = Severity::kError;  // before any conditional severity
  std::string severity_text;             // "warning; error if ...", or the severity alone
  std::vector<std::string> references;
};

struct CheckReport {
  std::string tool_version;
  std::string tool_information_uri;  // where the tool is documented (SARIF informationUri)
  Date as_of;
  std::vector<FileResult> files;  // sorted by path
  std::vector<RuleRef> rules;     // the rules run, and any other a finding names; by id
  bool baseline_used = false;     // findings were filtered through a baseline
  std::vector<RuleRef> known;     // every rule the packs define, run or not, in id order

  // Counts of unwaived findings by severity, waived and baselined ones, and
  // unchecked files.
  Summary Summarize() const;
  // True when rule `id` was run (selected).
  bool Ran(std::string_view id) const;
};

// " [MTAE para 37; HFD R1]", or "" when the finding cites nothing.
std::string ReferencesText(const Finding& f);

// "REASON; approved by WHO; expires DATE" (no expiry when the waiver has none).
std::string WaiverJustification(const WaiverInfo& w);

// " (waived: REASON; approved by WHO; expires DATE)", or "" when not waived.
std::string WaiverText(const Finding& f);

// Counts for one file.
Summary SummarizeFile(const FileResult& file);

// Counts one finding into `s`: as waived, or by its severity.
void CountFinding(const Finding& f, Summary& s);

}  // namespace s75

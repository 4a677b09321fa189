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

// What the register shows of one agreement, read from the values that passed
// validation (a value with a type error counts as absent, as it does for rules).
struct AgreementFacts {
  std::string title;
  std::string status;  // as written: "draft", "in_force", ...; "" when absent
  std::string legal_basis;
  std::string financial_model;
  std::vector<std::string> arrangements;
  std::vector<std::string> client_groups;
  std::vector<PartnerFacts> partners;
  std::string host;                   // host.partner, else the partner whose role is host
  std::optional<Decimal> pool_total;  // finance.pool_total, else the contributions' sum
  bool pool_from_contributions = false;
  std::optional<Date> commencement;
  std::optional<Date> expiry;  // term.expiry, else commencement + duration_months

  Signatures Signed() const;
  // Expired on `as_of`: status `expired`, or past the expiry date (not terminated).
  bool ExpiredOn(Date as_of) const;
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

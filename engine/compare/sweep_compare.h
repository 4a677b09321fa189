// Two sweeps compared, year on year: agreements matched by `agreement.id`,
// never by path, so moving or renaming files changes nothing. For each
// agreement on both sides its status, compliance, pooled money and the
// findings introduced and resolved; agreements added and removed; totals then
// and now. An id that two files share on one side is reported, not guessed
// at: those files are matched with nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "compare/finding_changes.h"
#include "report/check_report.h"
#include "report/pools.h"

namespace s75 {

// One agreement of a sweep, as compared.
struct SweptAgreement {
  std::string id;  // agreement.id
  std::string path;
  std::string title;
  std::string status;             // agreement.status as written; "" when absent
  bool compliant = false;         // no unwaived error
  std::optional<Decimal> pooled;  // its funds' pool totals
  bool facts = false;  // status and pooled are known (not from a report saved without --facts)
  std::vector<Finding> findings;  // unwaived
};

// One sweep, a file at a time.
struct SweepSide {
  std::map<std::string, SweptAgreement> by_id;  // agreements whose id is theirs alone
  std::map<std::string, std::vector<std::string>>
      shared;                             // an id two or more files give: the paths
  std::vector<std::string> unidentified;  // files with no readable agreement.id
  int files = 0;
  int compliant = 0;                         // checked, with no unwaived error
  std::map<std::string, int> family_counts;  // unwaived findings by family ("T1", "DOC")
  PoolTally pools;                           // of every readable agreement
  PoolTally live_pools;                      // of those in force on the as-of date (LiveOn)
  OutcomeCounts outcomes;  // every readable agreement's outcomes by scorecard status
  int with_facts = 0;      // files whose facts were read
  bool facts = true;       // false: a saved report without facts (saved without --facts)
  // A saved report's own as-of date, which its live pools are counted on;
  // none for a directory, checked as of the comparison's date.
  std::optional<Date> as_of;
};

// Adds one file of a sweep, checked as of `as_of`.
void AddToSide(SweepSide& side, const FileResult& file, Date as_of);

// An agreement on both sides that differs in status, compliance, money or findings.
struct AgreementChange {
  SweptAgreement before;  // findings left out: see `findings`
  SweptAgreement after;
  FindingChanges findings;
};

struct SweepComparison {
  Date as_of;
  std::vector<SweptAgreement> added;     // ids only the newer sweep has, by id
  std::vector<SweptAgreement> removed;   // ids only the older sweep has, by id
  std::vector<AgreementChange> changed;  // by id
  int unchanged = 0;
  const SweepSide* before = nullptr;  // the sides, for their totals and the ids they share
  const SweepSide* after = nullptr;

  // The date each side was checked as of: a saved report's own, else `as_of`.
  Date BeforeAsOf() const { return before->as_of.value_or(as_of); }
  Date AfterAsOf() const { return after->as_of.value_or(as_of); }
};

// The comparison of two sweeps; the result points into both sides.
SweepComparison CompareSweeps(const SweepSide& before, const SweepSide& after, Date as_of);

}  // namespace s75

// Views of a check run that the summary formats (HTML) draw: findings counted
// by rule family and the compliance matrix of agreements against one family's
// rules (pooled money is report/pools.h). Pure functions of a CheckReport.
#pragma once

#include <string>
#include <vector>

#include "common/decimal.h"
#include "report/check_report.h"

namespace s75 {

// One rule family's findings: unwaived ones by severity, and waived ones
// (`counts.files` and `counts.unreadable` stay 0).
struct FamilyCounts {
  std::string family;  // "T1"
  Summary counts;

  // Every finding of the family, waived ones included.
  int Total() const { return counts.error + counts.warning + counts.info + counts.waived; }
};

// A family for every rule run and every finding, in the catalogue's family
// order; the counts add up to CheckReport::Summarize().
std::vector<FamilyCounts> CountByFamily(const CheckReport& report);

// What one agreement shows against one rule.
enum class CellState {
  kPass,        // the rule ran and found nothing
  kInfo,        // its worst unwaived finding is info
  kWarning,     // ... a warning
  kError,       // ... an error
  kWaived,      // every finding it made is waived
  kNotRun,      // the rule was not selected
  kUnreadable,  // the file could not be checked at all
};

// One cell of the matrix: an agreement against one rule.
struct MatrixCell {
  CellState state = CellState::kPass;
  int findings = 0;  // the rule's findings in the file, waived ones included
};

// One agreement file: a cell per column of the matrix.
struct MatrixRow {
  const FileResult* file = nullptr;
  std::vector<MatrixCell> cells;
};

// Agreements (rows) against the rules of one family and, after them, whole
// families (columns).
struct ComplianceMatrix {
  std::vector<RuleRef> columns;       // the family's rules, in id order
  std::vector<std::string> families;  // whole families: "DATE"
  std::vector<MatrixRow> rows;        // one per file, in the report's order
};

// Every file of `report` against every rule of `family` the packs define
// (whether it ran or not), then against each of `families` as a whole: the
// worst finding of any of its rules, "not run" when none of them ran.
ComplianceMatrix BuildMatrix(const CheckReport& report, const std::string& family,
                             const std::vector<std::string>& families = {});
// The rows point into the report, so it cannot be a temporary.
ComplianceMatrix BuildMatrix(const CheckReport&& report, const std::string& family,
                             const std::vector<std::string>& families = {}) = delete;

// "aims-and-outcomes" or "learning_disability" as words: "Aims and outcomes".
std::string Humanise(const std::string& name);

}  // namespace s75

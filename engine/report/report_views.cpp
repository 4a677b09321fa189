#include "report/report_views.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "report/rule_docs.h"

namespace s75 {

namespace {

CellState StateOf(Severity worst) {
  switch (worst) {
    case Severity::kError:
      return CellState::kError;
    case Severity::kWarning:
      return CellState::kWarning;
    case Severity::kInfo:
      return CellState::kInfo;
  }
  return CellState::kError;
}

// The worst unwaived finding of `file` that `belongs` picks; kWaived when
// every one it picks is waived, kPass when it picks none.
template <typename Pick>
MatrixCell Worst(const FileResult& file, Pick belongs) {
  MatrixCell cell;
  std::optional<Severity> worst;
  for (const Finding& f : file.findings) {
    if (!belongs(f)) {
      continue;
    }
    ++cell.findings;
    if (!f.waived() && (!worst || f.severity > *worst)) {
      worst = f.severity;
    }
  }
  if (worst) {
    cell.state = StateOf(*worst);
  } else if (cell.findings > 0) {
    cell.state = CellState::kWaived;
  }
  return cell;
}

MatrixCell Cell(const CheckReport& report, const FileResult& file, const std::string& rule) {
  if (!file.checked) {
    return {CellState::kUnreadable, 0};
  }
  if (!report.Ran(rule)) {
    return {CellState::kNotRun, 0};
  }
  return Worst(file, [&rule](const Finding& f) { return f.rule == rule; });
}

// A whole family's cell: not run when none of its rules was selected.
MatrixCell FamilyCell(const CheckReport& report, const FileResult& file,
                      const std::string& family) {
  if (!file.checked) {
    return {CellState::kUnreadable, 0};
  }
  bool ran = std::any_of(report.rules.begin(), report.rules.end(),
                         [&family](const RuleRef& r) { return RuleFamily(r.id) == family; });
  if (!ran) {
    return {CellState::kNotRun, 0};
  }
  return Worst(file, [&family](const Finding& f) { return RuleFamily(f.rule) == family; });
}

}  // namespace

std::vector<FamilyCounts> CountByFamily(const CheckReport& report) {
  std::map<std::string, FamilyCounts> by_family;
  for (const RuleRef& r : report.rules) {
    by_family[std::string(RuleFamily(r.id))].family = RuleFamily(r.id);
  }
  for (const FileResult& file : report.files) {
    for (const Finding& f : file.findings) {
      FamilyCounts& counts = by_family[std::string(RuleFamily(f.rule))];
      counts.family = RuleFamily(f.rule);
      CountFinding(f, counts.counts);
    }
  }
  std::vector<FamilyCounts> out;
  out.reserve(by_family.size());
  for (auto& [family, counts] : by_family) {
    out.push_back(std::move(counts));
  }
  std::sort(out.begin(), out.end(), [](const FamilyCounts& a, const FamilyCounts& b) {
    return FamilyBefore(a.family, b.family);
  });
  return out;
}

ComplianceMatrix BuildMatrix(const CheckReport& report, const std::string& family,
                             const std::vector<std::string>& families) {
  ComplianceMatrix matrix;
  matrix.families = families;
  for (const RuleRef& r : report.known) {
    if (RuleFamily(r.id) == family) {
      matrix.columns.push_back(r);
    }
  }
  for (const FileResult& file : report.files) {
    MatrixRow row{&file, {}};
    for (const RuleRef& column : matrix.columns) {
      row.cells.push_back(Cell(report, file, column.id));
    }
    for (const std::string& whole : families) {
      row.cells.push_back(FamilyCell(report, file, whole));
    }
    matrix.rows.push_back(std::move(row));
  }
  return matrix;
}

std::string Humanise(const std::string& name) {
  std::string out = name;
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
  if (!out.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

}  // namespace s75

#include "common/finding.h"

#include <algorithm>
#include <tuple>

namespace s75 {

std::string ExpectedFinding::ToString() const {
  return "expect " + rule + (path.empty() ? "" : " at " + path) +
         (line > 0 ? " line " + std::to_string(line) : "");
}

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (std::tie(a.range.file, a.range.line, a.range.column) !=
        std::tie(b.range.file, b.range.line, b.range.column)) {
      return std::tie(a.range.file, a.range.line, a.range.column) <
             std::tie(b.range.file, b.range.line, b.range.column);
    }
    // Catalogue ids pad their numbers (T1.07), so text order is id order.
    return std::tie(a.rule, a.message) < std::tie(b.rule, b.message);
  });
}

}  // namespace s75

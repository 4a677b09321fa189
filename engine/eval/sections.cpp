#include "eval/sections.h"

#include <algorithm>
#include <string>

namespace s75 {

namespace {

// "`term.termination`": where the section would be written.
std::string SectionPath(const AbsentSection& s) {
  std::string home = NodePath(s.home);
  return "`" + (home.empty() ? "" : home + ".") + s.field->name + "`";
}

Finding Merged(const std::vector<const Finding*>& group, const AbsentSection& section) {
  Finding merged = *group.front();
  std::string items;
  for (const Finding* f : group) {
    merged.severity = std::max(merged.severity, f->severity);
    items += (items.empty() ? "" : "; ") + f->message;
  }
  merged.message = SectionPath(section) + " is missing as a whole, so none of the " +
                   std::to_string(group.size()) + " items this rule asks of it is given: " + items;
  return merged;
}

}  // namespace

void MergeAbsentSections(std::vector<Finding>& findings, const std::vector<SectionMark>& marks) {
  std::vector<bool> drop(findings.size(), false);
  std::vector<bool> done(marks.size(), false);
  for (size_t i = 0; i < marks.size(); ++i) {
    if (done[i]) {
      continue;
    }
    std::vector<size_t> same;
    for (size_t j = i; j < marks.size(); ++j) {
      if (!done[j] && marks[j].section == marks[i].section) {
        same.push_back(j);
        done[j] = true;
      }
    }
    if (same.size() < 2) {
      continue;
    }
    std::vector<const Finding*> group;
    for (size_t j : same) {
      group.push_back(&findings[marks[j].finding]);
      drop[marks[j].finding] = true;
    }
    Finding merged = Merged(group, marks[i].section);
    findings[marks[i].finding] = std::move(merged);
    drop[marks[i].finding] = false;
  }
  size_t kept = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!drop[i]) {
      if (kept != i) {
        findings[kept] = std::move(findings[i]);
      }
      ++kept;
    }
  }
  findings.resize(kept);
}

}  // namespace s75

#include "compare/finding_changes.h"

#include <map>

#include "driver/baseline.h"

namespace s75 {

namespace {

// The key `f` is matched on, its path read by `path_of`; the file is no part
// of it (the two sides are different files). Without `message`, the message
// is left out too.
BaselineKey MatchKey(const Finding& f, const FindingPathOf& path_of, Date as_of, bool message) {
  Finding keyed = f;
  keyed.path = path_of(f);
  if (!message) {
    keyed.message.clear();
  }
  return BaselineKeyOf("", keyed, as_of);
}

// One pass: each finding after not yet matched is paired with the first
// unmatched one before with the same key.
void MatchPass(const std::vector<Finding>& before, const FindingPathOf& before_path,
               const std::vector<Finding>& after, const FindingPathOf& after_path, Date as_of,
               bool message, std::vector<bool>& before_matched, std::vector<bool>& after_matched) {
  std::map<BaselineKey, std::vector<size_t>> waiting;
  for (size_t i = before.size(); i-- > 0;) {
    if (!before_matched[i]) {
      waiting[MatchKey(before[i], before_path, as_of, message)].push_back(i);
    }
  }
  for (size_t i = 0; i < after.size(); ++i) {
    if (after_matched[i]) {
      continue;
    }
    auto it = waiting.find(MatchKey(after[i], after_path, as_of, message));
    if (it != waiting.end() && !it->second.empty()) {
      before_matched[it->second.back()] = true;
      it->second.pop_back();
      after_matched[i] = true;
    }
  }
}

// Waived findings count as matched: they are accepted, never compared.
std::vector<bool> Waived(const std::vector<Finding>& findings) {
  std::vector<bool> out(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    out[i] = findings[i].waived();
  }
  return out;
}

}  // namespace

FindingChanges CompareFindings(const std::vector<Finding>& before, const FindingPathOf& before_path,
                               const std::vector<Finding>& after, const FindingPathOf& after_path,
                               Date as_of, bool reworded) {
  std::vector<bool> before_matched = Waived(before);
  std::vector<bool> after_matched = Waived(after);
  MatchPass(before, before_path, after, after_path, as_of, true, before_matched, after_matched);
  if (reworded) {
    MatchPass(before, before_path, after, after_path, as_of, false, before_matched, after_matched);
  }
  FindingChanges out;
  for (size_t i = 0; i < after.size(); ++i) {
    if (!after[i].waived()) {
      (after_matched[i] ? out.unchanged : out.introduced).push_back(after[i]);
    }
  }
  for (size_t i = 0; i < before.size(); ++i) {
    if (!before_matched[i]) {
      out.resolved.push_back(before[i]);
    }
  }
  return out;
}

}  // namespace s75

#include "compare/sweep_compare.h"

#include <algorithm>

namespace s75 {

namespace {

// "T1" of "T1.07"; "DOC" of "DOC.01".
std::string Family(const std::string& rule) { return rule.substr(0, rule.find('.')); }

SweptAgreement Swept(const FileResult& file) {
  SweptAgreement a{file.agreement_id, file.path, "", "", file.checked, std::nullopt, false, {}};
  if (file.facts) {
    a.title = file.facts->title;
    a.status = file.facts->status;
    a.pooled = file.facts->pool_total;
    a.facts = true;
  }
  for (const Finding& f : file.findings) {
    if (!f.waived()) {
      a.findings.push_back(f);
      a.compliant = a.compliant && f.severity != Severity::kError;
    }
  }
  return a;
}

// Files an id may not be matched by: a second file giving it makes it shared.
void AddById(SweepSide& side, SweptAgreement a) {
  if (auto shared = side.shared.find(a.id); shared != side.shared.end()) {
    shared->second.push_back(a.path);
    return;
  }
  auto it = side.by_id.find(a.id);
  if (it != side.by_id.end()) {
    side.shared[a.id] = {it->second.path, a.path};
    side.by_id.erase(it);
    return;
  }
  std::string id = a.id;
  side.by_id.emplace(std::move(id), std::move(a));
}

bool SameFindings(const FindingChanges& f) { return f.introduced.empty() && f.resolved.empty(); }

}  // namespace

void AddToSide(SweepSide& side, const FileResult& file, Date as_of) {
  ++side.files;
  SweptAgreement a = Swept(file);
  side.compliant += a.compliant ? 1 : 0;
  for (const Finding& f : a.findings) {
    ++side.family_counts[Family(f.rule)];
  }
  if (file.facts) {
    ++side.with_facts;
    const OutcomeCounts& o = file.facts->outcomes;
    side.outcomes.red += o.red;
    side.outcomes.amber += o.amber;
    side.outcomes.green += o.green;
    side.outcomes.no_data += o.no_data;
    side.pools.Add(*file.facts, file.path);
    if (file.facts->LiveOn(as_of)) {  // as the register counts live agreements
      side.live_pools.Add(*file.facts, file.path);
    }
  }
  if (a.id.empty()) {
    side.unidentified.push_back(file.path);
  } else {
    AddById(side, std::move(a));
  }
}

SweepComparison CompareSweeps(const SweepSide& before, const SweepSide& after, Date as_of) {
  SweepComparison out{as_of, {}, {}, {}, 0, &before, &after};
  auto as_given = [](const Finding& f) { return f.path; };
  for (const auto& [id, was] : before.by_id) {
    auto now = after.by_id.find(id);
    if (now == after.by_id.end()) {
      if (after.shared.count(id) == 0) {
        out.removed.push_back(was);
      }
      continue;
    }
    AgreementChange c{
        was, now->second,
        CompareFindings(was.findings, as_given, now->second.findings, as_given, as_of)};
    c.before.findings.clear();
    c.after.findings.clear();
    // Status and money compare only where both sides know them: a report
    // saved without --facts does not, and that is no change.
    bool known = was.facts && c.after.facts;
    bool same = was.compliant == c.after.compliant && SameFindings(c.findings) &&
                (!known || (was.status == c.after.status && was.pooled == c.after.pooled));
    if (same) {
      ++out.unchanged;
    } else {
      out.changed.push_back(std::move(c));
    }
  }
  for (const auto& [id, now] : after.by_id) {
    if (before.by_id.count(id) == 0 && before.shared.count(id) == 0) {
      out.added.push_back(now);
    }
  }
  return out;
}

}  // namespace s75

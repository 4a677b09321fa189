#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "common/join.h"
#include "compare/compare_report.h"
#include "compare/format_dispatch.h"
#include "report/markdown_reporter.h"
#include "report/money.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

// "T1.07 ×2, DATE.04": findings counted by rule, in rule order.
std::string ByRule(const std::vector<Finding>& findings) {
  std::map<std::string, int> counts;
  for (const Finding& f : findings) {
    ++counts[f.rule];
  }
  std::vector<std::string> parts;
  for (const auto& [rule, n] : counts) {
    parts.push_back(n == 1 ? rule : rule + " ×" + std::to_string(n));
  }
  return Join(parts, ", ");
}

std::string Money(const std::optional<Decimal>& amount) {
  return amount ? PoundsText(*amount) : "none stated";
}

std::string YesNo(bool b) { return b ? "yes" : "no"; }

std::string OrNone(const std::string& s) { return s.empty() ? "none" : s; }

// The lines that say how one agreement changed: "status: draft -> in_force".
std::vector<std::string> ChangeLines(const AgreementChange& c) {
  std::vector<std::string> out;
  if (c.before.status != c.after.status) {
    out.push_back("status: " + OrNone(c.before.status) + " -> " + OrNone(c.after.status));
  }
  if (c.before.compliant != c.after.compliant) {
    out.push_back("compliant: " + YesNo(c.before.compliant) + " -> " + YesNo(c.after.compliant));
  }
  if (c.before.pooled != c.after.pooled) {
    out.push_back("pooled: " + Money(c.before.pooled) + " -> " + Money(c.after.pooled));
  }
  if (!c.findings.introduced.empty()) {
    out.push_back("introduced: " + ByRule(c.findings.introduced));
  }
  if (!c.findings.resolved.empty()) {
    out.push_back("resolved: " + ByRule(c.findings.resolved));
  }
  return out;
}

// The totals then and now, as rows of (what, then, now).
std::vector<std::array<std::string, 3>> Totals(const SweepComparison& c) {
  const SweepSide& a = *c.before;
  const SweepSide& b = *c.after;
  std::vector<std::array<std::string, 3>> rows = {
      {"agreement files", std::to_string(a.files), std::to_string(b.files)},
      {"compliant", std::to_string(a.compliant), std::to_string(b.compliant)},
      {"pooled (all)", a.pools.Pounds(a.pools.total), b.pools.Pounds(b.pools.total)},
      {"pooled (live)", a.live_pools.Pounds(a.live_pools.total),
       b.live_pools.Pounds(b.live_pools.total)}};
  std::map<std::string, std::pair<int, int>> families;
  for (const auto& [family, n] : a.family_counts) {
    families[family].first = n;
  }
  for (const auto& [family, n] : b.family_counts) {
    families[family].second = n;
  }
  for (const auto& [family, n] : families) {
    rows.push_back({"findings " + family, std::to_string(n.first), std::to_string(n.second)});
  }
  return rows;
}

// "id (title)".
std::string Named(const SweptAgreement& a) {
  return a.title.empty() ? a.id : a.id + " (" + a.title + ")";
}

// The ids a side's files share, "id: path, path", in id order.
std::vector<std::string> Shared(const SweepSide& side) {
  std::vector<std::string> out;
  for (const auto& [id, paths] : side.shared) {
    out.push_back(id + ": " + Join(paths, ", "));
  }
  return out;
}

std::string CountsLine(const SweepComparison& c) {
  return std::to_string(c.added.size()) + " added, " + std::to_string(c.removed.size()) +
         " removed, " + std::to_string(c.changed.size()) + " changed, " +
         std::to_string(c.unchanged) + " unchanged";
}

void WriteText(const SweepComparison& c, std::ostream& out) {
  out << "Agreements compared by id, as of " << c.as_of.ToString() << ": " << CountsLine(c) << "\n";
  auto list = [&](std::string_view title, const std::vector<SweptAgreement>& agreements) {
    out << (agreements.empty() ? "" : "\n" + std::string(title) + "\n");
    for (const SweptAgreement& a : agreements) {
      out << "  " << Named(a) << "\n";
    }
  };
  list("Added", c.added);
  list("Removed", c.removed);
  out << (c.changed.empty() ? "" : "\nChanged\n");
  for (const AgreementChange& change : c.changed) {
    out << "  " << Named(change.after) << "\n";
    for (const std::string& line : ChangeLines(change)) {
      out << "    " << line << "\n";
    }
  }
  for (const auto& [when, side] : {std::pair{"then", c.before}, {"now", c.after}}) {
    for (const std::string& line : Shared(*side)) {
      out << "\nOne agreement id in several files " << when << " (not compared): " << line << "\n";
    }
    if (!side->unidentified.empty()) {
      out << "\nFiles with no agreement id " << when
          << " (not compared): " << side->unidentified.size() << "\n";
    }
  }
  out << "\nTotals: then -> now\n";
  for (const auto& [what, then, now] : Totals(c)) {
    out << "  " << what << ": " << then << " -> " << now << "\n";
  }
}

Json AgreementJson(const SweptAgreement& a) {
  return Json{{"id", a.id},
              {"title", a.title},
              {"status", a.status},
              {"compliant", a.compliant},
              {"pooled", a.pooled ? Json(a.pooled->ToString()) : Json()}};
}

Json RuleCounts(const std::vector<Finding>& findings) {
  Json out = Json::object();
  for (const Finding& f : findings) {
    out[f.rule] = out.value(f.rule, 0) + 1;
  }
  return out;
}

void WriteJson(const SweepComparison& c, std::ostream& out) {
  Json doc = {{"as_of", c.as_of.ToString()},
              {"added", Json::array()},
              {"removed", Json::array()},
              {"changed", Json::array()},
              {"unchanged", c.unchanged}};
  for (const SweptAgreement& a : c.added) {
    doc["added"].push_back(AgreementJson(a));
  }
  for (const SweptAgreement& a : c.removed) {
    doc["removed"].push_back(AgreementJson(a));
  }
  for (const AgreementChange& change : c.changed) {
    doc["changed"].push_back({{"id", change.after.id},
                              {"then", AgreementJson(change.before)},
                              {"now", AgreementJson(change.after)},
                              {"introduced", RuleCounts(change.findings.introduced)},
                              {"resolved", RuleCounts(change.findings.resolved)}});
  }
  doc["shared_ids"] = {{"then", c.before->shared}, {"now", c.after->shared}};
  doc["unidentified_files"] = {{"then", c.before->unidentified.size()},
                               {"now", c.after->unidentified.size()}};
  Json totals = Json::array();
  for (const auto& [what, then, now] : Totals(c)) {
    totals.push_back({{"total", what}, {"then", then}, {"now", now}});
  }
  doc["totals"] = std::move(totals);
  out << doc.dump(2) << "\n";
}

void WriteMarkdown(const SweepComparison& c, std::ostream& out) {
  out << "# Agreements compared by id, as of " << c.as_of.ToString() << "\n\n"
      << CountsLine(c) << ".\n";
  auto list = [&](std::string_view title, const std::vector<SweptAgreement>& agreements) {
    out << (agreements.empty() ? "" : "\n## " + std::string(title) + "\n\n");
    for (const SweptAgreement& a : agreements) {
      out << "- " << MarkdownEscape(Named(a)) << "\n";
    }
  };
  list("Added", c.added);
  list("Removed", c.removed);
  out << (c.changed.empty() ? "" : "\n## Changed\n\n");
  for (const AgreementChange& change : c.changed) {
    out << "- **" << MarkdownEscape(Named(change.after))
        << "**: " << MarkdownEscape(Join(ChangeLines(change), "; ")) << "\n";
  }
  for (const auto& [when, side] : {std::pair{"then", c.before}, {"now", c.after}}) {
    for (const std::string& line : Shared(*side)) {
      out << "\nOne agreement id in several files " << when
          << " (not compared): " << MarkdownEscape(line) << "\n";
    }
  }
  out << "\n## Totals\n\n| | Then | Now |\n|---|---:|---:|\n";
  for (const auto& [what, then, now] : Totals(c)) {
    out << "| " << what << " | " << then << " | " << now << " |\n";
  }
}

}  // namespace

bool WriteSweepComparison(const SweepComparison& comparison, std::string_view format,
                          std::ostream& out) {
  return WriteInFormat(comparison, format, out, WriteText, WriteJson, WriteMarkdown);
}

}  // namespace s75

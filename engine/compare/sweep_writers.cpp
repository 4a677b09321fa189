#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "common/join.h"
#include "compare/compare_report.h"
#include "compare/format_dispatch.h"
#include "report/html_assets.h"
#include "report/html_page.h"
#include "report/markdown_reporter.h"
#include "report/markup_escape.h"
#include "report/money.h"
#include "report/xlsx.h"

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
  parts.reserve(counts.size());
  for (const auto& [rule, n] : counts) {
    parts.push_back(n == 1 ? rule : rule + " ×" + std::to_string(n));
  }
  return Join(parts, ", ");
}

// `amount`, with pence when `pence` (so that then and now are written alike).
std::string Money(const std::optional<Decimal>& amount, bool pence = false) {
  return !amount ? "none stated" : pence ? PenceText(*amount) : PoundsText(*amount);
}

bool HasPence(const std::optional<Decimal>& amount) { return amount && amount->Places() > 0; }

// Two sums of a tally then and now, both with pence when either has any.
std::array<std::string, 2> PoundsThenNow(const PoolTally& a, const Decimal& then,
                                         const PoolTally& b, const Decimal& now) {
  if (a.overflow || b.overflow) {
    return {a.Pounds(then), b.Pounds(now)};
  }
  bool pence = then.Places() > 0 || now.Places() > 0;
  return {Money(then, pence), Money(now, pence)};
}

std::string YesNo(bool b) { return b ? "yes" : "no"; }

std::string OrNone(const std::string& s) { return s.empty() ? "none" : s; }

// What a report saved without --facts shows for a fact it does not hold.
constexpr std::string_view kNotSaved = "not saved (check --facts)";

// An agreement's status and pooled money as written, or kNotSaved when its
// side is a report saved without --facts.
std::string StatusText(const SweptAgreement& a) {
  return a.facts ? OrNone(a.status) : std::string(kNotSaved);
}
std::string PooledText(const SweptAgreement& a, bool pence = false) {
  return a.facts ? Money(a.pooled, pence) : std::string(kNotSaved);
}

// One figure of an agreement, then and now.
struct Figure {
  std::string_view name;
  std::string then;
  std::string now;
  bool changed = false;
};

// The agreement's status, compliance and pooled money, then and now.
std::array<Figure, 3> Figures(const SweptAgreement& a, const SweptAgreement& b) {
  bool known = a.facts && b.facts;  // else neither figure is compared
  bool pence = HasPence(a.pooled) || HasPence(b.pooled);
  return {
      Figure{"status", StatusText(a), StatusText(b), known && a.status != b.status},
      Figure{"compliant", YesNo(a.compliant), YesNo(b.compliant), a.compliant != b.compliant},
      Figure{"pooled", PooledText(a, pence), PooledText(b, pence), known && a.pooled != b.pooled}};
}

// The lines that say how one agreement changed: "status: draft -> in_force".
std::vector<std::string> ChangeLines(const AgreementChange& c) {
  std::vector<std::string> out;
  for (const Figure& f : Figures(c.before, c.after)) {
    if (f.changed) {
      out.push_back(std::string(f.name) + ": " + f.then + " -> " + f.now);
    }
  }
  if (!c.findings.introduced.empty()) {
    out.push_back("introduced: " + ByRule(c.findings.introduced));
  }
  if (!c.findings.resolved.empty()) {
    out.push_back("resolved: " + ByRule(c.findings.resolved));
  }
  return out;
}

// One total then and now, as people read it and as a spreadsheet types it.
struct Total {
  std::string what;
  std::array<std::string, 2> shown;  // "£1,250,000.50", "12"
  std::array<Cell, 2> cells;
};

Total CountTotal(std::string what, int then, int now) {
  return {std::move(what),
          {std::to_string(then), std::to_string(now)},
          {CountCell(then), CountCell(now)}};
}

// The money and outcome totals then and now, which sweeps of agreements and
// reports saved with --facts have; a side without them says so.
void FactTotals(const SweepSide& a, const SweepSide& b, std::vector<Total>& rows) {
  auto pick = [&](Total row) {
    for (auto [side, column] : {std::pair{&a, 0}, {&b, 1}}) {
      if (!side->facts) {
        row.shown[static_cast<size_t>(column)] = kNotSaved;
        row.cells[static_cast<size_t>(column)] = TextCell(std::string(kNotSaved));
      }
    }
    rows.push_back(std::move(row));
  };
  for (auto [what, tally] :
       {std::pair{"pooled (all)", &SweepSide::pools}, {"pooled (live)", &SweepSide::live_pools}}) {
    const PoolTally& then = a.*tally;
    const PoolTally& now = b.*tally;
    auto [then_text, now_text] = PoundsThenNow(then, then.total, now, now.total);
    auto cell = [](const PoolTally& t) {
      return t.overflow ? TextCell(t.Pounds(t.total)) : MoneyCell(t.total);
    };
    pick({what, {then_text, now_text}, {cell(then), cell(now)}});
  }
  for (auto [name, field] : {std::pair{"outcomes red", &OutcomeCounts::red},
                             {"outcomes amber", &OutcomeCounts::amber},
                             {"outcomes green", &OutcomeCounts::green},
                             {"outcomes no data", &OutcomeCounts::no_data}}) {
    pick(CountTotal(name, a.outcomes.*field, b.outcomes.*field));
  }
}

// The totals then and now.
std::vector<Total> Totals(const SweepComparison& c) {
  const SweepSide& a = *c.before;
  const SweepSide& b = *c.after;
  std::vector<Total> rows = {CountTotal("agreement files", a.files, b.files),
                             CountTotal("compliant", a.compliant, b.compliant)};
  if (a.facts || b.facts) {  // a report saved without --facts holds no money or outcomes
    FactTotals(a, b, rows);
  }
  std::map<std::string, std::pair<int, int>> families;
  for (const auto& [family, n] : a.family_counts) {
    families[family].first = n;
  }
  for (const auto& [family, n] : b.family_counts) {
    families[family].second = n;
  }
  for (const auto& [family, n] : families) {
    rows.push_back(CountTotal("findings " + family, n.first, n.second));
  }
  return rows;
}

// "as of 2026-12-06", or, for two saved reports of different dates, "as of
// 2025-12-01 then and 2026-12-01 now"; `date` writes a date.
std::string AsOfWords(const SweepComparison& c, std::string (*date)(Date)) {
  Date then = c.BeforeAsOf();
  Date now = c.AfterAsOf();
  return then == now ? "as of " + date(now)
                     : "as of " + date(then) + " then and " + date(now) + " now";
}

std::string PlainDate(Date d) { return d.ToString(); }

// A date in HTML: its long form, machine-readable in datetime.
std::string TimeElement(Date d) {
  return "<time datetime=\"" + d.ToString() + "\">" + d.ToLongString() + "</time>";
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
  out << "Agreements compared by id, " << AsOfWords(c, PlainDate) << ": " << CountsLine(c) << "\n";
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
  for (const Total& t : Totals(c)) {
    out << "  " << t.what << ": " << t.shown[0] << " -> " << t.shown[1] << "\n";
  }
}

Json AgreementJson(const SweptAgreement& a) {
  return Json{{"id", a.id},
              {"title", a.title},
              {"status", a.facts ? Json(a.status) : Json()},
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
              {"as_of_then", c.BeforeAsOf().ToString()},
              {"as_of_now", c.AfterAsOf().ToString()},
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
  for (const Total& t : Totals(c)) {
    totals.push_back({{"total", t.what}, {"then", t.shown[0]}, {"now", t.shown[1]}});
  }
  doc["totals"] = std::move(totals);
  out << doc.dump(2) << "\n";
}

void WriteMarkdown(const SweepComparison& c, std::ostream& out) {
  out << "# Agreements compared by id, " << AsOfWords(c, PlainDate) << "\n\n"
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
  for (const Total& t : Totals(c)) {
    out << "| " << t.what << " | " << t.shown[0] << " | " << t.shown[1] << " |\n";
  }
}

// A column of an HTML table: the key tests and scripts find it by, its
// heading, and whether it holds figures (set right).
struct Column {
  std::string_view key;
  std::string_view label;
  bool figure = false;
};

// A table that reads at any width: with `reflow`, below 720 px each row
// becomes a card whose cells are labelled with their column's heading
// (kSweepStyle). Every cell is escaped here.
void WriteHtmlTable(std::string_view id, const std::vector<Column>& columns,
                    const std::vector<std::vector<std::string>>& rows, bool reflow,
                    std::ostream& out) {
  out << "<table" << (reflow ? " class=\"reflow\"" : "") << " id=\"" << id << "\">\n<thead><tr>";
  for (const Column& c : columns) {
    out << "<th data-key=\"" << c.key << "\"" << (c.figure ? " class=\"num\"" : "") << ">"
        << c.label << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const std::vector<std::string>& row : rows) {
    out << "<tr>";
    for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
      out << "<td data-label=\"" << columns[i].label << "\""
          << (columns[i].figure ? " class=\"num\"" : "") << ">" << XmlEscape(row[i]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

// The agreements only one side has: a row each.
void WriteHtmlAgreements(std::string_view id, std::string_view title,
                         const std::vector<SweptAgreement>& agreements, std::ostream& out) {
  if (agreements.empty()) {
    return;
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(agreements.size());
  for (const SweptAgreement& a : agreements) {
    rows.push_back({a.id, a.title, StatusText(a), YesNo(a.compliant), PooledText(a)});
  }
  out << "<section id=\"" << id << "-section\">\n<h2>" << title << " (" << agreements.size()
      << ")</h2>\n";
  WriteHtmlTable(id,
                 {{"agreement", "Agreement"},
                  {"title", "Title"},
                  {"status", "Status"},
                  {"compliant", "Compliant"},
                  {"pooled", "Pooled", true}},
                 rows, true, out);
  out << "</section>\n";
}

// The agreements on both sides that differ: each figure as it is now, or
// "then → now" where it changed, and the findings gained and lost by rule.
void WriteHtmlChanged(const std::vector<AgreementChange>& changed, std::ostream& out) {
  if (changed.empty()) {
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const AgreementChange& c : changed) {
    std::vector<std::string> row = {Named(c.after)};
    for (const Figure& f : Figures(c.before, c.after)) {
      row.push_back(f.changed ? f.then + " → " + f.now : f.now);
    }
    row.push_back(OrNone(ByRule(c.findings.introduced)));
    row.push_back(OrNone(ByRule(c.findings.resolved)));
    rows.push_back(std::move(row));
  }
  out << "<section id=\"changed-section\">\n<h2>Changed (" << changed.size() << ")</h2>\n"
      << "<p class=\"intro\">A figure that changed reads then &rarr; now; findings are counted "
         "by rule.</p>\n";
  WriteHtmlTable("changed",
                 {{"agreement", "Agreement"},
                  {"status", "Status"},
                  {"compliant", "Compliant"},
                  {"pooled", "Pooled", true},
                  {"introduced", "Introduced"},
                  {"resolved", "Resolved"}},
                 rows, true, out);
  out << "</section>\n";
}

void WriteHtmlNotes(const SweepComparison& c, std::ostream& out) {
  for (const auto& [when, side] : {std::pair{"then", c.before}, {"now", c.after}}) {
    for (const std::string& line : Shared(*side)) {
      out << "<p class=\"note\">One agreement id in several files " << when
          << " (not compared): " << XmlEscape(line) << "</p>\n";
    }
    if (!side->unidentified.empty()) {
      out << "<p class=\"note\">Files with no agreement id " << when
          << " (not compared): " << side->unidentified.size() << "</p>\n";
    }
  }
}

void WriteHtml(const SweepComparison& c, std::ostream& out) {
  std::string style = std::string(kSweepStyle) + "table#totals { max-width: 640px; }\n";
  WriteHtmlHead({"Agreements compared by id", "", false, style}, out);
  out << "<body>\n<header class=\"page\"><div>\n<h1>Agreements compared by id</h1>\n<p>Two "
         "sweeps, matched by agreement id, "
      << AsOfWords(c, TimeElement) << ": " << CountsLine(c)
      << "</p>\n</div></header>\n<main>\n<dl class=\"summary\">\n";
  WriteSummaryItem("info", "added", "Added", static_cast<int>(c.added.size()), out);
  WriteSummaryItem("unreadable", "removed", "Removed", static_cast<int>(c.removed.size()), out);
  WriteSummaryItem("warning", "changed", "Changed", static_cast<int>(c.changed.size()), out);
  WriteSummaryItem("waived", "unchanged", "Unchanged", c.unchanged, out);
  out << "</dl>\n";
  WriteHtmlAgreements("added", "Added", c.added, out);
  WriteHtmlAgreements("removed", "Removed", c.removed, out);
  WriteHtmlChanged(c.changed, out);
  WriteHtmlNotes(c, out);
  std::vector<std::vector<std::string>> totals;
  for (const Total& t : Totals(c)) {
    totals.push_back({t.what, t.shown[0], t.shown[1]});
  }
  out << "<section id=\"totals-section\">\n<h2>Totals</h2>\n";
  WriteHtmlTable("totals", {{"what", "Total"}, {"then", "Then", true}, {"now", "Now", true}},
                 totals, false, out);
  out << "</section>\n<footer>Compared by s75check: <code>s75check compare OLD NEW</code>. "
         "Moving or renaming files changes nothing.</footer>\n</main>\n</body>\n</html>\n";
}

// --- xlsx -----------------------------------------------------------------------

// A row of the agreements sheet: an agreement added (no `then`), removed (no
// `now`) or changed, with the findings it introduced and resolved by rule.
std::vector<Cell> AgreementCells(std::string_view change, const SweptAgreement* then,
                                 const SweptAgreement* now, const std::string& introduced,
                                 const std::string& resolved) {
  const SweptAgreement& named = now != nullptr ? *now : *then;
  std::vector<Cell> cells = {TextCell(named.id), TextCell(named.title),
                             TextCell(std::string(change))};
  for (const SweptAgreement* a : {then, now}) {
    cells.push_back(TextCell(a == nullptr ? "" : a->facts ? a->status : std::string(kNotSaved)));
  }
  for (const SweptAgreement* a : {then, now}) {
    cells.push_back(TextCell(a != nullptr ? YesNo(a->compliant) : ""));
  }
  for (const SweptAgreement* a : {then, now}) {
    cells.push_back(a == nullptr || a->facts ? MoneyCell(a != nullptr ? a->pooled : std::nullopt)
                                             : TextCell(std::string(kNotSaved)));
  }
  cells.push_back(TextCell(introduced));
  cells.push_back(TextCell(resolved));
  return cells;
}

// The files matched with nothing: an id two files give on one side, or none.
void NotComparedRows(const SweepComparison& c, XlsxWorkbook& book) {
  int sheet = book.AddSheet("not compared", {"side", "agreement id", "file", "why"});
  for (const auto& [when, side] : {std::pair{"then", c.before}, {"now", c.after}}) {
    for (const auto& [id, paths] : side->shared) {
      for (const std::string& path : paths) {
        book.AddRow(sheet, {TextCell(when), TextCell(id), TextCell(path),
                            TextCell("another file on this side gives the same agreement id")});
      }
    }
    for (const std::string& path : side->unidentified) {
      book.AddRow(sheet, {TextCell(when), TextCell(""), TextCell(path),
                          TextCell("no readable agreement id")});
    }
  }
}

}  // namespace

std::string WriteSweepComparisonXlsx(const SweepComparison& c, std::ostream& out) {
  XlsxWorkbook book(c.as_of);
  int agreements =
      book.AddSheet("agreements", {"agreement", "title", "change", "status then", "status now",
                                   "compliant then", "compliant now", "pooled then", "pooled now",
                                   "findings introduced", "findings resolved"});
  for (const SweptAgreement& a : c.added) {
    book.AddRow(agreements, AgreementCells("added", nullptr, &a, ByRule(a.findings), ""));
  }
  for (const SweptAgreement& a : c.removed) {
    book.AddRow(agreements, AgreementCells("removed", &a, nullptr, "", ByRule(a.findings)));
  }
  for (const AgreementChange& change : c.changed) {
    book.AddRow(agreements, AgreementCells("changed", &change.before, &change.after,
                                           ByRule(change.findings.introduced),
                                           ByRule(change.findings.resolved)));
  }
  int totals = book.AddSheet("totals", {"total", "then", "now"});
  book.AddRow(totals, {TextCell("as of"), DateCell(c.BeforeAsOf()), DateCell(c.AfterAsOf())});
  book.AddRow(totals, {TextCell("agreements unchanged"), TextCell(""), CountCell(c.unchanged)});
  for (const Total& t : Totals(c)) {
    book.AddRow(totals, {TextCell(t.what), t.cells[0], t.cells[1]});
  }
  NotComparedRows(c, book);
  return book.Finish(out);
}

bool WriteSweepComparison(const SweepComparison& comparison, std::string_view format,
                          std::ostream& out) {
  return WriteInFormat(comparison, format, out, {WriteText, WriteJson, WriteMarkdown, WriteHtml});
}

}  // namespace s75

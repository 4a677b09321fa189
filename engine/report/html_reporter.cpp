#include "report/html_reporter.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "common/join.h"
#include "report/html_assets.h"
#include "report/html_page.h"
#include "report/markup_escape.h"
#include "report/money.h"
#include "report/pools.h"
#include "report/report_views.h"
#include "report/rule_docs.h"

namespace s75 {

namespace {

// Text from an agreement, a finding or a rule, escaped for HTML.
std::string Esc(std::string_view text) { return XmlEscape(text); }

// "1 error", "3 errors"; "info" and "waived" do not take an s.
std::string Counted(int n, std::string_view word) {
  bool invariant = word == "info" || word == "waived";
  return std::to_string(n) + " " + std::string(word) + (n == 1 || invariant ? "" : "s");
}

// A severity's part of a chart bar.
struct Segment {
  std::string_view name;  // "error": the CSS class and the data-severity value
  int Summary::*count;
  bool dark_text;  // the segment is light: its count is written in ink
};

constexpr std::array<Segment, 4> kSegments = {{{"error", &Summary::error, false},
                                               {"warning", &Summary::warning, true},
                                               {"info", &Summary::info, false},
                                               {"waived", &Summary::waived, true}}};

// How a compliance matrix cell looks: a colour (the class), a symbol and words.
struct StateStyle {
  CellState state;
  std::string_view css;
  std::string_view symbol;
  std::string_view words;
};

constexpr std::array<StateStyle, 7> kStates = {{
    {CellState::kPass, "pass", "✓", "passes"},
    {CellState::kInfo, "info", "i", "info only"},
    {CellState::kWarning, "warning", "!", "warning"},
    {CellState::kError, "error", "✗", "error"},
    {CellState::kWaived, "waived", "W", "waived"},
    {CellState::kNotRun, "notrun", "–", "not evaluated (rule not selected)"},
    {CellState::kUnreadable, "unreadable", "?", "file could not be checked"},
}};

const StateStyle& StyleOf(CellState state) {
  return *std::find_if(kStates.begin(), kStates.end(),
                       [state](const StateStyle& s) { return s.state == state; });
}

void WriteHead(const CheckReport& report, std::ostream& out) {
  std::string title = "Section 75 agreement check, as of " + report.as_of.ToLongString();
  WriteHtmlHead({title, report.tool_version, true, kSweepStyle}, out);
}

void WriteBanner(const CheckReport& report, std::ostream& out) {
  out << "<body>\n<header class=\"page\"><div>\n<h1>Section 75 agreement check</h1>\n"
      << "<p>" << Counted(static_cast<int>(report.files.size()), "agreement file")
      << " checked as of <time datetime=\"" << report.as_of.ToString() << "\">"
      << report.as_of.ToLongString() << "</time> against "
      << Counted(static_cast<int>(report.rules.size()), "rule") << " &middot; s75check "
      << Esc(report.tool_version) << "</p>\n</div></header>\n<main>\n";
}

void WriteSummary(const CheckReport& report, std::ostream& out) {
  Summary s = report.Summarize();
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n";
  WriteSummaryItem("files", "files", "Files", s.files, out);
  WriteSummaryItem("unreadable", "unreadable", "Could not be checked", s.unreadable, out);
  WriteSummaryItem("error", "error", "Errors", s.error, out);
  WriteSummaryItem("warning", "warning", "Warnings", s.warning, out);
  WriteSummaryItem("info", "info", "Info", s.info, out);
  WriteSummaryItem("waived", "waived", "Waived", s.waived, out);
  out << "</dl>\n<p class=\"note\">Errors, warnings and info count the findings no waiver "
         "accepts; waived findings are counted apart. Time rules were evaluated as of "
      << report.as_of.ToLongString() << ".</p>\n</section>\n";
}

// Chart geometry, in SVG user units.
constexpr int kLabelWidth = 72;
constexpr int kBarWidth = 640;
constexpr int kTotalWidth = 64;
constexpr int kRowHeight = 32;
constexpr int kBarHeight = 22;

// The x offset of `n` findings on a bar whose longest is `most` (rounded).
int Scale(int n, int most) { return (2 * n * kBarWidth + most) / (2 * most); }

std::string BarTitle(const FamilyCounts& c) {
  const Summary& n = c.counts;
  return c.family + " " + FamilyTitle(c.family) + ": " + Counted(n.error, "error") + ", " +
         Counted(n.warning, "warning") + ", " + Counted(n.info, "info") + ", " +
         Counted(n.waived, "waived");
}

void WriteSegment(const FamilyCounts& c, const Segment& seg, int start, int most, int y,
                  std::ostream& out) {
  int n = c.counts.*seg.count;
  int x0 = kLabelWidth + Scale(start, most);
  int width = kLabelWidth + Scale(start + n, most) - x0;
  out << "<rect class=\"seg-" << seg.name << "\" data-severity=\"" << seg.name << "\" data-count=\""
      << n << "\" x=\"" << x0 << "\" y=\"" << y << "\" width=\"" << width << "\" height=\""
      << kBarHeight << "\"><title>" << Esc(c.family) << ": " << Counted(n, seg.name)
      << "</title></rect>\n";
  if (width >= 24) {
    out << "<text class=\"count" << (seg.dark_text ? " dark" : "") << "\" x=\"" << x0 + width / 2
        << "\" y=\"" << y + kBarHeight / 2 + 4 << "\" text-anchor=\"middle\" aria-hidden=\"true\">"
        << n << "</text>\n";
  }
}

void WriteBar(const FamilyCounts& c, int row, int most, std::ostream& out) {
  int y = row * kRowHeight + 6;
  out << "<g class=\"bar\" data-family=\"" << Esc(c.family) << "\" data-total=\"" << c.Total()
      << "\">\n<title>" << Esc(BarTitle(c)) << "</title>\n"
      << "<text class=\"family\" x=\"0\" y=\"" << y + kBarHeight / 2 + 5 << "\">" << Esc(c.family)
      << "</text>\n<rect class=\"track\" x=\"" << kLabelWidth << "\" y=\"" << y << "\" width=\""
      << kBarWidth << "\" height=\"" << kBarHeight << "\"/>\n";
  int start = 0;
  for (const Segment& seg : kSegments) {
    if (c.counts.*seg.count > 0) {
      WriteSegment(c, seg, start, most, y, out);
      start += c.counts.*seg.count;
    }
  }
  out << "<text class=\"total\" x=\"" << kLabelWidth + Scale(c.Total(), most) + 6 << "\" y=\""
      << y + kBarHeight / 2 + 5 << "\">" << c.Total() << "</text>\n</g>\n";
}

void WriteChartLegend(std::ostream& out) {
  out << "<ul class=\"legend\">\n";
  for (const Segment& seg : kSegments) {
    out << "<li><span class=\"swatch seg-" << seg.name << "\">&nbsp;</span>"
        << (seg.name == "waived" ? "waived (any severity)" : seg.name) << "</li>\n";
  }
  out << "</ul>\n";
}

void WriteChartTable(const std::vector<FamilyCounts>& families, std::ostream& out) {
  out << "<details><summary>The figures as a table</summary>\n<table>\n<thead><tr><th>Family</th>"
         "<th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Info</th>"
         "<th class=\"num\">Waived</th><th class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  for (const FamilyCounts& c : families) {
    out << "<tr><th scope=\"row\">" << Esc(c.family) << " " << Esc(FamilyTitle(c.family))
        << "</th><td class=\"num\">" << c.counts.error << "</td><td class=\"num\">"
        << c.counts.warning << "</td><td class=\"num\">" << c.counts.info
        << "</td><td class=\"num\">" << c.counts.waived << "</td><td class=\"num\">" << c.Total()
        << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</details>\n";
}

void WriteChart(const CheckReport& report, std::ostream& out) {
  std::vector<FamilyCounts> families = CountByFamily(report);
  int most = 1;
  for (const FamilyCounts& c : families) {
    most = std::max(most, c.Total());
  }
  int height = static_cast<int>(families.size()) * kRowHeight + 8;
  out << "<section id=\"chart\">\n<h2 id=\"chart-title\">Findings by rule family and "
         "severity</h2>\n";
  WriteChartLegend(out);
  out << "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 "
      << kLabelWidth + kBarWidth + kTotalWidth << " " << height
      << "\">\n<defs><pattern id=\"waived-hatch\" "
         "width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eef1f4\"/>"
         "<rect width=\"3\" height=\"6\" fill=\"#b3bcc6\"/></pattern></defs>\n";
  for (size_t i = 0; i < families.size(); ++i) {
    WriteBar(families[i], static_cast<int>(i), most, out);
  }
  out << "</svg>\n";
  WriteChartTable(families, out);
  out << "</section>\n";
}

void WriteMatrixLegend(std::ostream& out) {
  out << "<ul class=\"legend\">\n";
  for (const StateStyle& s : kStates) {
    out << "<li><span class=\"swatch cell " << s.css << "\">" << s.symbol << "</span>" << s.words
        << "</li>\n";
  }
  out << "</ul>\n";
}

// The families that say an agreement is unsound whatever Table 1 says, each a
// column of the matrix after Table 1's elements, with a short heading.
struct WholeFamily {
  std::string_view family;
  std::string_view heading;
};

constexpr std::array<WholeFamily, 3> kWholeFamilies = {
    {{"REG", "Statute"}, {"FIN", "Sums and ids"}, {"DATE", "Dates"}}};

// A matrix column: a Table 1 element or a whole family.
struct MatrixColumn {
  std::string id;       // "T1.01", "DATE"
  std::string heading;  // "Aims and outcomes", "Dates"
  std::string title;    // the heading's tooltip
  bool family = false;
};

std::vector<MatrixColumn> MatrixColumns(const ComplianceMatrix& matrix) {
  std::vector<MatrixColumn> columns;
  for (const RuleRef& r : matrix.columns) {
    columns.push_back({r.id, Humanise(r.slug), r.id + ": " + r.title});
  }
  for (const WholeFamily& w : kWholeFamilies) {
    std::string family(w.family);
    columns.push_back({family, std::string(w.heading),
                       family + " rules: " + FamilyTitle(family) + " (every rule of the family)",
                       true});
  }
  return columns;
}

void WriteMatrixHead(const std::vector<MatrixColumn>& columns, std::ostream& out) {
  out << "<div class=\"matrix-wrap\"><table class=\"matrix\">\n<thead><tr><th "
         "class=\"agreement\" scope=\"col\">Agreement</th>";
  for (const MatrixColumn& c : columns) {
    out << "<th scope=\"col\" class=\"element" << (c.family ? " family" : "") << "\" title=\""
        << Esc(c.title) << "\">" << Esc(c.id) << "<span>" << Esc(c.heading) << "</span></th>";
  }
  out << "</tr></thead>\n<tbody>\n";
}

void WriteMatrixRowHeading(const FileResult& file, std::ostream& out) {
  std::string title = file.facts && !file.facts->title.empty() ? file.facts->title : file.path;
  std::string id = file.agreement_id.empty() ? "" : file.agreement_id + " · ";
  out << "<th scope=\"row\">" << Esc(title) << "<span>";
  if (file.checked) {
    out << Esc(id) << "<span class=\"path\">" << Esc(file.path) << "</span>";
  } else {
    out << "could not be checked";
  }
  out << "</span></th>";
}

void WriteCell(const MatrixColumn& column, const MatrixCell& cell, std::ostream& out) {
  const StateStyle& style = StyleOf(cell.state);
  std::string detail = cell.findings > 0 ? " (" + Counted(cell.findings, "finding") + ")" : "";
  out << "<td class=\"cell " << style.css << "\" data-state=\"" << style.css << "\" title=\""
      << Esc(column.id + " " + column.heading + ": " + std::string(style.words) + detail) << "\">"
      << style.symbol;
  if (cell.findings > 0) {
    out << "<small> " << cell.findings << "</small>";
  }
  out << "<span class=\"sr\"> " << style.words << "</span></td>";
}

void WriteMatrix(const CheckReport& report, std::ostream& out) {
  std::vector<std::string> families;
  for (const WholeFamily& w : kWholeFamilies) {
    families.emplace_back(w.family);
  }
  ComplianceMatrix matrix = BuildMatrix(report, "T1", families);
  out << "<section id=\"matrix\">\n<h2>Compliance by agreement</h2>\n";
  if (matrix.columns.empty()) {
    out << "<p class=\"intro\">The rule packs define no Table 1 (T1) rules.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"intro\">Each row is an agreement; each column an element of a sound joint "
         "funding agreement in Table 1 of <cite>Means to an end</cite> (rules "
      << Esc(matrix.columns.front().id) << "–" << Esc(matrix.columns.back().id)
      << "), then the rule families that make an agreement unsound whatever Table 1 says: "
         "statute and regulations (REG), its sums and references (FIN) and its dates (DATE, "
         "such as an agreement in force past its expiry). A cell shows the most severe finding "
         "no waiver accepts, and how many findings the rule (or family) made.</p>\n";
  WriteMatrixLegend(out);
  std::vector<MatrixColumn> columns = MatrixColumns(matrix);
  WriteMatrixHead(columns, out);
  for (const MatrixRow& row : matrix.rows) {
    out << "<tr>";
    WriteMatrixRowHeading(*row.file, out);
    for (size_t i = 0; i < row.cells.size(); ++i) {
      WriteCell(columns[i], row.cells[i], out);
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table></div>\n</section>\n";
}

void WriteMoneyNote(const PoolTally& pools, std::ostream& out) {
  out << "<p class=\"note\">An agreement that serves several client groups counts its whole "
         "pool in each of them, so the groups add up to more than the total whenever one does ("
      << "here, " << pools.in_several_groups << " of " << pools.agreements
      << " do). The total counts each agreement once.";
  if (pools.from_contributions > 0) {
    out << " For " << Counted(pools.from_contributions, "agreement")
        << " with no <code>finance.pool_total</code>, the pool is the sum of the contributions.";
  }
  if (!pools.without_pool.empty()) {
    out << " No pool is stated in:";
    for (size_t i = 0; i < pools.without_pool.size(); ++i) {
      out << " <span class=\"path\">" << Esc(pools.without_pool[i]) << "</span>"
          << (i + 1 == pools.without_pool.size() ? "." : ",");
    }
  }
  if (pools.overflow) {
    out << " The sums are too large to add exactly and are not shown.";
  }
  out << "</p>\n";
}

void WriteMoneyTable(const PoolTally& pools, std::ostream& out) {
  out << "<table class=\"money\">\n<thead><tr><th>Client group</th>"
         "<th class=\"num\">Agreements</th><th class=\"num\">Pooled</th></tr></thead>\n<tbody>\n";
  for (const PoolGroup& g : pools.ClientGroupsBySize()) {
    out << "<tr><td>" << (g.name.empty() ? "No client group stated" : Esc(Humanise(g.name)))
        << "</td><td class=\"num\">" << g.agreements << "</td><td class=\"num\">"
        << pools.Pounds(g.pooled) << "</td></tr>\n";
  }
  out << "</tbody>\n<tfoot><tr><th>All agreements, each counted once</th><td class=\"num\">"
      << pools.agreements << "</td><td class=\"num\">" << pools.Pounds(pools.total)
      << "</td></tr></tfoot>\n</table>\n";
}

void WriteMoney(const CheckReport& report, std::ostream& out) {
  PoolTally pools = TallyPools(report);
  out << "<section id=\"money\">\n<h2>Pooled money by client group</h2>\n";
  if (pools.with_pool == 0) {
    out << "<p class=\"intro\">No agreement states a pool.</p>\n";
  } else {
    WriteMoneyTable(pools, out);
  }
  WriteMoneyNote(pools, out);
  out << "</section>\n";
}

void WriteWaiverCell(const Finding& f, std::ostream& out) {
  out << "<td class=\"waiver\" data-label=\"Waived\">";
  if (f.waiver) {
    out << "<strong>Waived:</strong> " << Esc(f.waiver->reason) << "; approved by "
        << Esc(f.waiver->approved_by);
    if (!f.waiver->expires.empty()) {
      out << "; expires " << Esc(f.waiver->expires);
    }
  }
  out << "</td>";
}

void WriteFindingRow(const FileResult& file, const Finding& f, std::ostream& out) {
  std::string_view severity = SeverityName(f.severity);
  std::string line =
      f.range.line > 0 ? std::to_string(f.range.line) + ":" + std::to_string(f.range.column) : "–";
  out << "<tr data-severity=\"" << severity << "\" data-waived=\"" << (f.waived() ? "yes" : "no")
      << "\"" << (f.waived() ? " class=\"waived\"" : "") << ">"
      << "<td class=\"path\" data-label=\"File\">" << Esc(file.path) << "</td>"
      << "<td class=\"num\" data-label=\"Line\" data-sort=\"" << f.range.line << "\">" << line
      << "</td><td data-label=\"Severity\" data-sort=\"" << static_cast<int>(f.severity)
      << "\"><span class=\"sev " << severity << "\">" << severity << "</span></td>"
      << "<td class=\"rule\" data-label=\"Rule\">" << Esc(f.rule) << "<span>" << Esc(f.slug)
      << "</span></td><td class=\"where\" data-label=\"Message\">" << Esc(f.message);
  if (!f.path.empty()) {
    out << "<span><code>" << Esc(f.path) << "</code></span>";
  }
  out << "</td><td data-label=\"References\">" << Esc(Join(f.references, "; ")) << "</td>";
  WriteWaiverCell(f, out);
  out << "</tr>\n";
}

void WriteFindingControls(std::ostream& out) {
  out << "<div class=\"controls\" id=\"controls\" hidden>\n<label>Filter "
         "<input type=\"search\" id=\"filter\" placeholder=\"rule, file or words\"></label>\n";
  for (std::string_view kind : {"error", "warning", "info", "waived"}) {
    out << "<label><input type=\"checkbox\" value=\"" << kind << "\" checked> " << kind
        << "</label>\n";
  }
  out << "<output id=\"shown\" aria-live=\"polite\"></output>\n</div>\n";
}

void WriteFindings(const CheckReport& report, std::ostream& out) {
  out << "<section id=\"findings-section\">\n<h2>Findings</h2>\n";
  bool any = std::any_of(report.files.begin(), report.files.end(),
                         [](const FileResult& f) { return !f.findings.empty(); });
  if (!any) {
    out << "<p class=\"intro\">No findings.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"intro\">By file and line. With scripts enabled, click a heading to sort "
         "and use the filter to narrow the list.</p>\n";
  WriteFindingControls(out);
  out << "<table class=\"findings reflow\" id=\"findings\">\n<thead><tr>"
         "<th data-key=\"file\">File</th><th data-key=\"line\" data-type=\"number\">Line</th>"
         "<th data-key=\"severity\" data-type=\"number\">Severity</th><th data-key=\"rule\">Rule"
         "</th><th data-key=\"message\">Message</th><th data-key=\"references\">References</th>"
         "<th data-key=\"waived\">Waived</th></tr></thead>\n<tbody>\n";
  for (const FileResult& file : report.files) {
    for (const Finding& f : file.findings) {
      WriteFindingRow(file, f, out);
    }
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void WriteEnd(const CheckReport& report, std::ostream& out) {
  out << "<footer>Made by s75check " << Esc(report.tool_version)
      << ". The rules, their sources and how to fix each finding: <code>s75check explain "
         "ID</code>.</footer>\n</main>\n<script>"
      << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace

void HtmlReporter::WriteWhole(const CheckReport& report, std::ostream& out) const {
  WriteHead(report, out);
  WriteBanner(report, out);
  WriteSummary(report, out);
  WriteChart(report, out);
  WriteMatrix(report, out);
  WriteMoney(report, out);
  WriteFindings(report, out);
  WriteEnd(report, out);
}

}  // namespace s75

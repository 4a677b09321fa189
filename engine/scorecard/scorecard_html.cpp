// The scorecard as one self-contained HTML page, like the check report: the
// same head and Content-Security-Policy, no script, every value escaped. A
// heat map of agreements by domain, then a small SVG chart per outcome.
#include <algorithm>
#include <cstdio>
#include <string>

#include "report/html_page.h"
#include "report/markup_escape.h"
#include "scorecard/scorecard_report.h"

namespace s75 {

namespace {

constexpr std::string_view kScorecardStyle = R"css(
dl.summary { grid-template-columns: repeat(auto-fill, minmax(110px, 1fr)); }
.wrap { overflow-x: auto; }
table.heat { width: auto; min-width: 60%; }
table.heat td.cell { min-width: 5.5em; white-space: nowrap; }
table.heat th[scope=row] { min-width: 8em; max-width: 22em; overflow-wrap: anywhere; }
table.heat th[scope=row] span.path { display: block; font-weight: 400; font-size: 11px; color: var(--muted); overflow-wrap: anywhere; }
.cell.good, .badge.good { background: var(--pass-bg); color: var(--pass); }
.cell.mixed, .badge.mixed { background: var(--warning-bg); color: var(--warning); }
.cell.poor, .badge.poor { background: var(--error-bg); color: var(--error); }
.cell.none, .badge.none { background: repeating-linear-gradient(135deg, #f4f6f9 0 4px, #e4e8ed 4px 8px); color: var(--muted); font-weight: 400; }
.badge { display: inline-block; padding: 0 8px; border-radius: 3px; font-weight: 700; font-size: 13px; border: 1px solid currentColor; }
h3 { font-size: 16px; margin: 22px 0 6px; }
.outcomes { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
article.outcome { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
article.outcome h4 { margin: 0 0 4px; font-size: 14px; }
article.outcome h4 span { font-weight: 400; color: var(--muted); }
article.outcome dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 6px 0 0; font-size: 13px; }
article.outcome dt { color: var(--muted); }
article.outcome dd { margin: 0; overflow-wrap: anywhere; }
svg.trend { display: block; width: 100%; height: auto; margin-top: 6px; }
svg.trend text { font-size: 10px; fill: var(--muted); }
svg.trend .axis { stroke: #9aa5b1; stroke-width: 1; }
svg.trend .band { fill: #e4e8ed; stroke: #9aa5b1; stroke-dasharray: 2 2; }
svg.trend .fit { stroke-width: 2; stroke-dasharray: 6 4; fill: none; }
svg.trend .pt { fill: var(--ink); }
svg.trend .target { fill: #fff; stroke: var(--ink); stroke-width: 2; }
svg.trend .good { stroke: var(--pass); fill: var(--pass); }
svg.trend .mixed { stroke: var(--warning); fill: var(--warning); }
svg.trend .poor { stroke: var(--error); fill: var(--error); }
svg.trend .none { stroke: var(--muted); fill: var(--muted); }
svg.trend .fit.good, svg.trend .fit.mixed, svg.trend .fit.poor, svg.trend .fit.none { fill: none; }
p.note.missing { color: var(--error); }
@media (max-width: 600px) {
  main { padding: 0 12px 32px; }
  header.page div { padding: 0 12px; }
  .outcomes { grid-template-columns: 1fr; }
  table.heat th, table.heat td.cell { font-size: 13px; padding: 4px 5px; }
  table.heat td.cell { min-width: 4.2em; }
  dl.summary dd { font-size: 22px; }
}
@media print { .outcomes { display: block; } article.outcome { margin-bottom: 10px; } }
)css";

std::string Esc(std::string_view text) { return XmlEscape(text); }

// The band of a score: good (0.75 or more), mixed (0.5 or more), poor, none.
std::string_view Band(const std::optional<Decimal>& score) {
  if (!score) {
    return "none";
  }
  return *score >= *Decimal::Parse("0.75")  ? "good"
         : *score >= *Decimal::Parse("0.5") ? "mixed"
                                            : "poor";
}

std::string_view BandSymbol(std::string_view band) {
  return band == "good" ? "✓" : band == "mixed" ? "◐" : band == "poor" ? "✗" : "–";
}

// A status's band and symbol, so the colour is never the only sign.
std::string_view StatusBand(Status s) {
  switch (s) {
    case Status::kGreen:
    case Status::kMet:
      return "good";
    case Status::kAmber:
      return "mixed";
    case Status::kRed:
    case Status::kMissed:
      return "poor";
    default:
      return "none";
  }
}

void HeatCell(const std::optional<Decimal>& score, bool any, std::ostream& out) {
  if (!any) {
    out << "<td class=\"cell none\"><span class=\"sr\">no outcomes</span></td>";
    return;
  }
  std::string_view band = Band(score);
  out << "<td class=\"cell " << band << "\">" << BandSymbol(band) << " "
      << (score ? score->ToString(kScorePlaces) : "not scored") << "</td>";
}

void HeatRow(const AgreementCard& a, std::ostream& out) {
  out << "<tr><th scope=\"row\"><a href=\"#a-" << Esc(a.path) << "\">"
      << Esc(a.agreement_id.empty() ? a.path : a.agreement_id) << "</a><span class=\"path\">"
      << Esc(a.path) << "</span></th>";
  if (!a.readable) {
    out << "<td class=\"cell unreadable\" colspan=\"6\">unreadable</td></tr>\n";
    return;
  }
  HeatCell(a.score, true, out);
  for (std::string_view domain : kScorecardDomains) {
    auto d = std::find_if(a.domains.begin(), a.domains.end(),
                          [&](const DomainScore& s) { return s.domain == domain; });
    HeatCell(d == a.domains.end() ? std::nullopt : d->score, d != a.domains.end(), out);
  }
  out << "</tr>\n";
}

void HeatMap(const Portfolio& p, std::ostream& out) {
  out << "<h2 id=\"heat\">Heat map</h2>\n<p class=\"intro\">Each agreement's weighted score "
         "(green or met 1, amber 0.5, red or missed 0), overall and by domain; lowest overall "
         "first.</p>\n<ul class=\"legend\"><li><span class=\"swatch cell good\">✓</span> 0.75 or "
         "more</li><li><span class=\"swatch cell mixed\">◐</span> 0.5 to 0.75</li><li><span "
         "class=\"swatch cell poor\">✗</span> below 0.5</li><li><span class=\"swatch cell "
         "none\">–</span> nothing scored</li></ul>\n<div class=\"wrap\"><table class=\"heat\">"
         "<thead><tr><th>Agreement</th><th>Overall</th>";
  for (std::string_view domain : kScorecardDomains) {
    out << "<th>" << DomainTitle(domain) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const AgreementCard& a : p.agreements) {
    HeatRow(a, out);
  }
  out << "</tbody></table></div>\n";
}

}  // namespace

// The chart and the outcome articles (scorecard_chart.cpp).
void WriteOutcomeArticle(const AgreementCard& a, const OutcomeCard& o, std::ostream& out);

namespace {

void AgreementHtml(const AgreementCard& a, std::ostream& out) {
  out << "<section id=\"a-" << Esc(a.path) << "\"><h2>"
      << Esc(a.agreement_id.empty() ? a.path : a.agreement_id)
      << (a.title.empty() ? "" : " — " + Esc(a.title)) << "</h2>\n<p class=\"note path\">"
      << Esc(a.path) << "</p>\n";
  if (!a.readable) {
    out << "<p class=\"note missing\">Cannot be read: " << Esc(a.unreadable) << "</p></section>\n";
    return;
  }
  out << "<p>Overall score <strong>" << (a.score ? a.score->ToString(kScorePlaces) : "not scored")
      << "</strong>; " << Esc(CountsText(a.counts)) << "; service users and carers hold "
      << (a.users_and_carers_share ? a.users_and_carers_share->ToString(kScorePlaces) : "none")
      << " of the weight.</p>\n";
  for (const DomainScore& d : a.domains) {
    std::string_view band = Band(d.score);
    out << "<h3>" << DomainTitle(d.domain) << " <span class=\"badge " << band << "\">"
        << BandSymbol(band) << " " << (d.score ? d.score->ToString(kScorePlaces) : "not scored")
        << "</span></h3>\n<div class=\"outcomes\">\n";
    for (const OutcomeCard& o : a.outcomes) {
      if (o.domain == d.domain) {
        WriteOutcomeArticle(a, o, out);
      }
    }
    out << "</div>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string_view OutcomeBand(Status s) { return StatusBand(s); }
std::string_view OutcomeSymbol(Status s) { return BandSymbol(StatusBand(s)); }

void WriteScorecardHtml(const Portfolio& p, std::ostream& out) {
  WriteHtmlHead({"Outcomes scorecard", p.tool_version, false, kScorecardStyle}, out);
  out << "<body>\n<header class=\"page\"><div><h1>Outcomes scorecard</h1><p>As of "
      << p.as_of.ToString() << " · " << p.agreements.size()
      << (p.agreements.size() == 1 ? " agreement" : " agreements") << "</p></div></header>\n"
      << "<main>\n<dl class=\"summary\">\n";
  for (size_t i = 0; i < kStatusCount; ++i) {
    auto s = static_cast<Status>(i);
    WriteSummaryItem(StatusBand(s), StatusWord(s), StatusWord(s), p.counts[i], out);
  }
  WriteSummaryItem("unreadable", "unreadable", "unreadable", p.unreadable, out);
  out << "</dl>\n";
  HeatMap(p, out);
  for (const AgreementCard& a : p.agreements) {
    AgreementHtml(a, out);
  }
  out << "<footer>s75check " << Esc(p.tool_version) << " · the scorecard of MTAE case study 3: "
      << "a least-squares forecast of each outcome at its target date</footer>\n</main>\n"
      << "</body>\n</html>\n";
}

}  // namespace s75

#include "report/html_assets.h"
#include "report/html_page.h"
#include "report/markup_escape.h"
#include "report/render_writer.h"
#include "report/text_reporter.h"

namespace s75 {

namespace {

std::string Esc(std::string_view text) { return XmlEscape(text); }

void WriteFinding(const Finding& f, std::ostream& out) {
  std::string_view severity = SeverityName(f.severity);
  out << "<aside class=\"finding " << (f.waived() ? "waived" : severity) << "\" data-rule=\""
      << Esc(f.rule) << "\"><span class=\"sev " << severity << "\">" << severity
      << "</span> <strong>" << Esc(f.rule) << "</strong> " << Esc(f.slug);
  if (f.range.line > 0) {
    out << " <span class=\"where\">line " << f.range.line << "</span>";
  }
  out << ": " << Esc(f.message) << Esc(ReferencesText(f));
  if (f.waiver) {
    out << "<span class=\"waiver\"><strong>Waived:</strong> " << Esc(WaiverJustification(*f.waiver))
        << "</span>";
  }
  out << "</aside>\n";
}

void WriteFindings(const std::vector<const Finding*>& findings, std::ostream& out) {
  for (const Finding* f : findings) {
    WriteFinding(*f, out);
  }
}

void WriteProvision(const Provision& p, std::ostream& out) {
  out << "<div class=\"provision depth-" << p.depth << "\" data-path=\"" << Esc(p.path)
      << "\"><p><span class=\"no\">" << Esc(p.number) << "</span> ";
  if (!p.label.empty()) {
    out << (p.depth == 0 ? "<strong>" : "<em>") << Esc(p.label)
        << (p.depth == 0 ? ".</strong>" : ":</em>") << (p.text.empty() ? "" : " ");
  }
  out << Esc(p.text) << "</p>\n";
  for (const std::string& paragraph : p.paragraphs) {
    out << "<p>" << Esc(paragraph) << "</p>\n";
  }
  WriteFindings(p.findings, out);
  out << "</div>\n";
}

void WriteParticulars(const Clause& clause, std::ostream& out) {
  out << "<section class=\"clause\" id=\"particulars\">\n<h2>" << Esc(clause.title) << "</h2>\n";
  WriteFindings(clause.findings, out);
  out << "<dl class=\"particulars\">\n";
  for (const Provision& p : clause.provisions) {
    out << "<dt>" << Esc(p.label) << "</dt><dd data-path=\"" << Esc(p.path) << "\">" << Esc(p.text);
    for (const std::string& paragraph : p.paragraphs) {
      out << " " << Esc(paragraph);
    }
    out << "</dd>\n";
  }
  out << "</dl>\n";
  for (const Provision& p : clause.provisions) {
    WriteFindings(p.findings, out);
  }
  out << "</section>\n";
}

void WriteClause(const Clause& clause, std::ostream& out) {
  if (clause.number == 0) {
    WriteParticulars(clause, out);
    return;
  }
  out << "<section class=\"clause\" id=\"clause-" << clause.number << "\">\n<h2><span class=\"no\">"
      << clause.number << ".</span> " << Esc(clause.title) << "</h2>\n";
  WriteFindings(clause.findings, out);
  if (clause.provisions.empty()) {
    out << "<p class=\"empty\">The agreement says nothing under this heading.</p>\n";
  }
  for (const Provision& p : clause.provisions) {
    WriteProvision(p, out);
  }
  out << "</section>\n";
}

}  // namespace

void WriteRenderedHtml(const RenderedAgreement& doc,
                       const std::optional<RenderedFindings>& findings, std::ostream& out) {
  WriteHtmlHead({doc.title, "", false, kRenderStyle}, out);
  out << "<body>\n<header class=\"page\"><div>\n<h1>" << Esc(doc.title)
      << "</h1>\n<p>The agreement in <span class=\"path\">" << Esc(doc.file)
      << "</span>, clause by clause";
  if (findings) {
    out << " &middot; findings as of <time datetime=\"" << findings->as_of.ToString() << "\">"
        << findings->as_of.ToLongString() << "</time>: " << CountsText(findings->counts);
  }
  out << "</p>\n</div></header>\n<main class=\"agreement\">\n";
  if (findings) {
    out << "<p class=\"lede\">Each finding is shown beside the clause it concerns.</p>\n";
    if (!doc.general.empty()) {
      out << "<section class=\"clause\" id=\"general\">\n<h2>General findings</h2>\n";
      WriteFindings(doc.general, out);
      out << "</section>\n";
    }
  }
  for (const Clause& clause : doc.clauses) {
    WriteClause(clause, out);
  }
  out << "<footer>Rendered by s75check. <code>s75check check</code> checks the agreement; "
         "<code>s75check explain ID</code> explains a finding.</footer>\n</main>\n</body>\n"
         "</html>\n";
}

}  // namespace s75

#include "report/markdown_reporter.h"
#include "report/render_writer.h"
#include "report/text_reporter.h"

namespace s75 {

namespace {

std::string Esc(std::string_view text) { return MarkdownEscape(text); }

// The indent that keeps a line inside the list entry at `depth`.
std::string Indent(int depth) { return std::string(static_cast<size_t>(2 * depth), ' '); }

// Each finding a paragraph of one block quote, so that none runs into the next.
void WriteFindings(const std::vector<const Finding*>& findings, int depth, std::ostream& out) {
  for (const Finding* f : findings) {
    if (f != findings.front()) {
      out << Indent(depth) << ">\n";
    }
    std::string severity(SeverityName(f->severity));
    severity[0] = static_cast<char>(severity[0] - 'a' + 'A');
    out << Indent(depth) << "> **" << severity << (f->waived() ? " (waived)" : "") << ":** "
        << Esc(FindingText(*f)) << "\n";
  }
}

void WriteProvision(const Provision& p, std::ostream& out) {
  std::string label = p.label.empty() ? "" : Esc(p.label);
  if (p.depth == 0) {
    out << "\n**" << Esc(p.number);
    out << (label.empty() ? "" : (p.number.empty() ? "" : " ") + label + ".") << "**";
    out << (p.text.empty() ? "" : " " + Esc(p.text)) << "\n";
  } else {
    out << Indent(p.depth - 1) << "- " << Esc(p.number) << " "
        << (label.empty() ? "" : "*" + label + ":* ") << Esc(p.text) << "\n";
  }
  for (const std::string& paragraph : p.paragraphs) {  // inside the entry, for a list
    out << "\n" << Indent(p.depth) << Esc(paragraph) << "\n";
  }
  if (!p.findings.empty()) {
    out << (p.depth == 0 ? "\n" : "");
    WriteFindings(p.findings, p.depth, out);
  }
}

void WriteClause(const Clause& clause, std::ostream& out) {
  out << "\n## ";
  if (clause.number > 0) {
    out << clause.number << ". ";
  }
  out << Esc(clause.title) << "\n";
  if (!clause.findings.empty()) {
    out << "\n";
    WriteFindings(clause.findings, 0, out);
  }
  if (clause.provisions.empty()) {
    out << "\n*The agreement says nothing under this heading.*\n";
  }
  for (const Provision& p : clause.provisions) {
    WriteProvision(p, out);
  }
}

}  // namespace

std::string FindingText(const Finding& f) {
  std::string line = f.range.line > 0 ? " (line " + std::to_string(f.range.line) + ")" : "";
  return f.rule + " " + f.slug + line + ": " + f.message + ReferencesText(f) + WaiverText(f);
}

std::vector<std::string_view> RenderFormats() { return {"markdown", "html", "docx"}; }

void WriteRenderedMarkdown(const RenderedAgreement& doc,
                           const std::optional<RenderedFindings>& findings, std::ostream& out) {
  out << "# " << Esc(doc.title) << "\n\n*The agreement in " << Esc(doc.file)
      << ", clause by clause, as rendered by s75check.";
  if (findings) {
    out << " Findings as of " << findings->as_of.ToLongString() << ": "
        << CountsText(findings->counts) << "; each follows the clause it concerns.";
  }
  out << "*\n";
  if (findings && !doc.general.empty()) {
    out << "\n## General findings\n\n";
    WriteFindings(doc.general, 0, out);
  }
  for (const Clause& clause : doc.clauses) {
    WriteClause(clause, out);
  }
}

}  // namespace s75

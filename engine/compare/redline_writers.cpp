#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/join.h"
#include "compare/compare_report.h"
#include "compare/format_dispatch.h"
#include "compare/redline_words.h"
#include "report/html_page.h"
#include "report/markdown_reporter.h"
#include "report/markup_escape.h"
#include "report/xlsx.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

std::string_view KindName(ProvisionChangeKind k) {
  switch (k) {
    case ProvisionChangeKind::kAdded:
      return "added";
    case ProvisionChangeKind::kRemoved:
      return "removed";
    case ProvisionChangeKind::kChanged:
      return "changed";
  }
  return "";
}

// "2.1 Commencement", or the label alone in the particulars.
std::string Heading(const ProvisionChange& c) {
  std::string label = c.label.empty() ? c.path : c.label;
  return c.number.empty() ? label : c.number + " " + label;
}

// "file:line:col: severity: RULE slug: message", as `check` writes it.
std::string FindingLine(const Finding& f) {
  return f.range.ToString() + ": " + std::string(SeverityName(f.severity)) + ": " + f.rule + " " +
         f.slug + ": " + f.message;
}

// The headings of the provisions changed only by a partner's new name, which
// the readable forms name once rather than show each ("5.1 Host; 6.1 ...").
std::string RenamedOnly(const Redline& r) {
  std::vector<std::string> headings;
  for (const ProvisionChange& c : r.changes) {
    if (c.renamed_only) {
      headings.push_back(Heading(c));
    }
  }
  return Join(headings, "; ");
}

// The changes the readable forms show in full: all but the renamed-only.
std::vector<const ProvisionChange*> Shown(const Redline& r) {
  std::vector<const ProvisionChange*> out;
  for (const ProvisionChange& c : r.changes) {
    if (!c.renamed_only) {
      out.push_back(&c);
    }
  }
  return out;
}

// Text on one line, its paragraphs' breaks shown as " / ".
std::string OneLine(std::string text) {
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    size_t end = text.find_first_not_of('\n', at);
    text.replace(at, (end == std::string::npos ? text.size() : end) - at, " / ");
  }
  return text;
}

void WriteText(const Redline& r, std::ostream& out) {
  out << "Changes from " << r.old_file << " to " << r.new_file << FormatsText(r) << "\n";
  out << (r.renames.empty() ? "" : "\nPartners renamed\n");
  for (const PartnerRename& rename : r.renames) {
    out << "  " << rename.id << ": " << rename.old_name << " -> " << rename.new_name << "\n";
  }
  if (std::string also = RenamedOnly(r); !also.empty()) {
    out << "  changed only by the new name: " << also << "\n";
  }
  std::string clause;
  for (const ProvisionChange* shown : Shown(r)) {
    const ProvisionChange& c = *shown;
    if (c.clause != clause) {
      clause = c.clause;
      out << "\n" << clause << "\n";
    }
    out << "  " << KindName(c.kind) << " " << Heading(c) << ":";
    if (c.kind == ProvisionChangeKind::kChanged) {
      out << "\n      was: " << OneLine(c.old_text) << "\n      now: " << OneLine(c.new_text)
          << "\n";
    } else {
      const std::string& text = c.kind == ProvisionChangeKind::kAdded ? c.new_text : c.old_text;
      out << (text.empty() ? "" : " ") << OneLine(text) << "\n";
    }
  }
  if (r.changes.empty()) {
    out << "\nNo provision changed.\n";
  }
  const FindingChanges& f = r.findings;
  out << "\nFindings: " << f.introduced.size() << " introduced, " << f.resolved.size()
      << " resolved, " << f.unchanged.size() << " unchanged\n";
  EachFindingGroup(f, [&](std::string_view title, const std::vector<Finding>& list) {
    for (const Finding& finding : list) {
      out << "  " << title << ": " << FindingLine(finding) << "\n";
    }
  });
}

Json FindingJson(const Finding& f) {
  return Json{{"rule", f.rule},          {"severity", SeverityName(f.severity)},
              {"path", f.path},          {"message", f.message},
              {"file", f.range.file},    {"line", f.range.line},
              {"column", f.range.column}};
}

void WriteJson(const Redline& r, std::ostream& out) {
  Json changes = Json::array();
  for (const ProvisionChange& c : r.changes) {
    changes.push_back(
        Json{{"change", KindName(c.kind)},
             {"clause", c.clause},
             {"number", c.number},
             {"label", c.label},
             {"path", c.path},
             {"old", c.kind == ProvisionChangeKind::kAdded ? Json() : Json(c.old_text)},
             {"new", c.kind == ProvisionChangeKind::kRemoved ? Json() : Json(c.new_text)},
             {"renamed_only", c.renamed_only}});
  }
  Json renames = Json::array();
  for (const PartnerRename& rename : r.renames) {
    renames.push_back({{"partner", rename.id}, {"old", rename.old_name}, {"new", rename.new_name}});
  }
  Json findings = Json::object();
  EachFindingGroup(r.findings, [&](std::string_view title, const std::vector<Finding>& list) {
    Json group = Json::array();
    for (const Finding& f : list) {
      group.push_back(FindingJson(f));
    }
    std::string key(title);
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    findings[key] = std::move(group);
  });
  Json doc = {{"old", {{"file", r.old_file}, {"format", r.old_version}}},
              {"new", {{"file", r.new_file}, {"format", r.new_version}}},
              {"renames", std::move(renames)},
              {"changes", std::move(changes)},
              {"findings", std::move(findings)}};
  out << doc.dump(2) << "\n";
}

// Markdown: a removed text struck through, an added one in bold, so the
// change reads without colour.
void WriteMarkdownChange(const ProvisionChange& c, std::ostream& out) {
  out << "- **" << MarkdownEscape(Heading(c)) << "** " << KindName(c.kind);
  auto marked = [](const std::string& text, std::string_view mark) {
    return text.empty() ? "" : std::string(mark) + MarkdownEscape(text) + std::string(mark);
  };
  std::string removed = c.kind == ProvisionChangeKind::kAdded ? "" : marked(c.old_text, "~~");
  std::string added = c.kind == ProvisionChangeKind::kRemoved ? "" : marked(c.new_text, "**");
  std::string arrow = !removed.empty() && !added.empty() ? " → " : "";
  out << (removed.empty() && added.empty() ? "" : ": ") << removed << arrow << added << "\n";
}

void WriteMarkdown(const Redline& r, std::ostream& out) {
  out << "# Changes from " << MarkdownEscape(r.old_file) << " to " << MarkdownEscape(r.new_file)
      << "\n\n";
  if (r.old_version != r.new_version) {
    out << "The older draft is in format " << r.old_version << ", the newer in format "
        << r.new_version
        << "; both are read into one model, so only changes of substance show.\n\n";
  }
  if (!r.renames.empty()) {
    out << "## Partners renamed\n\n";
    for (const PartnerRename& rename : r.renames) {
      out << "- **" << MarkdownEscape(rename.id) << "**: ~~" << MarkdownEscape(rename.old_name)
          << "~~ → **" << MarkdownEscape(rename.new_name) << "**\n";
    }
    std::string also = RenamedOnly(r);
    out << (also.empty() ? "" : "\nChanged only by the new name: " + MarkdownEscape(also) + ".\n")
        << "\n";
  }
  std::string clause;
  std::vector<const ProvisionChange*> shown = Shown(r);
  for (const ProvisionChange* c : shown) {
    if (c->clause != clause) {
      clause = c->clause;
      out << (c == shown.front() ? "" : "\n") << "## " << MarkdownEscape(clause) << "\n\n";
    }
    WriteMarkdownChange(*c, out);
  }
  out << (shown.empty() ? "No provision changed.\n" : "") << "\n## Findings\n";
  EachFindingGroup(r.findings, [&](std::string_view title, const std::vector<Finding>& list) {
    out << "\n### " << title << " (" << list.size() << ")\n\n" << (list.empty() ? "None.\n" : "");
    for (const Finding& f : list) {
      out << "- " << SeverityName(f.severity) << " **" << f.rule << "** `"
          << (f.path.empty() ? "(document)" : f.path) << "`: " << MarkdownEscape(f.message) << "\n";
    }
  });
}

// What the redline page adds to the shared style sheet: removed text struck
// through in red, added text underlined in green, each change headed by a
// word (Removed, Added, Changed) so that it reads in greyscale; on paper the
// marks stay (a thick strike, a double underline) and the colours go black.
constexpr std::string_view kRedlineStyle = R"css(
main.redline, header.page div { max-width: 960px; }
del, ins { text-decoration-thickness: 2px; white-space: pre-line; }
del { color: var(--error); background: var(--error-bg); text-decoration-line: line-through; }
ins { color: var(--pass); background: var(--pass-bg); text-decoration-line: underline; text-underline-offset: 3px; }
ul.legend del, ul.legend ins { padding: 0 4px; }
.change { margin: 10px 0; padding: 6px 0 6px 12px; border-left: 4px solid var(--line); }
.change.removed { border-left-color: var(--error); }
.change.added { border-left-color: var(--pass); }
.change.changed { border-left-color: var(--info-bar); border-left-style: double; border-left-width: 6px; }
.change h3 { margin: 0; font-size: 15px; font-weight: 600; }
.change h3 .no { display: inline-block; min-width: 3em; color: var(--muted); font-variant-numeric: tabular-nums; }
.change p { margin: 4px 0 0; overflow-wrap: anywhere; }
.change .arrow { color: var(--muted); padding: 0 4px; }
.badge { display: inline-block; white-space: nowrap; margin-right: 8px; padding: 0 6px; border: 1px solid currentColor; border-radius: 3px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
dl.summary .pass { border-top-color: var(--pass); }
.badge.removed { color: var(--error); }
.badge.added { color: var(--pass); }
.badge.changed { color: var(--info); }
ul.findings { list-style: none; padding: 0; margin: 6px 0; }
ul.findings li { margin: 4px 0; overflow-wrap: anywhere; }
h3.group { font-size: 16px; margin: 18px 0 4px; }
@media print {
  del, ins, .badge, .change h3 .no { color: #000 !important; background: none !important; }
  del { text-decoration-thickness: 1.5pt; }
  ins { text-decoration-style: double; text-decoration-thickness: 1pt; }
  .change { border-left-color: #000 !important; break-inside: avoid; }
}
)css";

// "Added", "Removed", "Changed".
std::string KindTitle(ProvisionChangeKind k) {
  std::string title(KindName(k));
  title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

// One change: its mark and heading, then the old text struck through and
// the new underlined.
void WriteHtmlChange(const ProvisionChange& c, std::ostream& out) {
  std::string_view kind = KindName(c.kind);
  out << "<div class=\"change " << kind << "\">\n<h3><span class=\"badge " << kind << "\">"
      << KindTitle(c.kind) << "</span>";
  if (!c.number.empty()) {
    out << "<span class=\"no\">" << XmlEscape(c.number) << "</span> ";
  }
  out << XmlEscape(c.label.empty() ? c.path : c.label) << "</h3>\n";
  bool removed = c.kind != ProvisionChangeKind::kAdded && !c.old_text.empty();
  bool added = c.kind != ProvisionChangeKind::kRemoved && !c.new_text.empty();
  if (removed || added) {
    out << "<p>" << (removed ? "<del>" + XmlEscape(c.old_text) + "</del>" : "")
        << (removed && added ? "<span class=\"arrow\" aria-hidden=\"true\">&rarr;</span>" : "")
        << (added ? "<ins>" + XmlEscape(c.new_text) + "</ins>" : "") << "</p>\n";
  }
  out << "</div>\n";
}

void WriteHtmlSummary(const Redline& r, std::ostream& out) {
  auto count = [&](ProvisionChangeKind kind) {
    return static_cast<int>(
        std::count_if(r.changes.begin(), r.changes.end(),
                      [&](const ProvisionChange& c) { return c.kind == kind && !c.renamed_only; }));
  };
  out << "<dl class=\"summary\">\n";
  WriteSummaryItem("info", "changed", "Provisions changed", count(ProvisionChangeKind::kChanged),
                   out);
  WriteSummaryItem("pass", "added", "Added", count(ProvisionChangeKind::kAdded), out);
  WriteSummaryItem("error", "removed", "Removed", count(ProvisionChangeKind::kRemoved), out);
  WriteSummaryItem("warning", "introduced", "Findings introduced",
                   static_cast<int>(r.findings.introduced.size()), out);
  WriteSummaryItem("waived", "resolved", "Findings resolved",
                   static_cast<int>(r.findings.resolved.size()), out);
  out << "</dl>\n<ul class=\"legend\"><li><del>removed text</del> struck through</li>"
         "<li><ins>added text</ins> underlined</li></ul>\n";
}

// The partners renamed, each old name struck through and the new underlined,
// and the provisions that change only by the new names.
void WriteHtmlRenames(const Redline& r, std::ostream& out) {
  if (r.renames.empty()) {
    return;
  }
  out << "<section class=\"clause\" id=\"renames\">\n<h2>Partners renamed</h2>\n";
  for (const PartnerRename& rename : r.renames) {
    out << "<div class=\"change changed\">\n<h3><span class=\"badge changed\">Renamed</span>"
        << XmlEscape(rename.id) << "</h3>\n<p><del>" << XmlEscape(rename.old_name)
        << "</del><span class=\"arrow\" aria-hidden=\"true\">&rarr;</span><ins>"
        << XmlEscape(rename.new_name) << "</ins></p>\n</div>\n";
  }
  if (std::string also = RenamedOnly(r); !also.empty()) {
    out << "<p class=\"note\">Changed only by the new name: " << XmlEscape(also) << ".</p>\n";
  }
  out << "</section>\n";
}

void WriteHtmlFindings(const FindingChanges& findings, std::ostream& out) {
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n";
  EachFindingGroup(findings, [&](std::string_view title, const std::vector<Finding>& list) {
    out << "<h3 class=\"group\">" << title << " (" << list.size() << ")</h3>\n"
        << (list.empty() ? "<p class=\"note\">None.</p>\n" : "<ul class=\"findings\">\n");
    for (const Finding& f : list) {
      std::string_view severity = SeverityName(f.severity);
      out << "<li><span class=\"sev " << severity << "\">" << severity << "</span> <strong>"
          << XmlEscape(f.rule) << "</strong> <code>"
          << XmlEscape(f.path.empty() ? "(document)" : f.path)
          << "</code>: " << XmlEscape(f.message) << "</li>\n";
    }
    out << (list.empty() ? "" : "</ul>\n");
  });
  out << "</section>\n";
}

void WriteHtml(const Redline& r, std::ostream& out) {
  WriteHtmlHead({"Changes between two drafts", "", false, kRedlineStyle}, out);
  out << "<body>\n<header class=\"page\"><div>\n<h1>Changes between two drafts</h1>\n<p>From "
      << "<span class=\"path\">" << XmlEscape(r.old_file) << "</span> to <span class=\"path\">"
      << XmlEscape(r.new_file) << "</span>" << XmlEscape(FormatsText(r))
      << ", clause by clause</p>\n</div></header>\n<main class=\"redline\">\n";
  WriteHtmlSummary(r, out);
  WriteHtmlRenames(r, out);
  std::string clause;
  std::vector<const ProvisionChange*> shown = Shown(r);
  for (const ProvisionChange* c : shown) {
    if (c->clause != clause) {
      out << (clause.empty() ? "" : "</section>\n") << "<section class=\"clause\">\n<h2>"
          << XmlEscape(c->clause) << "</h2>\n";
      clause = c->clause;
    }
    WriteHtmlChange(*c, out);
  }
  out << (shown.empty() ? "<p>No provision changed.</p>\n" : "</section>\n");
  WriteHtmlFindings(r.findings, out);
  out << "<footer>Compared by s75check: <code>s75check compare OLD NEW</code>. Findings are "
         "matched on rule, path and message, never on line.</footer>\n</main>\n</body>\n"
         "</html>\n";
}

}  // namespace

std::string FormatsText(const Redline& r) {
  return r.old_version == r.new_version
             ? ""
             : " (format " + std::to_string(r.old_version) + " and format " +
                   std::to_string(r.new_version) + ", read into one model)";
}

std::vector<std::string_view> CompareFormats() {
  return {"text", "json", "markdown", "html", "xlsx", "docx"};
}

std::string WriteRedlineXlsx(const Redline& r, std::ostream& out) {
  XlsxWorkbook book(r.as_of);
  int changes = book.AddSheet("changes", {"clause", "number", "provision", "change", "old text",
                                          "new text", "only a new name"});
  for (const ProvisionChange& c : r.changes) {
    book.AddRow(changes, {TextCell(c.clause), TextCell(c.number),
                          TextCell(c.label.empty() ? c.path : c.label),
                          TextCell(std::string(KindName(c.kind))), TextCell(c.old_text),
                          TextCell(c.new_text), TextCell(c.renamed_only ? "yes" : "no")});
  }
  int renames = book.AddSheet("partners renamed", {"partner", "old name", "new name"});
  for (const PartnerRename& rename : r.renames) {
    book.AddRow(renames,
                {TextCell(rename.id), TextCell(rename.old_name), TextCell(rename.new_name)});
  }
  int findings = book.AddSheet(
      "findings", {"finding", "severity", "rule", "path", "file", "line", "column", "message"});
  EachFindingGroup(r.findings, [&](std::string_view title, const std::vector<Finding>& list) {
    for (const Finding& f : list) {
      book.AddRow(findings,
                  {TextCell(std::string(title)), TextCell(std::string(SeverityName(f.severity))),
                   TextCell(f.rule), TextCell(f.path), TextCell(f.range.file),
                   CountCell(f.range.line), CountCell(f.range.column), TextCell(f.message)});
    }
  });
  return book.Finish(out);
}

bool WriteRedline(const Redline& redline, std::string_view format, std::ostream& out) {
  return WriteInFormat(redline, format, out, {WriteText, WriteJson, WriteMarkdown, WriteHtml});
}

}  // namespace s75

// The rendered agreement (render_model.h) written out: as Markdown, as one
// self-contained HTML page (inline styles, no script, nothing fetched), or as
// a Word document. Every value from the agreement or a finding is escaped.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "report/check_report.h"
#include "report/render_model.h"
#include "report/zip_package.h"

namespace s75 {

// What the page says about the check, when findings were asked for.
struct RenderedFindings {
  Date as_of;
  Summary counts;  // of the file's findings
};

// Writes `doc` as Markdown; with `findings`, each finding follows the
// provision or clause it concerns, the rest in a "General findings" clause.
void WriteRenderedMarkdown(const RenderedAgreement& doc,
                           const std::optional<RenderedFindings>& findings, std::ostream& out);

// Writes `doc` as an HTML page, findings as for Markdown.
void WriteRenderedHtml(const RenderedAgreement& doc,
                       const std::optional<RenderedFindings>& findings, std::ostream& out);

// The parts of the Word document of `doc` (rendered as the signing copy,
// RenderOptions): the title; the particulars as a table; each clause a
// "Heading 1" ("7.\tFinance and risk share"; a fund "Schedule 1 — Fund: NAME")
// over its provisions, entries and details, numbered as the model numbers
// them; and an execution block with each partner's signatory (name, title,
// date, or a line to write on). With `findings`, each finding is a Word
// comment by "s75check" dated `as_of`, anchored on the provision or heading
// it concerns, the general ones on the title.
std::vector<PackagePart> RenderedDocxParts(const RenderedAgreement& doc,
                                           const std::optional<RenderedFindings>& findings);

// The Word document (the parts above, zipped) in `out`; "" or why not.
std::string WriteRenderedDocx(const RenderedAgreement& doc,
                              const std::optional<RenderedFindings>& findings, std::string& out);

// The formats the writers give: "markdown", "html", "docx".
std::vector<std::string_view> RenderFormats();

// A finding without its severity: "T1.07 contributions-and-year-end (line 42):
// MESSAGE [REFS] (waived: ...)". Unescaped.
std::string FindingText(const Finding& f);

}  // namespace s75

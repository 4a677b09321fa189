// The rendered agreement (render_model.h) written out: as Markdown, or as one
// self-contained HTML page (inline styles, no script, nothing fetched). Every
// value from the agreement or a finding is escaped.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "report/check_report.h"
#include "report/render_model.h"

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

// The formats the two writers give: "markdown", "html".
std::vector<std::string_view> RenderFormats();

// A finding without its severity: "T1.07 contributions-and-year-end (line 42):
// MESSAGE [REFS] (waived: ...)". Unescaped.
std::string FindingText(const Finding& f);

}  // namespace s75

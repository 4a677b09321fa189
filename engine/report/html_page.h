// The head of a self-contained HTML page, shared by the check report and the
// rendered agreement: a Content-Security-Policy that refuses every fetch, and
// the style sheets inline.
#pragma once

#include <ostream>
#include <string_view>

namespace s75 {

struct HtmlHead {
  std::string_view title;         // escaped here
  std::string_view tool_version;  // the generator meta tag; "" for none
  bool script = false;            // the CSP allows the page's inline script
  std::string_view extra_style;   // appended to the shared style sheet
};

// Writes from `<!DOCTYPE html>` to `</head>`.
void WriteHtmlHead(const HtmlHead& head, std::ostream& out);

// One figure of a summary's `<dl class="summary">`: `css` picks its colour,
// `key` names it for scripts and tests (data-summary).
void WriteSummaryItem(std::string_view css, std::string_view key, std::string_view label, int value,
                      std::ostream& out);

}  // namespace s75

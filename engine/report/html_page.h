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

}  // namespace s75

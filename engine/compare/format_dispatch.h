// The one place that turns a --format word into a writer, for the
// comparison's reports (compare_report.h).
#pragma once

#include <ostream>
#include <string_view>

namespace s75 {

// A writer of one format.
template <typename Report>
using WriterFn = void (*)(const Report&, std::ostream&);

// The writers of one report, a format each.
template <typename Report>
struct FormatWriters {
  WriterFn<Report> text;
  WriterFn<Report> json;
  WriterFn<Report> markdown;
  WriterFn<Report> html;
};

// Writes `report` with the writer of `format` (text, json, markdown or html);
// false for another format.
template <typename Report>
bool WriteInFormat(const Report& report, std::string_view format, std::ostream& out,
                   const FormatWriters<Report>& writers) {
  WriterFn<Report> writer = format == "text"       ? writers.text
                            : format == "json"     ? writers.json
                            : format == "markdown" ? writers.markdown
                            : format == "html"     ? writers.html
                                                   : nullptr;
  if (writer == nullptr) {
    return false;
  }
  writer(report, out);
  return true;
}

}  // namespace s75

// The one place that turns a --format word into a writer, for the
// comparison's reports (compare_report.h).
#pragma once

#include <ostream>
#include <string_view>

namespace s75 {

// A writer of one format.
template <typename Report>
using WriterFn = void (*)(const Report&, std::ostream&);

// Writes `report` with the writer of `format` (text, json or markdown);
// false for another format.
template <typename Report>
bool WriteInFormat(const Report& report, std::string_view format, std::ostream& out,
                   WriterFn<Report> text, WriterFn<Report> json, WriterFn<Report> markdown) {
  WriterFn<Report> writer = format == "text"       ? text
                            : format == "json"     ? json
                            : format == "markdown" ? markdown
                                                   : nullptr;
  if (writer == nullptr) {
    return false;
  }
  writer(report, out);
  return true;
}

}  // namespace s75

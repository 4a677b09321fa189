#include "common/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace s75 {

void Diagnostics::Error(SourceRange range, std::string message) {
  items_.push_back({std::move(range), Severity::kError, std::move(message)});
}

bool Diagnostics::HasErrors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void Diagnostics::Sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.range.file, a.range.line, a.range.column, a.message) <
           std::tie(b.range.file, b.range.line, b.range.column, b.message);
  });
}

namespace {

// The 1-based line `line` of `source`, without its line end.
std::string_view LineOf(std::string_view source, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) {
      return {};
    }
    start = nl + 1;
  }
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, std::string_view source) {
  std::string out =
      d.range.ToString() + ": " + std::string(SeverityName(d.severity)) + ": " + d.message + "\n";
  if (source.empty() || d.range.line <= 0) {
    return out;
  }
  std::string_view text = LineOf(source, d.range.line);
  if (text.empty()) {
    return out;
  }
  out += "  ";
  out += text;
  out += "\n  ";
  for (int i = 1; i < d.range.column && i <= static_cast<int>(text.size()); ++i) {
    out += text[i - 1] == '\t' ? '\t' : ' ';
  }
  out += "^\n";
  return out;
}

}  // namespace s75

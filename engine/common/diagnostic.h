// Diagnostics: user mistakes in rule files, collected rather than thrown.
// Only broken invariants throw; everything a user can get wrong is a
// Diagnostic with a range, sorted by location before printing.
#pragma once

#include <string>
#include <vector>

#include "common/severity.h"
#include "common/source_range.h"

namespace s75 {

struct Diagnostic {
  SourceRange range;
  Severity severity = Severity::kError;
  std::string message;
};

// Collects diagnostics from one stage.
class Diagnostics {
 public:
  void Error(SourceRange range, std::string message);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool HasErrors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  // Sorts by file, line, column, then message.
  void Sort();

 private:
  std::vector<Diagnostic> items_;
};

// Renders a diagnostic as `file:line:col: error: message`, followed by the
// offending source line and a caret under the column when `source` holds the
// file's text.
std::string FormatDiagnostic(const Diagnostic& d, std::string_view source);

}  // namespace s75

#include "load/doc_rules.h"

#include <stdexcept>
#include <vector>

namespace s75 {

const std::vector<DocRule>& DocRules() {
  static const std::vector<DocRule> kRules = {
      {"DOC.01", "yaml-syntax", Severity::kError, "The file is valid YAML, one document"},
      {"DOC.02", "duplicate-key", Severity::kError, "No mapping repeats a key"},
      {"DOC.03", "unknown-key", Severity::kWarning, "Every key is one the format defines"},
      {"DOC.04", "wrong-type", Severity::kError, "Every value has its field's type"},
      {"DOC.05", "missing-required", Severity::kError, "Required keys are present"},
      {"DOC.06", "unsupported-format", Severity::kError, "The format is s75check/1"},
      {"DOC.07", "unreadable", Severity::kError, "The file can be read within the limits"},
      {"DOC.08", "duplicate-agreement-id", Severity::kWarning,
       "Agreement ids are unique within a run"},
  };
  return kRules;
}

Finding DocFinding(std::string_view id, const std::string& file, int line, int column,
                   std::string path, std::string message) {
  for (const DocRule& r : DocRules()) {
    if (r.id != id) continue;
    Finding f;
    f.rule = std::string(r.id);
    f.slug = std::string(r.slug);
    f.severity = r.severity;
    f.message = std::move(message);
    f.range = SourceRange{file, line, column};
    f.path = std::move(path);
    f.references = {"s75check agreement format v1"};
    return f;
  }
  throw std::logic_error("unknown DOC rule " + std::string(id));
}

}  // namespace s75

#include "common/severity.h"

namespace s75 {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  if (text == "error") {
    return Severity::kError;
  }
  if (text == "warning") {
    return Severity::kWarning;
  }
  if (text == "info") {
    return Severity::kInfo;
  }
  return std::nullopt;
}

}  // namespace s75

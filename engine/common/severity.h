// Severities of findings and diagnostics, ordered from least to most severe.
#pragma once

#include <optional>
#include <string_view>

namespace s75 {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

// "error", "warning" or "info".
std::string_view SeverityName(Severity s);

// Parses "error" / "warning" / "info"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view text);

}  // namespace s75

// Reads YAML text into a Document with yaml-cpp's event-level parser, so that
// every node keeps its position, duplicate keys are kept (for validation to
// report) and aliases are shared rather than expanded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/document.h"
#include "load/limits.h"

namespace s75 {

// Why a file could not be read as one YAML document.
struct ReadError {
  std::string_view rule;  // kDocYamlSyntax or kDocUnreadable (limit, encoding)
  int line = 0;
  int column = 0;
  std::string message;
};

// Parses `text` (already checked as UTF-8, BOM removed) into `doc.root`.
// Returns the error that stopped it, if any; `doc.root` is null for an
// empty document.
std::optional<ReadError> ReadYaml(std::string_view text, const LoadLimits& limits, Document& doc);

// The position of the first byte that is not valid UTF-8 (DOC.07), or of the
// first control character YAML does not allow (DOC.01), if any.
std::optional<ReadError> CheckCharacters(std::string_view text);

}  // namespace s75

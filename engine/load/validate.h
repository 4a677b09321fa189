// Validates a Document against the agreement format: unknown and duplicate
// keys, types, vocabularies, required keys. Valid scalars get their typed
// value; invalid ones are marked so that the rules ignore them.
#pragma once

#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// Appends DOC findings to `out`. Returns false when the document cannot be
// checked at all (empty, not a mapping, no or an unsupported `format`).
bool ValidateDocument(Document& doc, std::vector<Finding>& out);

}  // namespace s75

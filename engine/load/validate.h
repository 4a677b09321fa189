// Validates a Document against the agreement format: unknown and duplicate
// keys, types, vocabularies, required keys. Valid scalars get their typed
// value; invalid ones are marked so that the rules ignore them.
#pragma once

#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// Appends DOC findings to `out`. Returns the format version the document is
// written in (1 or 2), or 0 when it cannot be checked at all (empty, not a
// mapping, no or an unsupported `format`).
int ValidateDocument(Document& doc, std::vector<Finding>& out);

}  // namespace s75

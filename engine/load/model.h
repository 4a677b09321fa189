// The model the rules read. Format 2 files are the model as written; a
// format 1 file's `host`, `management.pooled_fund_manager` and fund figures
// under `finance` are read into one fund of `funds` (agreement-format-2.md,
// "Format 1 keeps working"), made of the file's own nodes so that every
// finding still points at the format 1 key it concerns.
#pragma once

#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// Completes a validated document into the model, appending the DOC findings
// that only the model shows (format 2's `agreement.arrangements` disagreeing
// with its funds).
void BuildModel(Document& doc, std::vector<Finding>& out);

}  // namespace s75

// The model the rules read. Format 2 files are the model as written; a
// format 1 file's `host`, `management.pooled_fund_manager` and fund figures
// under `finance` are read into one fund of `funds` (agreement-format-2.md,
// "Format 1 keeps working"), made of the file's own nodes so that every
// finding still points at the format 1 key it concerns.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// Where a field of a format 1 file's one fund comes from: a section at the
// top level and the key inside it.
struct Format1Source {
  std::string_view fund_field;
  std::string_view section;
  std::string_view key;
};

// Every field of the one fund a format 1 file is read into, in the fund's
// order, with where the format 1 file writes it. `management.reporting` is
// among them (format 1 has one list of reports for all), although format 2
// keeps it agreement-wide.
std::span<const Format1Source> Format1FundSources();

// Completes a validated document into the model, appending the DOC findings
// that only the model shows (format 2's `agreement.arrangements` disagreeing
// with its funds).
void BuildModel(Document& doc, std::vector<Finding>& out);

}  // namespace s75

// Where a value of an agreement is, independent of the order of its lists:
// the YAML path with each list index replaced by the entry's identity, so
// that two drafts can be matched entry by entry. A format 1 file's host and
// fund figures are read as its one fund `main` (load/model.h), so the same
// value has the same identity in a format 1 file and its migration.
#pragma once

#include <string>
#include <string_view>

#include "load/document.h"

namespace s75 {

// `path` ("partners[2].name", "finance.contributions[1]") with each index
// replaced by the entry's identity ("partners[council].name",
// "funds[main].contributions[council]"): its `id`, else the partner a
// contribution is by, else its year, else its position ("#2"). Indices that
// name no entry of the document are kept as positions.
std::string IdentityPath(const Document& doc, std::string_view path);

// The value at a path IdentityPath accepts (with indices), or null.
const Node* NodeAtPath(const Document& doc, std::string_view path);

}  // namespace s75

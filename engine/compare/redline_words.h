// What the redline's writers (redline_writers.cpp, redline_docx.cpp) say
// alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compare/redline.h"

namespace s75 {

// " (format 1 and format 2, read into one model)" when the drafts are in
// different formats, else "".
std::string FormatsText(const Redline& r);

// Calls `write(title, findings)` for the findings introduced, resolved and
// unchanged, in that order ("Introduced", "Resolved", "Unchanged").
template <typename Write>
void EachFindingGroup(const FindingChanges& f, Write write) {
  write("Introduced", f.introduced);
  write("Resolved", f.resolved);
  write("Unchanged", f.unchanged);
}

}  // namespace s75

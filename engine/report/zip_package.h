// A zip package (a Word document is one) built in memory with libzip, the
// same bytes for the same parts: the parts in the order given, each entry
// dated 1 January 1980 00:00 (the earliest date zip can hold), so nothing of
// the moment it was written is in it.
#pragma once

#include <string>
#include <vector>

namespace s75 {

struct PackagePart {
  std::string name;  // "word/document.xml"
  std::string content;
};

// The zip of `parts`, deflated, in `out`; "" on success, else why not.
std::string ZipPackage(const std::vector<PackagePart>& parts, std::string& out);

}  // namespace s75

// The package of a Word document (render_docx.cpp): the parts every one has
// (styles, content types, relationships) around the ones written for it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/zip_package.h"

namespace s75 {

// The parts written for one document, as XML without the declaration.
struct DocxContent {
  std::string document;  // <w:document>, whose section refers to the footer as rId2
  std::string footer;    // <w:ftr>
  std::string comments;  // <w:comments>; "" for none (no part, no relationship)
  std::string core;      // <cp:coreProperties>
};

// The package's parts, in a fixed order: content types first.
std::vector<PackagePart> DocxPackage(const DocxContent& content);

// `body` with the XML declaration before it.
std::string DocxXml(std::string_view body);

}  // namespace s75

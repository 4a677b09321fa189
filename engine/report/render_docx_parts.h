// The package of a Word document (render_docx.cpp, compare/redline_docx.cpp):
// the parts every one has (styles, content types, relationships, a footer
// with the page number) around the body and comments written for it, and
// the runs and paragraphs those are made of.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/zip_package.h"

namespace s75 {

// What is written for one document.
struct DocxContent {
  std::string title;     // the core properties' title, and the footer's beside the page
  std::string body;      // the paragraphs and tables of <w:body>, the A4 section added after
  std::string comments;  // the <w:comment> elements; "" for none (no part, no relationship)
};

// The package's parts, in a fixed order: content types first.
std::vector<PackagePart> DocxPackage(const DocxContent& content);

// `body` with the XML declaration before it.
std::string DocxXml(std::string_view body);

// Run properties: bold, italic.
inline constexpr std::string_view kDocxBold = "<w:b/>";
inline constexpr std::string_view kDocxItalic = "<w:i/>";

// A run of `text`: its line breaks as breaks, its tabs as tabs (carriage
// returns dropped), everything else escaped; `props` its run properties
// ("<w:b/>"). A `deleted` run (inside a tracked <w:del>) holds its text as
// <w:delText>, as Word requires.
std::string DocxRun(std::string_view text, std::string_view props = "", bool deleted = false);

// A paragraph of style `style` (a style id of the package's styles:
// Title, Heading1, Heading2, Normal, Provision, Entry, Detail,
// Continuation, SignatureLine, Footer, CommentText), `properties` added
// to its own.
std::string DocxPara(std::string_view style, const std::string& content,
                     std::string_view properties = "");

}  // namespace s75

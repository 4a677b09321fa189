// The comparison as people and programs read it: text for a terminal, JSON
// for programs, Markdown for a board paper or a pull request, HTML for a
// self-contained page (a redline as a lawyer marks one up), and for two
// drafts a Word document whose changes are Word's own tracked changes. Each
// writer only lays out what compare/ worked out.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "compare/redline.h"
#include "compare/sweep_compare.h"
#include "report/zip_package.h"

namespace s75 {

// The formats `compare` writes: text, json, markdown, html, xlsx
// (WriteRedlineXlsx, WriteSweepComparisonXlsx), docx (two drafts only:
// WriteRedlineDocx).
std::vector<std::string_view> CompareFormats();

// Writes the redline in `format`; false for docx or a format not in
// CompareFormats.
bool WriteRedline(const Redline& redline, std::string_view format, std::ostream& out);

// The parts of the Word document of the redline: a title and the two files;
// under each clause's heading its changed provisions, numbered and labelled,
// the old text a tracked deletion (<w:del>, <w:delText>) and the new a
// tracked insertion (<w:ins>), a provision added or removed a tracked
// insertion or deletion whole, its paragraph too; each change by "s75check"
// dated the redline's as-of date. Then the findings introduced, resolved and
// unchanged, untracked. Accepting every change gives the newer draft's
// words, rejecting every one the older's.
std::vector<PackagePart> RedlineDocxParts(const Redline& redline);

// The Word document (the parts above, zipped) in `out`; "" or why not.
std::string WriteRedlineDocx(const Redline& redline, std::string& out);

// Writes the comparison of two sweeps in `format`; false for docx or a
// format not in CompareFormats.
bool WriteSweepComparison(const SweepComparison& comparison, std::string_view format,
                          std::ostream& out);

// The comparison of two sweeps as an Excel workbook: a sheet of the agreements
// added, removed and changed (status, compliance and pooled money then and
// now, the findings introduced and resolved by rule), the totals then and now
// (money and counts typed as such), and the files compared with nothing.
// "" or why it could not be written (out then has nothing of it).
std::string WriteSweepComparisonXlsx(const SweepComparison& comparison, std::ostream& out);

// The redline as an Excel workbook: every change (clause, number, provision,
// old and new text, whether only a partner's new name), the partners renamed,
// and the findings introduced, resolved and unchanged. "" or why not.
std::string WriteRedlineXlsx(const Redline& redline, std::ostream& out);

}  // namespace s75

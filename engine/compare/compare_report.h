// The comparison as people and programs read it: text for a terminal, JSON
// for programs, Markdown for a board paper or a pull request, HTML for a
// self-contained page (a redline as a lawyer marks one up). Each writer only
// lays out what compare/ worked out.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "compare/redline.h"
#include "compare/sweep_compare.h"

namespace s75 {

// The formats `compare` writes: text, json, markdown, html.
std::vector<std::string_view> CompareFormats();

// Writes the redline in `format`; false for a format not in CompareFormats.
bool WriteRedline(const Redline& redline, std::string_view format, std::ostream& out);

// Writes the comparison of two sweeps in `format`; false for a format not in
// CompareFormats.
bool WriteSweepComparison(const SweepComparison& comparison, std::string_view format,
                          std::ostream& out);

}  // namespace s75

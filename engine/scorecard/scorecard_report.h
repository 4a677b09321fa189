// The scorecard's outputs, all from one Portfolio: text, json, csv,
// markdown and html.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "scorecard/scorecard.h"

namespace s75 {

// Writes `portfolio` in `format`; false for a format not in ScorecardFormats
// or for xlsx (written by WriteScorecardXlsx).
bool WriteScorecard(const Portfolio& portfolio, std::string_view format, std::ostream& out);

// An xlsx workbook: the outcomes (status in its word and RAG colour) on one
// sheet, the domain and overall scores on another; "" or why it failed.
std::string WriteScorecardXlsx(const Portfolio& portfolio, std::ostream& out);

std::vector<std::string_view> ScorecardFormats();

// Shared by the writers.
// A number as its exact decimal text, or "" when absent.
std::string Figure(const std::optional<Decimal>& d);
// `text` cut to at most `bytes` bytes at a character boundary, with "…" when cut.
std::string Shortened(const std::string& text, size_t bytes);
// "path:line:col: outcome o1: missing `target.by` ..." for an outcome's note.
std::string NoteLine(const AgreementCard& a, const OutcomeCard& o);
// "baseline 2778 (2007/08)" style phrases, "" when absent.
std::string BaselineText(const OutcomeCard& o);
std::string TargetText(const OutcomeCard& o);
std::string LatestText(const OutcomeCard& o);
// "s2, s3": the schemes that name the outcome (format 2), "" for none.
std::string SchemesText(const OutcomeCard& o);
// The status with what qualifies it: "red (misses by 275.1; tolerance 75.3)".
std::string StatusText(const OutcomeCard& o);
// "2 red, 1 green" over the statuses counted, in status order.
std::string CountsText(const std::array<int, kStatusCount>& counts);

void WriteScorecardText(const Portfolio& p, std::ostream& out);
void WriteScorecardJson(const Portfolio& p, std::ostream& out);
void WriteScorecardCsv(const Portfolio& p, std::ostream& out);
void WriteScorecardMarkdown(const Portfolio& p, std::ostream& out);
void WriteScorecardHtml(const Portfolio& p, std::ostream& out);

}  // namespace s75

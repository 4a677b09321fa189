// Fuzz target (d): a report saved with `check --format json [--facts]`, as
// `compare` reads one. Any bytes give a report or a refusal that names the
// file: never a crash, an exception or a hang. The facts of a report that
// reads write back and read again the same, and two sides built from it
// compare and write in every format.
#include <sstream>

#include "compare/compare_report.h"
#include "compare/saved_report.h"
#include "fuzz_support.h"
#include "report/facts_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using s75::fuzz::Require;
  const std::string path = "/fuzz/saved.json";
  s75::SavedReport report;
  std::string why = s75::ReadSavedReport(path, std::string(s75::fuzz::AsText(data, size)), report);
  if (!why.empty()) {
    Require(why.starts_with(path + " "), "a refusal names the file");
    return 0;
  }
  s75::SweepSide side;
  for (const s75::FileResult& file : report.files) {
    if (file.facts) {
      s75::AgreementFacts again;
      Require(s75::ReadFactsJson(s75::FactsJson(*file.facts), again).empty() &&
                  s75::FactsJson(again) == s75::FactsJson(*file.facts),
              "facts read back write and read again the same");
    }
    s75::AddToSide(side, file, report.as_of);
  }
  s75::SweepComparison comparison = s75::CompareSweeps(side, side, report.as_of);
  Require(comparison.added.empty() && comparison.removed.empty() && comparison.changed.empty(),
          "a sweep compared with itself has no change");
  for (std::string_view format : s75::CompareFormats()) {
    std::ostringstream out;
    bool written = format == "xlsx"   ? s75::WriteSweepComparisonXlsx(comparison, out).empty()
                   : format == "docx" ? true
                                      : s75::WriteSweepComparison(comparison, format, out);
    Require(written, "every format of a sweep comparison is written");
  }
  return 0;
}

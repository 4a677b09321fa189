// Fuzz target (c): the whole `check` path on one agreement with the built-in
// packs: load, every rule, waivers, the register's facts, then every report
// format, the register in every format, a baseline written and read back, and
// the JSON report saved with --facts read back as `compare` reads it.
// Whatever the agreement holds, each format is written and the JSON is valid.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compare/saved_report.h"
#include "driver/baseline.h"
#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "fuzz_support.h"
#include "report/facts_json.h"
#include "report/register.h"
#include "report/reporter.h"

namespace {

using s75::fuzz::Require;

const s75::CompiledPack& BuiltinPack() {
  static const std::unique_ptr<const s75::CompiledPack> pack = [] {
    s75::Diagnostics diags;
    auto p = s75::CompileBuiltinPacks({}, diags);
    Require(p != nullptr, "the built-in packs compile");
    return p;
  }();
  return *pack;
}

// The report `s75check check` would write for this one file, listing only
// the rules its findings name (as with --select): describing every rule in
// every SARIF report would cost most of the time and depends on no input.
s75::CheckReport OneFileReport(const s75::CompiledPack& pack, s75::FileResult file) {
  static const std::vector<s75::RuleRef> known = s75::AllRules(pack);
  s75::CheckReport report;
  report.tool_version = s75::ToolVersion();
  report.as_of = s75::fuzz::FuzzAsOf();
  report.known = known;
  for (const s75::RuleRef& r : known) {
    if (std::any_of(file.findings.begin(), file.findings.end(),
                    [&](const s75::Finding& f) { return f.rule == r.id; })) {
      report.rules.push_back(r);
    }
  }
  report.files.push_back(std::move(file));
  return report;
}

void WriteEveryFormat(const s75::CheckReport& report) {
  for (std::string_view format : s75::ReportFormats()) {
    std::ostringstream out;
    std::unique_ptr<s75::Reporter> reporter = s75::MakeReporter(format, {});
    reporter->Write(report, out);
    Require(reporter->Failure().empty(), "every report format is written");
    if (format == "json") {  // written in pieces, not by nlohmann::json's dump
      Require(nlohmann::json::accept(out.str()), "the JSON report is valid JSON");
    }
  }
  s75::Register reg = s75::BuildRegister(report);
  for (std::string_view format : s75::RegisterFormats()) {
    std::ostringstream out;
    bool written = format == "xlsx" ? s75::WriteRegisterXlsx(reg, out).empty()
                                    : s75::WriteRegister(reg, format, out);
    Require(written, "every register format is written");
  }
}

void RoundTripBaseline(const s75::CheckReport& report) {
  s75::Baseline baseline = s75::MakeBaseline(report, "/fuzz");
  s75::Diagnostic error;
  std::optional<s75::Baseline> back =
      s75::ParseBaseline(s75::BaselineJson(baseline), "/fuzz/baseline.json", error);
  Require(back && back->entries.size() == baseline.entries.size(),
          "a baseline the tool writes reads back whole");
}

// `check --format json --facts` of the report, read back as `compare` reads a
// saved report: the same files, findings and facts, whatever the text holds.
void RoundTripSavedReport(const s75::CheckReport& report) {
  std::ostringstream out;
  std::unique_ptr<s75::Reporter> reporter = s75::MakeReporter("json", {false, {}, true});
  reporter->Write(report, out);
  s75::SavedReport saved;
  std::string why = s75::ReadSavedReport("/fuzz/saved.json", out.str(), saved);
  Require(why.empty(), "a report saved with --facts reads back");
  const s75::FileResult& was = report.files.front();
  Require(saved.files.size() == 1 && saved.files[0].findings.size() == was.findings.size(),
          "a saved report keeps every file and finding");
  Require(saved.files[0].facts.has_value() == was.facts.has_value() &&
              (!was.facts || s75::FactsJson(*saved.files[0].facts) == s75::FactsJson(*was.facts)),
          "a saved report's facts read back exactly");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = s75::fuzz::AsText(data, size);
  const s75::CompiledPack& pack = BuiltinPack();
  s75::CheckOptions options;
  options.as_of = s75::fuzz::FuzzAsOf();
  options.figures = true;  // the latest outturn and outcomes, as --facts saves them
  const std::string path = "/fuzz/agreement.yaml";
  s75::FileResult file =
      s75::CheckLoaded(pack, s75::LoadAgreementText(text, path, options.limits), path, options);
  s75::fuzz::RequireLocated(file.findings, text);
  s75::CheckReport report = OneFileReport(pack, std::move(file));
  WriteEveryFormat(report);
  RoundTripBaseline(report);
  RoundTripSavedReport(report);
  return 0;
}

// Golden tests: each example agreement's JSON report, pinned. On a mismatch
// the actual output is printed; S75_UPDATE_GOLDEN=1 rewrites the files.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/compare_command.h"
#include "cli/outturn_command.h"
#include "common/atomic_file.h"
#include "driver/pipeline.h"
#include "report/findings_table.h"
#include "report/github_reporter.h"
#include "report/html_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/markdown_reporter.h"
#include "report/register.h"
#include "report/sarif_reporter.h"

namespace s75 {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Examples() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(fs::path(S75_SOURCE_DIR) / "agreements")) {
    if (e.path().extension() == ".yaml") {
      names.push_back(e.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The evaluation date an example's opening comment states its expected
// findings at: the first "--as-of YYYY-MM-DD" in the file.
Date DocumentedAsOf(const std::string& name) {
  std::ifstream in(fs::path(S75_SOURCE_DIR) / "agreements" / (name + ".yaml"));
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.find("--as-of ");
    if (at == std::string::npos) {
      continue;
    }
    if (std::optional<Date> d = Date::Parse(line.substr(at + 8, 10))) {
      return *d;
    }
  }
  ADD_FAILURE() << name << ".yaml states no --as-of for its expected findings";
  return *Date::Parse("2026-11-22");
}

// Checks `paths` with the built-in packs as of `as_of`, from the repository
// root so that paths in the report are relative.
CheckReport CheckPaths(const std::vector<std::string>& paths, Date as_of) {
  fs::current_path(S75_SOURCE_DIR);
  Diagnostics diags;
  auto pack = CompileBuiltinPacks({}, diags);
  EXPECT_TRUE(pack);
  if (!pack) {
    return {};
  }
  CheckOptions options;
  options.as_of = as_of;
  CheckReport report = RunCheck(*pack, paths, options);
  report.tool_version = "test";
  report.tool_information_uri = "https://example.org/s75check";
  return report;
}

// Checks one example as of the date its comment gives.
CheckReport CheckExample(const std::string& name) {
  return CheckPaths({"agreements/" + name + ".yaml"}, DocumentedAsOf(name));
}

// Compares `actual` with the golden file (rewriting it first when
// S75_UPDATE_GOLDEN is set), printing the actual output on a mismatch.
void ExpectGolden(const std::string& golden, const std::string& actual) {
  if (std::getenv("S75_UPDATE_GOLDEN") != nullptr) {
    ASSERT_EQ(WriteFileAtomically(golden, actual), "");
  }
  std::ifstream in(golden);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << "golden file " << golden << "; actual output:\n" << actual;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, JsonReportMatches) {
  CheckReport report = CheckExample(GetParam());
  std::ostringstream actual;
  JsonReporter().Write(report, actual);
  std::string golden = "tests/golden/" + GetParam() + ".json";
  ExpectGolden(golden, actual.str());
}

// `s75check render` of an agreement file (an example's name: its file in
// agreements/), as the command writes it: Markdown or HTML, with findings as
// of 2026-11-22 or without.
std::string Rendered(const std::string& name, const std::string& format, bool findings) {
  fs::current_path(S75_SOURCE_DIR);
  RenderCommand cmd;
  cmd.path = name.ends_with(".yaml") ? name : "agreements/" + name + ".yaml";
  cmd.format = format;
  cmd.findings = findings;
  cmd.as_of = *Date::Parse("2026-11-22");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunRenderCommand(cmd, out, err), 0) << err.str();
  EXPECT_EQ(err.str(), "");
  return out.str();
}

// Every example in Markdown and HTML, and in Markdown with its findings.
TEST_P(GoldenTest, RenderedAgreementMatches) {
  std::string golden = "tests/golden/render/" + GetParam();
  ExpectGolden(golden + ".md", Rendered(GetParam(), "markdown", false));
  ExpectGolden(golden + ".html", Rendered(GetParam(), "html", false));
  ExpectGolden(golden + ".findings.md", Rendered(GetParam(), "markdown", true));
}

// HTML with findings beside their clauses: waivers, and a draft full of gaps.
TEST(GoldenTest, RenderedHtmlWithFindingsMatches) {
  for (const char* name : {"bcf-ccg-rollover", "draft-tbc"}) {
    ExpectGolden("tests/golden/render/" + std::string(name) + ".findings.html",
                 Rendered(name, "html", true));
  }
}

// A format 2 agreement with every kind of section format 2 adds (two funds
// with schemes, definitions, a history, its own clauses, paragraphs), in
// both formats with and without findings.
TEST(GoldenTest, RenderedFormat2AgreementMatches) {
  const std::string file = "tests/fixtures/format2/bcf-two-funds.yaml";
  const std::string golden = "tests/golden/render/format2-bcf-two-funds";
  ExpectGolden(golden + ".md", Rendered(file, "markdown", false));
  ExpectGolden(golden + ".html", Rendered(file, "html", false));
  ExpectGolden(golden + ".findings.md", Rendered(file, "markdown", true));
  ExpectGolden(golden + ".findings.html", Rendered(file, "html", true));
}

// `text` with the tool's version written as "test", so that goldens outlive releases.
std::string WithTestVersion(std::string text) {
  const std::string version = ToolVersion();
  for (size_t at = text.find(version); at != std::string::npos; at = text.find(version, at)) {
    text.replace(at, version.size(), "test");
  }
  return text;
}

// `s75check outturn` as the command writes it (the tool's version written
// as "test"), as of 2026-12-01.
std::string Outturn(const std::string& path, const std::string& format, bool scenarios) {
  fs::current_path(S75_SOURCE_DIR);
  OutturnCommand cmd;
  cmd.paths = {path};
  cmd.format = format;
  cmd.scenarios = scenarios;
  cmd.as_of = *Date::Parse("2026-12-01");
  std::ostringstream out;
  std::ostringstream err;
  RunOutturnCommand(cmd, out, err);
  EXPECT_EQ(err.str(), "");
  return WithTestVersion(out.str());
}

// The worked example of outturn.md, its --scenarios, and a sweep of the
// outturn fixtures (every approach, a risk fund exhausted by the first pool,
// an agreement that cannot be allocated, one with no outturn, one unreadable),
// in every format.
TEST(GoldenTest, OutturnMatches) {
  for (const auto& [format, extension] :
       {std::pair{"text", "txt"}, {"json", "json"}, {"markdown", "md"}, {"csv", "csv"}}) {
    std::string golden = "tests/golden/outturn/";
    std::string example = "tests/fixtures/outturn/hfd-mh.yaml";
    ExpectGolden(golden + "hfd-mh." + extension, Outturn(example, format, false));
    ExpectGolden(golden + "hfd-mh.scenarios." + extension, Outturn(example, format, true));
    ExpectGolden(golden + "sweep." + extension, Outturn("tests/fixtures/outturn", format, false));
  }
}

// `s75check scorecard` as the command writes it, the tool's version written
// as "test".
std::string Scorecard(const std::string& path, const std::string& format, const char* as_of) {
  fs::current_path(S75_SOURCE_DIR);
  ScorecardCommand cmd;
  cmd.paths = {path};
  cmd.format = format;
  cmd.as_of = *Date::Parse(as_of);
  std::ostringstream out;
  std::ostringstream err;
  RunScorecardCommand(cmd, out, err);
  EXPECT_EQ(err.str(), "");
  return WithTestVersion(out.str());
}

// The worked example of scorecard.md (format 1), a format 2 agreement whose
// schemes name its outcomes, and a sweep of the examples, in every format.
TEST(GoldenTest, ScorecardMatches) {
  for (const auto& [format, extension] : {std::pair{"text", "txt"},
                                          {"json", "json"},
                                          {"markdown", "md"},
                                          {"csv", "csv"},
                                          {"html", "html"}}) {
    std::string golden = "tests/golden/scorecard/";
    ExpectGolden(golden + "worked-example." + extension,
                 Scorecard("tests/fixtures/scorecard/worked-example.yaml", format, "2008-11-15"));
    ExpectGolden(golden + "format2-schemes." + extension,
                 Scorecard("tests/fixtures/scorecard/format2-schemes.yaml", format, "2025-11-30"));
    ExpectGolden(golden + "agreements." + extension, Scorecard("agreements", format, "2026-11-22"));
  }
}

// `s75check register` as the command writes it (the tool's version written
// as "test"), as of 2026-11-22.
std::string RegisterOf(const std::vector<std::string>& paths, const std::string& format,
                       const AgreementFilter& filter) {
  fs::current_path(S75_SOURCE_DIR);
  RegisterCommand cmd;
  cmd.paths = paths;
  cmd.format = format;
  cmd.as_of = *Date::Parse("2026-11-22");
  cmd.filter = filter;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunRegisterCommand(cmd, out, err), 0);
  EXPECT_EQ(err.str(), "");
  return WithTestVersion(out.str());
}

// The register of the examples and the figures fixture in every format
// (its rows, the latest outturn and the outcome counts, the totals with the
// live pool apart), and of the live examples alone.
TEST(GoldenTest, RegisterMatches) {
  const std::vector<std::string> paths = {"agreements", "tests/fixtures/register-figures"};
  for (const auto& [format, extension] :
       {std::pair{"csv", "csv"}, {"json", "json"}, {"markdown", "md"}, {"html", "html"}}) {
    ExpectGolden("tests/golden/register/agreements." + std::string(extension),
                 RegisterOf(paths, format, AgreementFilter()));
  }
  ExpectGolden("tests/golden/register/live.md",
               RegisterOf({"agreements"}, "markdown", AgreementFilter{{}, true}));
}

// `s75check compare OLD NEW` in `format`, as of 2026-11-22.
std::string Compared(const std::string& old_path, const std::string& new_path,
                     const std::string& format) {
  fs::current_path(S75_SOURCE_DIR);
  CompareCommand cmd;
  cmd.old_path = old_path;
  cmd.new_path = new_path;
  cmd.format = format;
  cmd.as_of = *Date::Parse("2026-11-22");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunCompareCommand(cmd, out, err), 0) << err.str();
  EXPECT_EQ(err.str(), "");
  return out.str();
}

// The formats `compare` writes, with their files' extensions.
constexpr std::array<std::pair<const char*, const char*>, 4> kCompareFormats = {
    {{"text", "txt"}, {"json", "json"}, {"markdown", "md"}, {"html", "html"}}};

// Redlines of two drafts (the pair tests/fixtures/compare/NAME-old.yaml and
// NAME-new.yaml): a partner renamed, a partner inserted before the others, a
// contribution moved between funds (and the rest reordered), a fund added, a
// date changed, and a format 1 file against its migration.
TEST(GoldenTest, RedlinesMatch) {
  for (const std::string name : {"renamed-partner", "inserted-partner", "moved-contribution",
                                 "added-fund", "changed-date", "format1-migrated"}) {
    for (const auto& [format, extension] : kCompareFormats) {
      ExpectGolden("tests/golden/compare/" + name + "." + extension,
                   Compared("tests/fixtures/compare/" + name + "-old.yaml",
                            "tests/fixtures/compare/" + name + "-new.yaml", format));
    }
  }
}

// Two sweeps (tests/fixtures/compare-sweep/then and now, every file renamed
// or moved between them): eastvale-bcf-2015 removed, eastbrook-bcf-2023
// added; midshire-ld-2024 turned draft with a partner inserted, and
// greyshire-cyp-wellbeing-2025 given a fund (findings introduced, money
// changed); westshire-ices-2011 unchanged.
TEST(GoldenTest, SweepComparisonMatches) {
  for (const auto& [format, extension] : kCompareFormats) {
    ExpectGolden(
        "tests/golden/compare/sweep." + std::string(extension),
        Compared("tests/fixtures/compare-sweep/then", "tests/fixtures/compare-sweep/now", format));
  }
}

INSTANTIATE_TEST_SUITE_P(Agreements, GoldenTest, ::testing::ValuesIn(Examples()),
                         [](const auto& test_param) {
                           std::string name = test_param.param;
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

// The GitHub annotations of every example, in one pinned file.
TEST(GoldenTest, GithubAnnotationsMatch) {
  std::ostringstream actual;
  for (const std::string& name : Examples()) {
    GithubReporter().Write(CheckExample(name), actual);
  }
  std::string golden = "tests/golden/github.txt";
  ExpectGolden(golden, actual.str());
}

// JUnit XML for two examples: plain findings, and waivers.
TEST(GoldenTest, JunitXmlMatches) {
  CheckReport report = CheckExample("ices-community-equipment");
  CheckReport waivers = CheckExample("bcf-ccg-rollover");
  report.files.insert(report.files.end(), waivers.files.begin(), waivers.files.end());
  std::ostringstream actual;
  JunitReporter(ReporterOptions{}).Write(report, actual);
  ExpectGolden("tests/golden/junit.xml", actual.str());
}

// SARIF for four examples (plain findings, waivers, missing signatures, info)
// and a path that does not exist (a file that could not be checked).
TEST(GoldenTest, SarifMatches) {
  CheckReport report = CheckExample("aligned-intermediate-care");
  for (const char* name :
       {"bcf-ccg-rollover", "ices-community-equipment", "unsigned-late-signing"}) {
    CheckReport more = CheckExample(name);
    report.files.insert(report.files.end(), more.files.begin(), more.files.end());
  }
  CheckReport missing = CheckPaths({"agreements/no-such-agreement.yaml"}, report.as_of);
  report.files.insert(report.files.end(), missing.files.begin(), missing.files.end());
  std::ostringstream actual;
  SarifReporter().Write(report, actual);
  ExpectGolden("tests/golden/sarif.json", actual.str());
}

// Checks examples in one run with the built-in packs as of `as_of`.
CheckReport CheckExamples(const std::vector<std::string>& names, Date as_of) {
  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const std::string& name : names) {
    paths.push_back("agreements/" + name + ".yaml");
  }
  return CheckPaths(paths, as_of);
}

// The examples an auditor's sweep would show together, at one date: waivers,
// a draft full of gaps, a clean model and a one-penny arithmetic error.
CheckReport SweepExamples() {
  return CheckExamples({"bcf-ccg-rollover", "draft-tbc", "ices-community-equipment",
                        "model-learning-disability", "unsigned-late-signing"},
                       *Date::Parse("2026-11-22"));
}

TEST(GoldenTest, HtmlReportMatches) {
  std::ostringstream actual;
  HtmlReporter().Write(SweepExamples(), actual);
  ExpectGolden("tests/golden/report.html", actual.str());
}

TEST(GoldenTest, MarkdownReportMatches) {
  std::ostringstream actual;
  MarkdownReporter().Write(SweepExamples(), actual);
  ExpectGolden("tests/golden/report.md", actual.str());
}

// check --format csv: a row per finding, joined to its agreement's register
// columns (the rows of the xlsx findings sheet).
TEST(GoldenTest, FindingsCsvMatches) {
  std::ostringstream actual;
  MakeFindingsCsvReporter()->Write(SweepExamples(), actual);
  ExpectGolden("tests/golden/findings.csv", actual.str());
}

TEST(JunitReporterTest, EscapesMarkupAndDropsControlCharacters) {
  EXPECT_EQ(XmlEscape("<a href=\"x\">&'\x01</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
}

TEST(GithubReporterTest, EscapesWorkflowCommandSyntax) {
  EXPECT_EQ(GithubEscapeData("100% done\r\nnext"), "100%25 done%0D%0Anext");
  EXPECT_EQ(GithubEscapeProperty("a:b,c%"), "a%3Ab%2Cc%25");
}

TEST(GoldenTest, ModelAgreementHasNoErrorOrWarning) {
  Summary s = CheckExample("model-learning-disability").Summarize();
  EXPECT_EQ(s.files, 1);
  EXPECT_EQ(s.error + s.warning, 0);
  EXPECT_EQ(s.unreadable, 0);
}

}  // namespace
}  // namespace s75

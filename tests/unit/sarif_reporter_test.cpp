// The SARIF reporter's parts a code-scanning service depends on: artifact URIs,
// fingerprints that survive line shifts, locations, suppressions, descriptors.
#include "report/sarif_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace s75 {
namespace {

using Json = nlohmann::json;

Finding MakeTestFinding(int line, std::string message, std::string path = "finance.pool_total") {
  Finding f;
  f.rule = "FIN.01";
  f.slug = "contributions-sum";
  f.message = std::move(message);
  f.range = {"agreements/a.yaml", line, 5};
  f.path = std::move(path);
  return f;
}

CheckReport MakeReport(std::vector<Finding> findings, bool checked = true) {
  CheckReport report;
  report.tool_version = "1.2.3";
  report.tool_information_uri = "https://example.org/s75check";
  report.as_of = *Date::Parse("2026-11-22");
  RuleRef fin01;
  fin01.id = "FIN.01";
  fin01.slug = "contributions-sum";
  fin01.family = "FIN";
  fin01.severity_text = "error";
  report.rules = {fin01};
  report.files = {{"agreements/a.yaml", "a", checked, std::move(findings), std::nullopt}};
  return report;
}

Json Sarif(const CheckReport& report) {
  std::ostringstream out;
  SarifReporter().Write(report, out);
  return Json::parse(out.str());
}

const Json& Results(const Json& sarif) { return sarif["runs"][0]["results"]; }

std::string Fingerprint(const Json& result) {
  return result["partialFingerprints"]["findingHash/v1"].get<std::string>();
}

TEST(SarifReporterTest, PercentEncodesPathsAsRfc3986Requires) {
  EXPECT_EQ(PercentEncodePath("agreements/my draft #1 (\xc3\xa9).yaml"),
            "agreements/my%20draft%20%231%20(%C3%A9).yaml");
  EXPECT_EQ(PercentEncodePath("a:b?c%d[e]\\f"), "a%3Ab%3Fc%25d%5Be%5D%5Cf");
  EXPECT_EQ(PercentEncodePath("-._~!$&'()*+,;=@/Az09"), "-._~!$&'()*+,;=@/Az09");
}

TEST(SarifReporterTest, ArtifactUrisAreRelativeToTheWorkingDirectory) {
  const std::filesystem::path cwd = "/work/repo";
  EXPECT_EQ(ArtifactUri("agreements/x.yaml", cwd), "agreements/x.yaml");
  EXPECT_EQ(ArtifactUri("./agreements/../agreements/x y.yaml", cwd), "agreements/x%20y.yaml");
  EXPECT_EQ(ArtifactUri("/work/repo/a/b.yaml", cwd), "a/b.yaml");
  EXPECT_EQ(ArtifactUri("../other/x.yaml", cwd), "file:///work/other/x.yaml");
  EXPECT_EQ(ArtifactUri("/tmp/sweep 1/x.yaml", cwd), "file:///tmp/sweep%201/x.yaml");
}

TEST(SarifReporterTest, FindingHashIgnoresLinesButNotWhatWasFound) {
  std::string hash = FindingHash("agreements/a.yaml", MakeTestFinding(10, "pool_total is wrong"));
  EXPECT_EQ(hash.size(), 16U);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  Finding moved = MakeTestFinding(14, "pool_total is wrong");
  moved.range.column = 9;
  EXPECT_EQ(FindingHash("agreements/a.yaml", moved), hash);
  EXPECT_NE(FindingHash("agreements/a.yaml", MakeTestFinding(10, "pool_total is right")), hash);
  EXPECT_NE(FindingHash("agreements/b.yaml", MakeTestFinding(10, "pool_total is wrong")), hash);
  EXPECT_NE(FindingHash("agreements/a.yaml", MakeTestFinding(10, "pool_total is wrong", "finance")),
            hash);
}

// The same findings after lines were inserted above them: the same fingerprints.
TEST(SarifReporterTest, FingerprintsSurviveAnUnrelatedLineShift) {
  Json before = Sarif(MakeReport({MakeTestFinding(10, "x is 1"), MakeTestFinding(20, "y is 2")}));
  Json after = Sarif(MakeReport({MakeTestFinding(13, "x is 1"), MakeTestFinding(23, "y is 2")}));
  ASSERT_EQ(Results(before).size(), 2U);
  ASSERT_EQ(Results(after).size(), 2U);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_NE(Results(before)[i]["locations"][0]["physicalLocation"]["region"]["startLine"],
              Results(after)[i]["locations"][0]["physicalLocation"]["region"]["startLine"]);
    EXPECT_EQ(Fingerprint(Results(before)[i]), Fingerprint(Results(after)[i]));
  }
  EXPECT_NE(Fingerprint(Results(after)[0]), Fingerprint(Results(after)[1]));
}

TEST(SarifReporterTest, RepeatedFindingsGetDistinctFingerprints) {
  Json sarif = Sarif(MakeReport({MakeTestFinding(10, "same"), MakeTestFinding(30, "same")}));
  ASSERT_EQ(Results(sarif).size(), 2U);
  std::string first = Fingerprint(Results(sarif)[0]);
  std::string second = Fingerprint(Results(sarif)[1]);
  EXPECT_EQ(first.substr(0, 16), second.substr(0, 16));
  EXPECT_EQ(first.substr(16), ":1");
  EXPECT_EQ(second.substr(16), ":2");
}

TEST(SarifReporterTest, ResultsPointAtTheirDescriptorAndALine) {
  Json sarif = Sarif(MakeReport({MakeTestFinding(0, "about the whole document", "")}));
  ASSERT_EQ(Results(sarif).size(), 1U);
  const Json& result = Results(sarif)[0];
  const Json& rule = sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()];
  EXPECT_EQ(rule["id"], result["ruleId"]);
  EXPECT_EQ(rule["name"], "ContributionsSum");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  const Json& location = result["locations"][0];
  EXPECT_EQ(location["physicalLocation"]["region"], Json({{"startLine", 1}, {"startColumn", 1}}));
  EXPECT_EQ(location["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_FALSE(location.contains("logicalLocations"));
}

TEST(SarifReporterTest, WaivedFindingsAreSuppressedWithTheWaiver) {
  Finding f = MakeTestFinding(10, "waived one");
  f.severity = Severity::kWarning;
  f.waiver = WaiverInfo{"Agreed at the board", "Health and Wellbeing Board", "2027-03-31"};
  Json sarif = Sarif(MakeReport({f}));
  ASSERT_EQ(Results(sarif).size(), 1U);
  const Json& result = Results(sarif)[0];
  EXPECT_EQ(result["level"], "warning");
  ASSERT_EQ(result["suppressions"].size(), 1U);
  EXPECT_EQ(result["suppressions"][0]["kind"], "external");
  EXPECT_EQ(result["suppressions"][0]["justification"],
            "Agreed at the board; approved by Health and Wellbeing Board; expires 2027-03-31");
}

TEST(SarifReporterTest, UncheckedFilesAreNotifiedButTheRunCompletes) {
  Json sarif = Sarif(MakeReport({MakeTestFinding(3, "YAML syntax error")}, false));
  const Json& invocation = sarif["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  EXPECT_EQ(invocation["properties"]["asOf"], "2026-11-22");
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1U);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["level"], "error");
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["message"]["text"],
            "agreements/a.yaml could not be checked: YAML syntax error");
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["semanticVersion"], "1.2.3");
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["informationUri"], "https://example.org/s75check");
}

TEST(SarifReporterTest, NamesArePascalCaseSlugs) {
  EXPECT_EQ(PascalCase("contributions-and-year-end"), "ContributionsAndYearEnd");
  EXPECT_EQ(PascalCase("t1-aims"), "T1Aims");
}

}  // namespace
}  // namespace s75

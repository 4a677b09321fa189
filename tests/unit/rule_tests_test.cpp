// Rule tests that name their findings: `expect RULE at PATH [line N]` after a
// failing test's snippet. What the parser and compiler accept and refuse, and
// what `s75check test` says when the findings are not the ones named.
#include "driver/rule_tests.h"

#include <gtest/gtest.h>

#include <sstream>

#include "compile_errors.h"
#include "driver/pipeline.h"
#include "parse/parser.h"
#include "parse/snapshot.h"

namespace s75 {
namespace {

// A rule X.01 that reports a pool total that is not positive, at the pool
// total, and each contribution without an amount, at the contribution; with
// `tests` as its tests.
std::string RuleWith(const std::string& tests) {
  return "rule X.01 \"x\" {\n"
         "  title \"X\"\n"
         "  severity error\n"
         "  check {\n"
         "    when funds[0].pool_total <= 0\n"
         "      report at funds[0].pool_total \"pool {funds[0].pool_total}\"\n"
         "    for each c in funds[0].contributions where missing(c.amount)\n"
         "      report at c.amount \"no amount from {c.partner}\"\n"
         "  }\n" +
         tests + "}\n";
}

// A failing test of X.01 (line 10 of the rule file): a pool total of 0 and the contribution of b
// without an amount (two findings: finance.pool_total, line 2, and
// finance.contributions[1], line 3).
const std::string kSnippet =
    "  test fail \"\"\"\n"
    "    finance:\n"
    "      pool_total: 0\n"
    "      contributions: [{partner: a, amount: 5}, {partner: b}]\n"
    "  \"\"\"\n";

// The one failure of running the tests of `text` (which must compile), or
// "" when they all pass.
std::string Failure(const std::string& text) {
  Diagnostics diags;
  auto pack = CompilePack({{"rules/t.rules", text}}, diags);
  EXPECT_TRUE(pack) << (diags.items().empty() ? "" : diags.items()[0].message);
  if (!pack) {
    return "does not compile";
  }
  std::string failures;
  for (const RuleTestOutcome& o : RunRuleTests(*pack, *Date::Parse("2026-11-22")).outcomes) {
    if (o.kind != "documentation") {
      failures += o.failure;
    }
  }
  return failures;
}

TEST(RuleTestSyntaxTest, ExpectationsAreParsedWithTheirPlaces) {
  Diagnostics diags;
  auto file =
      ParseRuleFile("rules/t.rules",
                    RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n"
                                        "    expect X.01 at finance.contributions[1] line 3\n"
                                        "    expect X.01\n"),
                    diags);
  ASSERT_TRUE(file) << (diags.items().empty() ? "" : diags.items()[0].message);
  ASSERT_EQ(file->rules.size(), 1U);
  ASSERT_EQ(file->rules[0].tests.size(), 1U);
  const RuleTest& test = file->rules[0].tests[0];
  EXPECT_FALSE(test.expect_pass);
  EXPECT_EQ(test.counted, 0);
  ASSERT_EQ(test.expected.size(), 3U);
  EXPECT_EQ(test.expected[0].ToString(), "expect X.01 at finance.pool_total");
  EXPECT_EQ(test.expected[0].range.ToString(), "rules/t.rules:15:5");
  EXPECT_EQ(test.expected[0].path_range.ToString(), "rules/t.rules:15:20");
  EXPECT_EQ(test.expected[1].path, "finance.contributions[1]");
  EXPECT_EQ(test.expected[1].line, 3);
  EXPECT_EQ(test.expected[2].path, "");  // the document as a whole
  EXPECT_EQ(test.expected[2].ToString(), "expect X.01");
}

TEST(RuleTestSyntaxTest, KeywordsAndPartnerIdsAreWrittenAsTheyAre) {
  // `report` is a keyword and a field name; `ndc-2` a partner id with a hyphen.
  EXPECT_EQ(
      CompileErrors(RuleWith(kSnippet + "    expect X.01 at management.reporting[0].report\n"
                                        "    expect X.01 at finance.overspend.shares.ndc-2\n")),
      std::vector<std::string>());
}

TEST(RuleTestSyntaxTest, AFailingTestMustNameItsFindings) {
  EXPECT_EQ(CompileErrors(RuleWith(kSnippet)),
            (std::vector<std::string>{
                "10:3 a failing test names the findings it expects: after the snippet write one "
                "line per finding, such as `expect X.01 at finance.pool_total`"}));
}

TEST(RuleTestSyntaxTest, ACountAndExpectationsTogetherAreRefused) {
  std::string counted = kSnippet;
  counted.replace(counted.find("fail"), 4, "fail 2");
  EXPECT_EQ(CompileErrors(RuleWith(counted + "    expect X.01 at finance.pool_total\n")),
            (std::vector<std::string>{"10:13 a failing test that names its findings takes no "
                                      "count: write `test fail` without the number"}));
}

TEST(RuleTestSyntaxTest, APassingTestExpectsNothing) {
  EXPECT_EQ(CompileErrors(RuleWith("  test pass \"finance: {pool_total: 1}\"\n"
                                   "    expect X.01 at finance.pool_total\n")),
            (std::vector<std::string>{"11:5 a passing test expects no finding: remove its "
                                      "`expect` lines, or make it `test fail`"}));
}

TEST(RuleTestSyntaxTest, APathIsWrittenWithoutSpaces) {
  EXPECT_EQ(
      CompileErrors(RuleWith(kSnippet + "    expect X.01 at finance . pool_total\n")),
      (std::vector<std::string>{"15:20 write the path without spaces: `finance.pool_total`"}));
}

TEST(RuleTestCompileTest, AnotherRulesIdIsRefused) {
  EXPECT_EQ(CompileErrors(RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n"
                                              "    expect FIN.01 at finance.contributions[1]\n")),
            (std::vector<std::string>{"16:5 a test of X.01 runs only X.01, so it cannot expect "
                                      "a finding of FIN.01"}));
}

TEST(RuleTestCompileTest, APathOutsideTheFormatIsRefusedAtItsStep) {
  auto errors = [](const std::string& path) {
    return CompileErrors(RuleWith(kSnippet + "    expect X.01 at " + path + "\n"));
  };
  EXPECT_EQ(errors("finance.pool_totl"),
            (std::vector<std::string>{
                "15:28 unknown field `pool_totl`: the agreement format has no such key here; did "
                "you mean `pool_total`? (in the expected path `finance.pool_totl`)"}));
  EXPECT_EQ(errors("partners.id"),
            (std::vector<std::string>{"15:29 `partners` is a list: name one of its items, as in "
                                      "`partners[0]` (in the expected path `partners.id`)"}));
  EXPECT_EQ(errors("finance[0]"),
            (std::vector<std::string>{"15:27 `finance` is not a list, so it has no `[0]` (in the "
                                      "expected path `finance[0]`)"}));
  EXPECT_EQ(errors("finance.pool_total.pence"),
            (std::vector<std::string>{"15:39 `finance.pool_total` is a single value, with no "
                                      "`pence` in it (in the expected path "
                                      "`finance.pool_total.pence`)"}));
  EXPECT_EQ(errors("agreement.arrangements[1.5]"),
            (std::vector<std::string>{"15:42 a list index is a whole number, not 1.5 (in the "
                                      "expected path `agreement.arrangements[1.5]`)"}));
}

TEST(RuleTestRunTest, TheFindingsNamedInAnyOrderPass) {
  EXPECT_EQ(Failure(RuleWith(kSnippet + "    expect X.01 at finance.contributions[1]\n"
                                        "    expect X.01 at finance.pool_total line 2\n")),
            "");
}

TEST(RuleTestRunTest, AWrongPathFailsShowingWhatToWrite) {
  EXPECT_EQ(Failure(RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n"
                                        "    expect X.01 at finance.contributions[0]\n")),
            "the findings are not the ones expected:\n"
            "    expected, not found: expect X.01 at finance.contributions[0]\n"
            "    found, not expected: expect X.01 at finance.contributions[1]    # 3:44 no "
            "amount from b\n");
}

TEST(RuleTestRunTest, AnExtraFindingFails) {
  EXPECT_EQ(Failure(RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n")),
            "the findings are not the ones expected:\n"
            "    found, not expected: expect X.01 at finance.contributions[1]    # 3:44 no "
            "amount from b\n");
}

TEST(RuleTestRunTest, AMissingFindingFailsAndACountIsNotEnough) {
  // The right number of findings, one of them at the wrong place.
  EXPECT_NE(Failure(RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n"
                                        "    expect X.01 at finance.pool_total\n")),
            "");
  EXPECT_EQ(Failure(RuleWith(kSnippet + "    expect X.01 at finance.pool_total\n"
                                        "    expect X.01 at finance.contributions[1]\n"
                                        "    expect X.01 at finance.contributions[1]\n")),
            "the findings are not the ones expected:\n"
            "    expected, not found: expect X.01 at finance.contributions[1]\n");
}

TEST(RuleTestRunTest, ALineGivenMustMatch) {
  EXPECT_EQ(Failure(RuleWith(kSnippet + "    expect X.01 at finance.pool_total line 3\n"
                                        "    expect X.01 at finance.contributions[1]\n")),
            "the findings are not the ones expected:\n"
            "    expected, not found: expect X.01 at finance.pool_total line 3\n"
            "    found, not expected: expect X.01 at finance.pool_total    # 2:15 pool £0\n");
}

TEST(RuleTestRunTest, APassingTestThatFindsSomethingSaysWhat) {
  EXPECT_EQ(Failure(RuleWith("  test pass \"finance: {pool_total: -1}\"\n")),
            "expected no finding, got 1:\n"
            "    found, not expected: expect X.01 at finance.pool_total    # 1:23 pool -£1\n");
}

// An older pack's `test fail N` still compiles, so that its rules still check
// agreements, but the test fails, showing the lines that would name its findings.
TEST(RuleTestRunTest, ACountingTestFailsShowingTheExpectLines) {
  std::string counted = kSnippet;
  counted.replace(counted.find("fail"), 4, "fail 2");
  EXPECT_EQ(Failure(RuleWith(counted)),
            "`test fail 2` counts findings without naming them: drop the count and name each "
            "finding on an `expect` line after the snippet (scripts/name-test-findings does "
            "this for a pack). The snippet gives 2:\n"
            "    expect X.01 at finance.pool_total    # 2:15 pool £0\n"
            "    expect X.01 at finance.contributions[1]    # 3:44 no amount from b\n");
}

TEST(RuleTestRunTest, JsonGivesEachTestsFindingsForTools) {
  std::string counted = kSnippet;
  counted.replace(counted.find("fail"), 4, "fail 2");
  Diagnostics diags;
  auto pack = CompilePack({{"rules/t.rules", RuleWith(counted)}}, diags);
  ASSERT_TRUE(pack);
  std::ostringstream out;
  WriteRuleTestJson(RunRuleTests(*pack, *Date::Parse("2026-11-22")), out);
  std::string json = out.str();
  EXPECT_NE(json.find("\"file\": \"rules/t.rules\",\n      \"line\": 10,\n      \"column\": 3"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"counted\": 2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"path\": \"finance.contributions[1]\",\n          \"line\": 3"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"passed\": 0,\n  \"failed\": 2\n}"), std::string::npos) << json;
}

TEST(RuleTestRunTest, TextEndsWithTheCount) {
  RuleTestResults results;
  results.passed = 3;
  results.failed = 1;
  results.outcomes.push_back({{"rules/t.rules", 9, 3}, "X.01", "fail", "why\n", 0, {}});
  results.outcomes.push_back({{}, "DOC.01", "pass (built in)", "", 0, {}});
  std::ostringstream out;
  WriteRuleTestText(results, out);
  EXPECT_EQ(out.str(), "FAIL rules/t.rules:9:3: X.01 fail: why\n\n3 passed, 1 failed\n");
}

// The snapshot of the built-in packs carries the expectations: a pack loaded
// from it runs the same tests.
TEST(RuleTestSnapshotTest, ExpectationsSurviveTheSnapshot) {
  Diagnostics diags;
  RuleFiles files;
  files.push_back(ParseRuleFile(
      "rules/t.rules",
      RuleWith(kSnippet + "    expect X.01 at finance.pool_total line 2\n    expect X.01\n"),
      diags));
  ASSERT_TRUE(files[0]);
  std::optional<RuleFiles> loaded = LoadSnapshot(SaveSnapshot(files));
  ASSERT_TRUE(loaded);
  const RuleTest& test = (*loaded)[0]->rules[0].tests[0];
  ASSERT_EQ(test.expected.size(), 2U);
  EXPECT_EQ(test.expected[0].ToString(), "expect X.01 at finance.pool_total line 2");
  EXPECT_EQ(test.expected[0].range.ToString(), "rules/t.rules:15:5");
  EXPECT_EQ(test.expected[0].path_range.ToString(), "rules/t.rules:15:20");
  EXPECT_EQ(test.expected[1].ToString(), "expect X.01");
}

// The rules built into the engine name what their failing examples give, and
// give exactly that.
TEST(RuleTestBuiltinTest, EveryFailingExampleNamesItsFindings) {
  Diagnostics diags;
  auto pack = CompileBuiltinPacks({}, diags);
  ASSERT_TRUE(pack);
  RuleTestResults results;
  RunBuiltinRuleTests(*pack, *Date::Parse("2026-11-22"), results);
  ASSERT_EQ(results.outcomes.size(), 2 * BuiltinRules().size());
  for (const RuleTestOutcome& o : results.outcomes) {
    EXPECT_EQ(o.failure, "") << o.rule << " " << o.kind;
    EXPECT_EQ(o.findings.empty(), o.kind == "pass (built in)") << o.rule << " " << o.kind;
  }
  for (const BuiltinRule& r : BuiltinRules()) {
    ASSERT_FALSE(r.fail_findings.empty()) << r.id;
    for (const ExpectedFinding& e : r.fail_findings) {
      EXPECT_EQ(e.rule, r.id);
    }
  }
}

}  // namespace
}  // namespace s75

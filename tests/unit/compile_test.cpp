#include <gtest/gtest.h>

#include "compile/pack.h"
#include "compile_errors.h"

namespace s75 {
namespace {

const char* kRuleHead = R"(rule X.01 "x" {
  title "X"
  severity error
  check {
)";

std::vector<std::string> CheckErrors(const std::string& body) {
  return CompileErrors(std::string(kRuleHead) + body + "\n  }\n}\n");
}

TEST(CompileTest, ValidRuleCompiles) {
  EXPECT_TRUE(
      CheckErrors("when funds[0].pool_total > 0 report \"ok {funds[0].pool_total}\"").empty());
}

TEST(CompileTest, UnknownFieldIsReportedWithSuggestion) {
  auto e = CheckErrors("when finance.pool_totl > 0 report \"x\"");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_EQ(e[0].substr(0, 5), "5:14 ");  // at the field name
  EXPECT_NE(e[0].find("did you mean `pool_total`"), std::string::npos);
}

TEST(CompileTest, RulesReadTheModelNotFormat1Keys) {
  auto e = CheckErrors("when host.partner == \"a\" report \"x\"");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_EQ(e[0],
            "5:6 `host` is a format 1 key: rules read the model, where it is "
            "`funds[].host and funds[].host_support` (format 1 files are read into it)");
  EXPECT_EQ(CheckErrors("when finance.pool_total > 0 report \"x\"").size(), 1U);
  EXPECT_TRUE(CheckErrors("when finance.variation == \"x\" report \"x\"").empty());
}

TEST(CompileTest, ComparingADateWithMoneyIsATypeError) {
  auto e = CheckErrors("when term.commencement < funds[0].pool_total report \"x\"");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_NE(e[0].find("cannot order date against number"), std::string::npos);
}

TEST(CompileTest, EnumLiteralsMustBeInTheVocabulary) {
  auto e = CheckErrors("when agreement.status == \"in-force\" report \"x\"");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_NE(e[0].find("did you mean \"in_force\""), std::string::npos);
}

TEST(CompileTest, UnknownFunctionAndName) {
  EXPECT_EQ(CheckErrors("when describd(term.renewal) report \"x\"").size(), 1U);
  EXPECT_EQ(CheckErrors("when nosuch report \"x\"").size(), 1U);
}

TEST(CompileTest, SyntaxErrorHasPosition) {
  auto e = CheckErrors("when report");
  ASSERT_FALSE(e.empty());
  EXPECT_NE(e[0].find("syntax error"), std::string::npos);
}

TEST(CompileTest, DuplicateIdsAreRefused) {
  std::string rule = std::string(kRuleHead) + "report \"x\"\n  }\n}\n";
  auto e = CompileErrors(rule + rule);
  ASSERT_EQ(e.size(), 1U);
  EXPECT_NE(e[0].find("duplicate rule id X.01"), std::string::npos);
}

TEST(CompileTest, BadRegexIsACompileError) {
  EXPECT_EQ(CheckErrors("when matches(term.renewal, \"(\") report \"x\"").size(), 1U);
}

// An Op holds at most 65,535 operands: a longer list is refused at its rule,
// with the limit, rather than laid out wrong. (Its items read the agreement,
// so that the list is not folded into one constant.)
TEST(CompileTest, ARuleTooLargeForTheProgramIsRefused) {
  auto list = [](int n) {
    std::string items = "term.renewal";
    for (int i = 1; i < n; ++i) {
      items += ", term.renewal";
    }
    return "when count([" + items + "]) > 0 report \"x\"";
  };
  auto e = CheckErrors(list(70000));
  ASSERT_EQ(e.size(), 1U);
  EXPECT_EQ(e[0].substr(0, 4), "1:1 ");  // at the rule
  EXPECT_NE(e[0].find("rule X.01 is too large to compile: operand count 70000 is more than an "
                      "Op holds (65535); split it"),
            std::string::npos)
      << e[0];
  EXPECT_TRUE(CheckErrors(list(65535)).empty());
}

TEST(CompileTest, ImportsShareDefinitionsAndMissingOnesFail) {
  Diagnostics diags;
  auto pack = CompilePack({{"rules/common.rules", "def big = funds[0].pool_total > 100\n"},
                           {"rules/r.rules", std::string("import \"common\"\n") + kRuleHead +
                                                 "when big report \"x\"\n  }\n}\n"}},
                          diags);
  EXPECT_TRUE(pack) << (diags.items().empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(CompileErrors("import \"nosuch\"\n").size(), 1U);
}

TEST(CompileTest, RegexBracesAreNotInterpolations) {
  EXPECT_TRUE(CheckErrors("when matches(agreement.id, \"^[a-z]{2,3}$\") report \"x\"").empty());
  EXPECT_EQ(CheckErrors("report \"{2,3}\"").size(), 1U);
}

TEST(CompileTest, EqualityOfListsOrDurationsIsRefused) {
  EXPECT_EQ(CheckErrors("when partners.id == partners.id report \"x\"").size(), 1U);
  EXPECT_EQ(CheckErrors("when 12 months == 12 months report \"x\"").size(), 1U);
}

TEST(CompileTest, ComprehensionVariablesShadowDefParameters) {
  Diagnostics diags;
  auto pack =
      CompilePack({{"rules/t.rules",
                    std::string("def has_icb(x) = any(x in partners where x.kind == \"icb\")\n") +
                        kRuleHead + "when has_icb(1) report \"x\"\n  }\n}\n"}},
                  diags);
  EXPECT_TRUE(pack) << (diags.items().empty() ? "" : diags.items()[0].message);
}

TEST(CompileTest, RepeatedRuleItemsAreRefused) {
  auto e = CompileErrors(std::string(kRuleHead) + "report \"x\"\n  }\n  title \"Again\"\n}\n");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_NE(e[0].find("second `title`"), std::string::npos);
}

TEST(CompileTest, TemplateExpressionsAreChecked) {
  EXPECT_EQ(CheckErrors("report \"total {finance.pool_totl}\"").size(), 1U);
}

TEST(CompileTest, MissingMetadataIsAnError) {
  EXPECT_FALSE(CompileErrors("rule X.02 \"x\" { title \"x\" }").empty());
}

// Found by fuzz_rules: ANTLR threw on bytes that are not UTF-8.
TEST(CompileTest, InvalidUtf8IsALocatedError) {
  auto e = CompileErrors("# fine\nrule \xff\xfe");
  ASSERT_EQ(e.size(), 1U);
  EXPECT_EQ(e[0], "2:6 the rule file is not valid UTF-8 (byte 0xff); save it as UTF-8");
}

}  // namespace
}  // namespace s75

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "load/loader.h"

namespace s75 {
namespace {

const std::string kHead =
    "format: s75check/1\nagreement: {id: a, title: T}\npartners: [{id: p, name: P, kind: icb}]\n";

LoadResult Load(const std::string& text, LoadLimits limits = {}) {
  return LoadAgreementText(text, "test.yaml", limits);
}

// The findings of one rule, as "line:col message".
std::vector<std::string> Of(const LoadResult& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.rule == rule) {
      out.push_back(std::to_string(f.range.line) + ":" + std::to_string(f.range.column) + " " +
                    f.message);
    }
  }
  return out;
}

TEST(LoaderTest, ModelShapedDocumentLoadsCleanly) {
  LoadResult r = Load(kHead + "finance: {pool_total: 564000.50, pooled: yes}\n");
  EXPECT_TRUE(r.checked);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.agreement_id, "a");
}

TEST(LoaderTest, DuplicateKeyIsReportedWithBothLines) {
  LoadResult r = Load(kHead + "term:\n  commencement: 2009-04-01\n  commencement: 2010-04-01\n");
  ASSERT_EQ(Of(r, "DOC.02").size(), 1U);
  EXPECT_EQ(Of(r, "DOC.02")[0].substr(0, 4), "6:3 ");
  EXPECT_NE(Of(r, "DOC.02")[0].find("first given at line 5"), std::string::npos);
  EXPECT_TRUE(r.checked);
}

TEST(LoaderTest, DuplicatesAmongManyKeysAreEachReportedOnce) {
  // 100,000 keys: a quadratic duplicate check would stall here.
  std::string shares = "finance:\n  overspend:\n    shares:\n";
  for (int i = 0; i < 100000; ++i) shares += "      p" + std::to_string(i) + ": 0\n";
  shares += "      p7: 0\n";
  LoadResult r = Load(kHead + shares);
  ASSERT_EQ(Of(r, "DOC.02").size(), 1U);
  EXPECT_NE(Of(r, "DOC.02")[0].find("`p7`"), std::string::npos);
  EXPECT_NE(Of(r, "DOC.02")[0].find("first given at line 14"), std::string::npos);
}

TEST(LoaderTest, UnknownKeySuggestsTheNearestKnownKey) {
  LoadResult r = Load(kHead + "finance: {pool_totl: 5}\n");
  ASSERT_EQ(Of(r, "DOC.03").size(), 1U);
  EXPECT_NE(Of(r, "DOC.03")[0].find("did you mean `pool_total`"), std::string::npos);
}

TEST(LoaderTest, WrongTypesAreDoc04WithTheirPosition) {
  LoadResult r = Load(kHead +
                      "term: {commencement: 2009-02-30, duration_months: 0}\n"
                      "finance: {pool_total: \"564000\", year: 2009/11, pooled: maybe,"
                      " contributions: p}\n"
                      "agreement_extra: 1\n");
  std::vector<std::string> errors = Of(r, "DOC.04");
  ASSERT_EQ(errors.size(), 6U);
  EXPECT_NE(errors[0].find("not a date"), std::string::npos);
  EXPECT_NE(errors[2].find("drop the quotes"), std::string::npos);
  EXPECT_NE(errors[5].find("write it as a list"), std::string::npos) << errors[5];
}

TEST(LoaderTest, MoneyWithThreePlacesOrAnExponentIsRefused) {
  LoadResult r = Load(kHead +
                      "finance: {pool_total: 282000.125, contributions: [{amount: 1e6}, "
                      "{amount: .inf}, {amount: 282000.120}]}\n");
  EXPECT_EQ(Of(r, "DOC.04").size(), 3U);
}

// A wrong number says what to write instead, with an example.
TEST(LoaderTest, NumberErrorsShowWhatToWrite) {
  LoadResult r = Load(kHead +
                      "finance: {pool_total: \"£1,000\", contributions: [{amount: 10.555}, "
                      "{amount: \"12\"}]}\nterm: {duration_months: three}\n");
  std::vector<std::string> m = Of(r, "DOC.04");
  ASSERT_EQ(m.size(), 4U);
  EXPECT_NE(m[0].find("without quotes, £ signs or commas, e.g. 17400000"), std::string::npos);
  EXPECT_NE(m[1].find("pounds and pence, e.g. 10.55"), std::string::npos);
  EXPECT_NE(m[2].find("without quotes; drop the quotes"), std::string::npos);
  EXPECT_NE(m[3].find("whole number of at least 1: write e.g. 36"), std::string::npos);
}

TEST(LoaderTest, VocabularyErrorsSuggestAWord) {
  LoadResult r = Load(kHead + "term: {review: {frequency: anual}}\n");
  ASSERT_EQ(Of(r, "DOC.04").size(), 1U);
  EXPECT_NE(Of(r, "DOC.04")[0].find("did you mean `annual`"), std::string::npos);
}

TEST(LoaderTest, MissingRequiredKeysPointAtTheirParent) {
  LoadResult r = Load("format: s75check/1\nagreement:\n  title: T\npartners: []\n");
  std::vector<std::string> missing = Of(r, "DOC.05");
  ASSERT_EQ(missing.size(), 2U);
  EXPECT_EQ(missing[0].substr(0, 4), "3:3 ");
  EXPECT_NE(missing[0].find("agreement.id"), std::string::npos);
}

TEST(LoaderTest, UnsupportedOrMissingFormatStopsTheCheck) {
  LoadResult later = Load("format: s75check/3\n");
  EXPECT_FALSE(later.checked);
  EXPECT_EQ(Of(later, "DOC.06"),
            std::vector<std::string>({"1:9 unsupported format 's75check/3': this version of "
                                      "s75check reads `s75check/2` and `s75check/1`"}));
  EXPECT_FALSE(Load("agreement: {id: a}\n").checked);
  EXPECT_EQ(Of(Load(""), "DOC.06").size(), 1U);
  EXPECT_EQ(Of(Load("- a\n- b\n"), "DOC.06").size(), 1U);
}

TEST(LoaderTest, SyntaxErrorHasItsPosition) {
  LoadResult r = Load("format: s75check/1\nagreement: [unclosed\n");
  EXPECT_FALSE(r.checked);
  ASSERT_EQ(Of(r, "DOC.01").size(), 1U);
}

TEST(LoaderTest, SecondDocumentIsDoc01) {
  EXPECT_EQ(Of(Load(kHead + "---\nformat: s75check/1\n"), "DOC.01").size(), 1U);
}

TEST(LoaderTest, AliasBombIsRefusedQuickly) {
  std::string bomb = "format: s75check/1\na: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  LoadResult r = Load(bomb);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(r.checked);
  ASSERT_EQ(Of(r, "DOC.07").size(), 1U);
  EXPECT_NE(Of(r, "DOC.07")[0].find("alias expansion limit"), std::string::npos);
  // Not a timing assertion of speed, but of non-expansion: a billion nodes
  // would take minutes.
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(LoaderTest, DeepNestingIsRefusedWithoutCrashing) {
  LoadResult r = Load(std::string(200000, '[') + std::string(200000, ']'));
  ASSERT_EQ(Of(r, "DOC.07").size(), 1U);
  EXPECT_NE(Of(r, "DOC.07")[0].find("depth limit"), std::string::npos);
}

TEST(LoaderTest, InvalidUtf8IsDoc07AtTheByte) {
  LoadResult r = Load("format: s75check/1\ntitle: caf\xe9\n");
  ASSERT_EQ(Of(r, "DOC.07").size(), 1U);
  EXPECT_EQ(Of(r, "DOC.07")[0].substr(0, 5), "2:11 ");
}

TEST(LoaderTest, ByteOrderMarkIsIgnored) {
  EXPECT_TRUE(Load("\xEF\xBB\xBF" + kHead).findings.empty());
}

TEST(LoaderTest, SizeLimitIsDoc07) {
  LoadLimits limits;
  limits.max_file_bytes = 10;
  LoadResult r = Load(kHead, limits);
  EXPECT_EQ(Of(r, "DOC.07").size(), 1U);
}

TEST(LoaderTest, MergeKeysAndTagsAreRefused) {
  LoadResult r = Load(kHead + "term:\n  <<: {renewal: x}\n  renewal: !!binary aGk=\n");
  EXPECT_EQ(Of(r, "DOC.03").size(), 1U);
  EXPECT_EQ(Of(r, "DOC.04").size(), 1U);
}

TEST(LoaderTest, UnreadableFileIsDoc07) {
  LoadResult r = LoadAgreementFile("/nonexistent/agreement.yaml", LoadLimits{});
  EXPECT_FALSE(r.checked);
  EXPECT_EQ(Of(r, "DOC.07").size(), 1U);
}

// Text that YAML would silently lose (issue 13): a ` #` that starts a comment
// inside unquoted text (DOC.09), a `: ` or ` #` that breaks the YAML (DOC.01
// saying to quote the text), and a quoted value never closed (DOC.01).

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The solicitor's line from issue 13.
const std::string kLegal =
    "technical:\n  legal: Each partner bears its own legal costs (see clause #12 for disputes)\n";

TEST(LostTextTest, CommentCuttingTextIsDoc09AtTheHashWithTheWords) {
  LoadResult r = Load(kHead + kLegal);
  std::vector<std::string> cut = Of(r, "DOC.09");
  ASSERT_EQ(cut.size(), 1U);
  EXPECT_EQ(cut[0].substr(0, 5), "5:61 ") << cut[0];
  EXPECT_TRUE(Has(cut[0],
                  "`technical.legal` reads only 'Each partner bears its own legal costs "
                  "(see clause'"))
      << cut[0];
  EXPECT_TRUE(Has(cut[0], "'#12 for disputes)'")) << cut[0];
  EXPECT_TRUE(Has(cut[0], "put the whole value in quotes")) << cut[0];
  EXPECT_TRUE(Has(cut[0], "(`  # `)")) << cut[0];
  EXPECT_EQ(r.findings.size(), 1U);
  EXPECT_EQ(r.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(r.findings[0].path, "technical.legal");
  EXPECT_TRUE(r.checked);
}

TEST(LostTextTest, CrlfFileGivesTheSameFindingWithoutTheCarriageReturn) {
  std::string text = kHead + kLegal;
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
    text.insert(at, "\r");
  }
  std::vector<std::string> cut = Of(Load(text), "DOC.09");
  ASSERT_EQ(cut.size(), 1U);
  EXPECT_EQ(cut[0].substr(0, 5), "5:61 ") << cut[0];
  EXPECT_TRUE(Has(cut[0], "'#12 for disputes)', ")) << cut[0];
}

TEST(LostTextTest, CommentsWrittenByTheConventionAreNotFindings) {
  LoadResult r = Load(kHead +
                      "technical:\n"
                      "  legal: Each partner bears its own costs  # see clause 12\n"
                      "  vat: Recovered by the host    ## checked by finance\n"
                      "  liability: Shared\t# a tab also separates a comment\n"
                      "  indemnity: Mutual  #\n"
                      "  insurance: Each partner insures its own staff #\n"
                      "  disputes:  # to be agreed\n");
  EXPECT_TRUE(r.findings.empty()) << (r.findings.empty() ? "" : r.findings[0].message);
}

TEST(LostTextTest, OneSpaceBeforeOrNoneAfterTheHashIsDoc09) {
  LoadResult r = Load(kHead +
                      "technical:\n"
                      "  legal: Each partner bears its own costs # see clause 12\n"
                      "  vat: Recovered by the host  #12 and 13\n"
                      "  liability: Shared\t#13\n");
  std::vector<std::string> cut = Of(r, "DOC.09");
  ASSERT_EQ(cut.size(), 3U);
  EXPECT_TRUE(Has(cut[0], "'# see clause 12'")) << cut[0];
  EXPECT_TRUE(Has(cut[1], "'#12 and 13'")) << cut[1];
  EXPECT_TRUE(Has(cut[2], "'#13'")) << cut[2];
}

TEST(LostTextTest, HashWithNoSpaceBeforeItIsText) {
  LoadResult r = Load(kHead + "technical:\n  legal: see clause#12 for disputes\n");
  EXPECT_TRUE(r.findings.empty());
}

TEST(LostTextTest, QuotedBlockAndFlowScalarsKeepTheirHash) {
  LoadResult r = Load(kHead +
                      "technical:\n"
                      "  legal: \"see clause #12 for disputes\"\n"
                      "  vat: 'see clause #12 for disputes'  # a comment\n"
                      "  liability: |\n    see clause #12 for disputes\n"
                      "  indemnity: >-\n    see clause #12\n    for disputes\n"
                      "  insurance: \"see clause\n    #12 for disputes\"\n"
                      "  complaints: {description: \"see clause #12\", joint: true}\n"
                      "scope: {services_included: [\"Home care #1\", 'Respite #2'],\n"
                      "  services_excluded: [Day care#3, \"x\" #4\n  ]}\n");
  EXPECT_TRUE(r.findings.empty()) << (r.findings.empty() ? "" : r.findings[0].message);
}

TEST(LostTextTest, PlainTextInAFlowCollectionCutByAComment) {
  LoadResult r = Load(kHead +
                      "technical: {legal: see clause #12 for disputes\n"
                      "  , vat: Recovered by the host}\n");
  std::vector<std::string> cut = Of(r, "DOC.09");
  ASSERT_EQ(cut.size(), 1U);
  EXPECT_EQ(cut[0].substr(0, 5), "4:31 ") << cut[0];
  EXPECT_TRUE(Has(cut[0], "'#12 for disputes'")) << cut[0];
}

TEST(LostTextTest, MultiLineTextIsCutOnItsLastLine) {
  LoadResult r = Load(kHead +
                      "technical:\n"
                      "  legal: Each partner bears\n"
                      "    its own costs #12 for disputes\n"
                      "  vat: Recovered by the host, see\n"
                      "    clause#12 and the annex  # a comment\n");
  std::vector<std::string> cut = Of(r, "DOC.09");
  ASSERT_EQ(cut.size(), 1U);
  EXPECT_EQ(cut[0].substr(0, 5), "6:19 ") << cut[0];
  EXPECT_TRUE(Has(cut[0], "reads only 'Each partner bears its own costs'")) << cut[0];
}

TEST(LostTextTest, ListItemsOfTextAreChecked) {
  LoadResult r = Load(kHead +
                      "scope:\n"
                      "  services_included:\n"
                      "    - Home care #2\n"
                      "    - Respite  # note\n"
                      "    - &r Day care #3\n");
  std::vector<std::string> cut = Of(r, "DOC.09");
  ASSERT_EQ(cut.size(), 2U);
  EXPECT_EQ(cut[0].substr(0, 5), "6:17 ") << cut[0];
  EXPECT_TRUE(Has(cut[0], "`scope.services_included[0]` reads only 'Home care'")) << cut[0];
  EXPECT_EQ(cut[1].substr(0, 5), "8:19 ") << cut[1];
}

TEST(LostTextTest, KeysThatAreNotTextAreNotChecked) {
  LoadResult r = Load(
      "format: s75check/1\nagreement:\n  id: a #1\n  title: T\n"
      "  status: in_force #now\npartners: [{id: p, name: P, kind: icb}]\n"
      "term:\n  commencement: 2009-04-01 #start\n  duration_months: 36 #3 years\n"
      "finance:\n  pool_total: 5000 #approx\n  pooled: yes #1\n"
      "  year: 2009/10 #first\n");
  EXPECT_TRUE(Of(r, "DOC.09").empty()) << Of(r, "DOC.09")[0];
  EXPECT_TRUE(Of(r, "DOC.04").empty()) << Of(r, "DOC.04")[0];
}

TEST(LostTextTest, TextUsedTwiceThroughAnAliasIsReportedOnce) {
  LoadResult r = Load(kHead + "technical:\n  legal: &l see clause #12\n  disputes: *l\n");
  EXPECT_EQ(Of(r, "DOC.09").size(), 1U);
}

TEST(LostTextTest, ColonInUnquotedTextSaysToQuoteIt) {
  LoadResult r = Load("format: s75check/1\nagreement:\n  id: a\n  title: Note: this\n");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_EQ(error[0].substr(0, 5), "4:14 ") << error[0];
  EXPECT_TRUE(Has(error[0], "put the text in quotes (`title: \"Note: this\"`)")) << error[0];
  EXPECT_TRUE(Has(error[0], "if a new key starts here, check its indentation")) << error[0];
}

TEST(LostTextTest, ColonInAFlowMappingSaysToQuoteOrAddAComma) {
  LoadResult r = Load(kHead + "technical: {legal: Note: this}\n");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_EQ(error[0].substr(0, 5), "4:24 ") << error[0];
  EXPECT_TRUE(Has(error[0],
                  "put the text in quotes; if a new entry starts here, end the one "
                  "before it with a comma"))
      << error[0];
}

TEST(LostTextTest, HashThatSwallowsAFlowsEndSaysToQuoteTheText) {
  LoadResult r = Load(kHead + "technical: {legal: see clause #12}\nscope: {}\n");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_TRUE(Has(error[0], "the ` #` at line 4, column 31 starts a comment")) << error[0];
  EXPECT_TRUE(Has(error[0], "'#12}'")) << error[0];
  EXPECT_TRUE(Has(error[0], "put the text in quotes")) << error[0];
}

TEST(LostTextTest, HashThatCutsALongValueSaysToQuoteTheText) {
  LoadResult r = Load(kHead + "technical:\n  legal: Part one #1\n    continued\n");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_TRUE(Has(error[0], "the ` #` at line 5, column 19 starts a comment")) << error[0];
  EXPECT_TRUE(Has(error[0], "put the text in quotes")) << error[0];
}

TEST(LostTextTest, OtherSyntaxErrorsDoNotBlameQuoting) {
  LoadResult r = Load(kHead + "technical:\n  legal: [unclosed  # a note\n");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_FALSE(Has(error[0], "starts a comment")) << error[0];
  EXPECT_FALSE(Has(error[0], "put the text in quotes")) << error[0];
}

TEST(LostTextTest, QuoteNeverClosedIsDoc01AtTheQuote) {
  for (const char* end : {"\"Each partner\n", "\"Each partner \\\"\n", "'it''s\n"}) {
    LoadResult r = Load(kHead + "technical:\n  legal: " + end);
    std::vector<std::string> error = Of(r, "DOC.01");
    ASSERT_EQ(error.size(), 1U) << end;
    EXPECT_EQ(error[0].substr(0, 5), "5:10 ") << error[0];
    EXPECT_TRUE(Has(error[0], "is not closed")) << error[0];
    EXPECT_FALSE(r.checked);
  }
}

TEST(LostTextTest, QuoteNeverClosedSwallowsTheRestOfTheFile) {
  LoadResult r = Load(kHead + "technical:\n  legal: \"Each partner\n  vat: none\n");
  ASSERT_EQ(Of(r, "DOC.01").size(), 1U);
}

TEST(LostTextTest, QuoteNeverClosedWithoutAFinalNewlineSaysSo) {
  LoadResult r = Load(kHead + "technical:\n  legal: \"Each partner");
  std::vector<std::string> error = Of(r, "DOC.01");
  ASSERT_EQ(error.size(), 1U);
  EXPECT_TRUE(Has(error[0], "is not closed")) << error[0];
}

TEST(LostTextTest, ClosedQuotesWithEscapesAreFine) {
  LoadResult r = Load(kHead +
                      "technical:\n  legal: \"Each \\\"partner\\\" \\\\\"\n"
                      "  vat: 'it''s'\n  liability: 'x' # one\n");
  EXPECT_TRUE(r.findings.empty()) << (r.findings.empty() ? "" : r.findings[0].message);
}

}  // namespace
}  // namespace s75

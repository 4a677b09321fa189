#include <gtest/gtest.h>

#include <chrono>
#include <string>

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
    if (f.rule == rule)
      out.push_back(std::to_string(f.range.line) + ":" + std::to_string(f.range.column) + " " +
                    f.message);
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
  EXPECT_FALSE(Load("format: s75check/2\n").checked);
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

}  // namespace
}  // namespace s75

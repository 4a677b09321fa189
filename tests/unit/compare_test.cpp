// The comparison of two drafts (compare/): provisions matched by identity,
// not position; findings matched as baselines match them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compare/compare_report.h"
#include "compare/finding_changes.h"
#include "compare/identity.h"
#include "compare/redline.h"
#include "load/loader.h"

namespace s75 {
namespace {

LoadResult Load(const std::string& text) { return LoadAgreementText(text, "t.yaml", LoadLimits{}); }

const Date kAsOf = *Date::Parse("2026-11-22");

std::string Agreement(const std::string& partners, const std::string& commencement = "2024-04-01") {
  return "format: s75check/2\nagreement: {id: a1, title: T, status: draft}\npartners:\n" +
         partners + "term: {commencement: " + commencement +
         "}\nfunds:\n  - id: pool\n    name: Pool\n    arrangement: pooled_fund\n    host: b\n"
         "    contributions:\n      - {partner: b, amount: 100}\n      - {partner: c, amount: "
         "50}\n";
}

const std::string kB = "  - {id: b, name: Borough Council, kind: local_authority}\n";
const std::string kC = "  - {id: c, name: NHS Trust, kind: nhs_trust}\n";
const std::string kD = "  - {id: d, name: Health Board, kind: icb}\n";

std::vector<std::string> Summary(const Redline& r) {
  std::vector<std::string> out;
  for (const ProvisionChange& c : r.changes) {
    std::string kind = c.kind == ProvisionChangeKind::kAdded     ? "added"
                       : c.kind == ProvisionChangeKind::kRemoved ? "removed"
                                                                 : "changed";
    out.push_back(kind + " " + c.number + " " + c.label + ": " + c.old_text + " | " + c.new_text);
  }
  return out;
}

Redline Compare(const std::string& before, const std::string& after) {
  LoadResult a = Load(before);
  LoadResult b = Load(after);
  EXPECT_TRUE(a.checked && b.checked);
  return CompareAgreements(*a.document, {}, *b.document, {}, kAsOf);
}

TEST(IdentityTest, ListIndicesBecomeTheEntriesIdentities) {
  LoadResult r = Load(Agreement(kB + kC));
  EXPECT_EQ(IdentityPath(*r.document, "partners[1].name"), "partners[c].name");
  EXPECT_EQ(IdentityPath(*r.document, "funds[0].contributions[1].amount"),
            "funds[pool].contributions[c].amount");
  EXPECT_EQ(IdentityPath(*r.document, "term.commencement"), "term.commencement");
  EXPECT_EQ(IdentityPath(*r.document, "partners[7]"), "partners[7]");
}

TEST(IdentityTest, AFormat1FilesFinanceIsItsFundMain) {
  LoadResult r = Load(
      "format: s75check/1\nagreement: {id: a1, title: T}\npartners: [{id: b, name: B, kind: "
      "icb}]\nfinance: {contributions: [{partner: b, amount: 5}]}\n");
  EXPECT_EQ(IdentityPath(*r.document, "finance.contributions[0].amount"),
            "funds[main].contributions[b].amount");
}

TEST(RedlineTest, AnInsertedPartnerIsOneAdditionNotEveryLaterOneChanged) {
  Redline r = Compare(Agreement(kB + kC), Agreement(kD + kB + kC));
  std::vector<std::string> got = Summary(r);
  ASSERT_FALSE(got.empty());
  for (const std::string& line : got) {
    EXPECT_TRUE(line.starts_with("added 1.1(a)")) << line;
  }
  EXPECT_EQ(got.front(), "added 1.1(a) The parties:  | Health Board");
}

TEST(RedlineTest, ReorderedEntriesAreNoChange) {
  std::string before = Agreement(kB + kC);
  std::string after = Agreement(kC + kB);
  size_t at = after.find("      - {partner: b");
  std::string b_line = "      - {partner: b, amount: 100}\n";
  after.erase(at, b_line.size());
  after += b_line;
  EXPECT_EQ(Summary(Compare(before, after)), std::vector<std::string>{});
}

TEST(RedlineTest, AChangedDateIsWrittenForPeople) {
  EXPECT_EQ(Summary(Compare(Agreement(kB + kC), Agreement(kB + kC, "2024-07-01"))),
            std::vector<std::string>{"changed 2.1 Commencement: 1 April 2024 | 1 July 2024"});
}

TEST(RedlineTest, ARemovedPartnerStandsWhereItWas) {
  std::vector<std::string> got = Summary(Compare(Agreement(kB + kD + kC), Agreement(kB + kC)));
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front(), "removed 1.1(b) The parties: Health Board | ");
}

// A partner renamed is one change to its own entry; the provisions that name
// it change only by the new name and are marked so, unless they change too.
TEST(RedlineTest, ARenamedPartnerIsOneChangeItsMentionsMarkedRenamedOnly) {
  std::string renamed = "  - {id: b, name: Borough Council of Eastvale, kind: local_authority}\n";
  Redline r = Compare(Agreement(kB + kC), Agreement(renamed + kC));
  ASSERT_EQ(r.renames.size(), 1U);
  EXPECT_EQ(r.renames[0].id, "b");
  EXPECT_EQ(r.renames[0].old_name, "Borough Council");
  EXPECT_EQ(r.renames[0].new_name, "Borough Council of Eastvale");
  int own = 0;
  int mentions = 0;
  for (const ProvisionChange& c : r.changes) {
    bool entry = c.path.starts_with("partners[");
    EXPECT_NE(entry, c.renamed_only) << c.number << " " << c.label;
    (entry ? own : mentions) += 1;
  }
  EXPECT_EQ(own, 1);
  EXPECT_GE(mentions, 2);  // the fund's host and a contribution name it

  // The same rename with the host's contribution changed: that one is shown.
  std::string after = Agreement(renamed + kC);
  after.replace(after.find("amount: 100"), 11, "amount: 120");
  for (const ProvisionChange& c : Compare(Agreement(kB + kC), after).changes) {
    if (c.new_text.find("120") != std::string::npos) {
      EXPECT_FALSE(c.renamed_only) << c.new_text;
    }
  }
}

// The document part of the redline's Word document.
std::string DocxDocument(const Redline& r) {
  for (const PackagePart& part : RedlineDocxParts(r)) {
    if (part.name == "word/document.xml") {
      return part.content;
    }
  }
  return "";
}

TEST(RedlineDocxTest, AChangedProvisionsOldTextIsATrackedDeletionItsNewAnInsertion) {
  std::string doc = DocxDocument(Compare(Agreement(kB + kC), Agreement(kB + kC, "2024-07-01")));
  EXPECT_NE(
      doc.find("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">2.1</w:t></w:r>"
               "<w:r><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
               "Commencement.</w:t></w:r>"
               "<w:del w:id=\"1\" w:author=\"s75check\" w:date=\"2026-11-22T00:00:00Z\">"
               "<w:r><w:delText xml:space=\"preserve\"> 1 April 2024</w:delText></w:r></w:del>"
               "<w:ins w:id=\"2\" w:author=\"s75check\" w:date=\"2026-11-22T00:00:00Z\">"
               "<w:r><w:t xml:space=\"preserve\"> 1 July 2024</w:t></w:r></w:ins></w:p>"),
      std::string::npos)
      << doc;
}

TEST(RedlineDocxTest, ARemovedProvisionIsDeletedWholeItsParagraphToo) {
  std::string doc = DocxDocument(Compare(Agreement(kB + kD + kC), Agreement(kB + kC)));
  EXPECT_NE(doc.find("<w:p><w:pPr><w:pStyle w:val=\"Provision\"/><w:rPr><w:del w:id=\"2\" "
                     "w:author=\"s75check\" w:date=\"2026-11-22T00:00:00Z\"/></w:rPr></w:pPr>"
                     "<w:del w:id=\"1\" w:author=\"s75check\" "
                     "w:date=\"2026-11-22T00:00:00Z\"><w:r><w:rPr><w:b/></w:rPr>"
                     "<w:delText xml:space=\"preserve\">1.1(b)</w:delText></w:r>"),
            std::string::npos)
      << doc;
  EXPECT_NE(doc.find("<w:delText xml:space=\"preserve\"> Health Board</w:delText></w:r></w:del>"
                     "</w:p>"),
            std::string::npos)
      << doc;
  EXPECT_EQ(doc.find("<w:t xml:space=\"preserve\"> Health Board"), std::string::npos);
}

Finding At(const std::string& rule, const std::string& path, const std::string& message, int line) {
  Finding f;
  f.rule = rule;
  f.path = path;
  f.message = message;
  f.range = {"t.yaml", line, 1};
  return f;
}

TEST(FindingChangesTest, MatchedOnRulePathAndMessageNeverLine) {
  auto as_given = [](const Finding& f) { return f.path; };
  std::vector<Finding> before = {At("T1.07", "x", "m", 3), At("T1.07", "x", "m", 4),
                                 At("DATE.04", "y", "due 2026-11-22", 9)};
  std::vector<Finding> after = {At("T1.07", "x", "m", 30), At("DATE.04", "y", "due 2026-11-22", 1),
                                At("T2.01", "z", "new", 2)};
  FindingChanges c = CompareFindings(before, as_given, after, as_given, kAsOf);
  ASSERT_EQ(c.introduced.size(), 1U);
  EXPECT_EQ(c.introduced[0].rule, "T2.01");
  ASSERT_EQ(c.resolved.size(), 1U);  // one of the two identical T1.07s
  EXPECT_EQ(c.resolved[0].rule, "T1.07");
  EXPECT_EQ(c.unchanged.size(), 2U);
}

}  // namespace
}  // namespace s75

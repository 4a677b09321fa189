// The driver's own logic: rule selection, waivers, the catalogue order.
#include <gtest/gtest.h>

#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "driver/selection.h"
#include "driver/waivers.h"
#include "eval/mentions.h"

namespace s75 {
namespace {

const std::vector<std::string> kIds = {"T1.01", "T1.10", "DATE.04", "DOC.03", "WAIVER.02"};

TEST(SelectionTest, IdsAndFamilies) {
  std::string error;
  auto s = RuleSelection::Parse({"T1,DATE.04"}, {"T1.10"}, kIds, error);
  ASSERT_TRUE(s) << error;
  EXPECT_TRUE(s->Selected("T1.01"));
  EXPECT_FALSE(s->Selected("T1.10"));
  EXPECT_TRUE(s->Selected("DATE.04"));
  EXPECT_FALSE(s->Selected("DOC.03"));
  EXPECT_TRUE(RuleSelection().Selected("DOC.03"));
}

TEST(SelectionTest, PrefixIsAWholeFamilyNotAStringPrefix) {
  std::string error;
  EXPECT_FALSE(RuleSelection::Parse({"T1.1"}, {}, kIds, error));
  EXPECT_EQ(error, "--select: no rule or family 'T1.1'; did you mean 'T1.01'?");
  EXPECT_TRUE(RuleSelection::Parse({}, {"DATE"}, kIds, error)) << error;
}

TEST(MentionsTest, WordsCaseAndSpacing) {
  EXPECT_TRUE(Mentions("Day-case SURGERY", "surgery"));
  EXPECT_TRUE(Mentions("Emergency\n  ambulance services", "emergency ambulance"));
  EXPECT_FALSE(Mentions("Surgeryx booking", "surgery"));
  EXPECT_FALSE(Mentions("microsurgery", "surgery"));
  EXPECT_FALSE(Mentions("anything", "   "));
}

TEST(MentionsTest, NegatedTermsDoNotCount) {
  EXPECT_FALSE(Mentions("Non-surgical podiatry", "surgical"));
  EXPECT_FALSE(Mentions("non invasive procedure", "invasive procedure"));
  EXPECT_TRUE(Mentions("anon surgical", "surgical"));  // "non" must start a word
  EXPECT_TRUE(Mentions("non-surgical and surgical clinics", "surgical"));
}

// The built-in packs, compiled.
std::unique_ptr<const CompiledPack> BuiltinPack() {
  Diagnostics diags;
  auto pack = CompilePack(BuiltinRuleSources(), diags);
  EXPECT_TRUE(pack);
  return pack;
}

// Checks `yaml` with the built-in packs, selecting `select`.
std::vector<Finding> Check(const std::string& yaml, const std::string& as_of,
                           std::vector<std::string> select = {}) {
  auto pack = BuiltinPack();
  CheckOptions options;
  options.as_of = *Date::Parse(as_of);
  std::string error;
  options.selection = *RuleSelection::Parse(select, {}, KnownRuleIds(*pack), error);
  return CheckLoaded(*pack, LoadAgreementText(yaml, "w.yaml", options.limits), "w.yaml", options)
      .findings;
}

const char* kWaived = R"(format: s75check/1
agreement: {id: w, title: W}
partners: [{id: a, name: A, kind: icb}]
capital: {ownership: The host}
waivers:
  - {rule: T1.08, reason: No capital items, approved_by: Board, expires: 2025-03-31}
)";

TEST(WaiverTest, WaivesEveryFindingOfItsRuleUntilItExpires) {
  std::vector<Finding> f = Check(kWaived, "2025-03-31", {"T1.08,WAIVER"});
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].rule, "T1.08");
  ASSERT_TRUE(f[0].waived());
  EXPECT_EQ(f[0].waiver->reason, "No capital items");
  EXPECT_EQ(f[0].waiver->approved_by, "Board");
  EXPECT_EQ(f[0].waiver->expires, "2025-03-31");

  f = Check(kWaived, "2025-04-01", {"T1.08,WAIVER"});
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].rule, "T1.08");
  EXPECT_FALSE(f[0].waived());
  EXPECT_EQ(f[1].rule, "WAIVER.01");
  EXPECT_EQ(f[1].path, "waivers[0]");
}

TEST(WaiverTest, UnselectedRuleGivesNoUnusedWaiver) {
  EXPECT_TRUE(Check(kWaived, "2025-01-01", {"WAIVER"}).empty());
}

TEST(CatalogueTest, FamilyOrder) {
  auto pack = BuiltinPack();
  ASSERT_TRUE(pack);
  std::vector<RuleDoc> docs = RuleCatalogue(*pack);
  ASSERT_FALSE(docs.empty());
  EXPECT_EQ(docs.front().id, "T1.01");
  EXPECT_EQ(docs.back().id, "WAIVER.03");
  ASSERT_NE(FindRuleDoc(docs, "AC.02"), nullptr);
  EXPECT_EQ(FindRuleDoc(docs, "AC.02")->severity_text,
            "warning; error if not (finance.commissioning_accounted_separately == true)");
}

// Every rule a report can list is described for SARIF and JUnit, in id order.
TEST(CatalogueTest, AllRulesCarryTheirDocumentation) {
  auto pack = BuiltinPack();
  ASSERT_TRUE(pack);
  std::vector<RuleRef> rules = AllRules(*pack);
  ASSERT_FALSE(rules.empty());
  EXPECT_TRUE(std::is_sorted(rules.begin(), rules.end(),
                             [](const RuleRef& a, const RuleRef& b) { return a.id < b.id; }));
  for (const RuleRef& r : rules) {
    EXPECT_FALSE(r.title.empty() || r.description.empty() || r.remediation.empty() ||
                 r.references.empty())
        << r.id;
    EXPECT_EQ(r.id.rfind(r.family + ".", 0), 0U) << r.id;
  }
  auto ac02 =
      std::find_if(rules.begin(), rules.end(), [](const RuleRef& r) { return r.id == "AC.02"; });
  ASSERT_NE(ac02, rules.end());
  EXPECT_EQ(ac02->severity, Severity::kWarning);
  EXPECT_EQ(ac02->severity_text.rfind("warning; error if", 0), 0U);
}

}  // namespace
}  // namespace s75

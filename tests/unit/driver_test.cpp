// The driver's own logic: rule selection, waivers, the catalogue order.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "compile/mentions.h"
#include "driver/catalogue.h"
#include "driver/facts.h"
#include "driver/pipeline.h"
#include "driver/selection.h"
#include "driver/waivers.h"
#include "parse/parser.h"
#include "parse/snapshot.h"
#include "report/reporter.h"

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

// The embedded sources, parsed now (what the snapshot saves at build time).
RuleFiles ParseBuiltinSources() {
  Diagnostics diags;
  RuleFiles files;
  for (RuleSource& s : BuiltinRuleSources()) {
    files.push_back(ParseRuleFile(s.path, s.text, diags));
  }
  EXPECT_FALSE(diags.HasErrors());
  return files;
}

TEST(SnapshotTest, BuiltinSnapshotIsTheParseOfTheBuiltinSources) {
  std::optional<RuleFiles> loaded = LoadSnapshot(BuiltinSnapshot());
  ASSERT_TRUE(loaded);
  RuleFiles parsed = ParseBuiltinSources();
  ASSERT_EQ(loaded->size(), parsed.size());
  EXPECT_EQ(SaveSnapshot(*loaded), SaveSnapshot(parsed));
  EXPECT_EQ(SaveSnapshot(*loaded), std::string(BuiltinSnapshot()));
}

// The JSON report of every example agreement, and the rule list, with `pack`.
std::string Everything(const CompiledPack& pack) {
  CheckOptions options;
  options.as_of = *Date::Parse("2026-11-22");
  std::ostringstream out;
  MakeReporter("json", {})
      ->Write(RunCheck(pack, {std::string(S75_SOURCE_DIR) + "/agreements"}, options), out);
  WriteRuleList(RuleCatalogue(pack), "json", out);
  return out.str();
}

TEST(SnapshotTest, CompilesToThePackTheSourcesGive) {
  Diagnostics diags;
  auto from_snapshot = CompileBuiltinPacks({}, diags);
  auto from_sources = CompilePack(BuiltinRuleSources(), diags);
  ASSERT_TRUE(from_snapshot && from_sources);
  EXPECT_EQ(from_snapshot->rules().size(), from_sources->rules().size());
  EXPECT_EQ(Everything(*from_snapshot), Everything(*from_sources));
}

TEST(SnapshotTest, DamagedBytesAreRefusedNotTrusted) {
  std::string bytes(BuiltinSnapshot());
  EXPECT_FALSE(LoadSnapshot(""));
  EXPECT_FALSE(LoadSnapshot("S75P"));
  EXPECT_FALSE(LoadSnapshot("XXXX" + bytes.substr(4)));
  for (std::size_t cut = 1; cut < bytes.size(); cut += bytes.size() / 97) {
    EXPECT_FALSE(LoadSnapshot(std::string_view(bytes).substr(0, cut))) << "cut at " << cut;
  }
  EXPECT_FALSE(LoadSnapshot(bytes + "x"));
}

AgreementFacts FactsOf(const std::string& yaml) {
  LoadResult loaded = LoadAgreementText(yaml, "f.yaml", LoadLimits());
  return ReadFacts(*loaded.document);
}

TEST(FactsTest, ModelAgreement) {
  std::ifstream in(std::string(S75_SOURCE_DIR) + "/agreements/model-learning-disability.yaml");
  std::stringstream text;
  text << in.rdbuf();
  AgreementFacts f = FactsOf(text.str());
  EXPECT_EQ(f.status, "in_force");
  EXPECT_EQ(f.arrangements, (std::vector<std::string>{"pooled_fund", "lead_commissioning"}));
  EXPECT_EQ(f.client_groups, (std::vector<std::string>{"learning_disability", "carers"}));
  EXPECT_EQ(f.financial_model, "lead_body");
  EXPECT_EQ(f.host, "mcc");
  ASSERT_EQ(f.partners.size(), 2U);
  EXPECT_EQ(f.partners[1].kind, "local_authority");
  EXPECT_EQ(f.Signed(), Signatures::kAll);
  ASSERT_TRUE(f.pool_total);
  EXPECT_EQ(f.pool_total->ToString(2), "68216500.50");
  EXPECT_FALSE(f.pool_from_contributions);
  EXPECT_EQ(f.expiry->ToString(), "2030-03-31");
  EXPECT_FALSE(f.ExpiredOn(*Date::Parse("2030-03-31")));
  EXPECT_TRUE(f.ExpiredOn(*Date::Parse("2030-04-01")));
}

TEST(FactsTest, InvalidValuesCountAsAbsentAndTheFallbacksApply) {
  AgreementFacts f = FactsOf(R"(format: s75check/1
agreement: {id: x, title: X, status: draft}
partners:
  - {id: a, name: A, kind: icb, role: host, signatory: {name: N, signed_on: 2024-02-30}}
  - {id: b, name: B, kind: local_authority, signatory: {name: M, signed_on: 2024-03-01}}
term: {commencement: 2024-04-01, duration_months: 12}
finance:
  pool_total: "100"
  contributions: [{partner: a, amount: 10.50}, {partner: b, amount: 20}, {partner: b, amount: x}]
)");
  EXPECT_EQ(f.host, "a");                    // no host section: the partner whose role is host
  EXPECT_EQ(f.Signed(), Signatures::kSome);  // 2024-02-30 is not a date
  ASSERT_TRUE(f.pool_total);                 // a quoted pool_total is a type error
  EXPECT_EQ(f.pool_total->ToString(2), "30.50");
  EXPECT_TRUE(f.pool_from_contributions);
  EXPECT_EQ(f.expiry->ToString(), "2025-03-31");
  EXPECT_TRUE(
      FactsOf("format: s75check/1\nagreement: {id: y, title: Y}\npartners: []\n").partners.empty());
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

// The driver's own logic: rule selection, waivers, the catalogue order.
#include <gtest/gtest.h>

#include <filesystem>
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

// A DOC or WAIVER id is refused as such; a word that only begins like one is
// an id no pack defines.
TEST(WaiverTest, DocAndWaiverIdsCannotBeWaivedOtherWordsNameNoRule) {
  auto waiving = [](const std::string& rule) {
    std::string yaml = kWaived;
    yaml.replace(yaml.find("T1.08"), 5, rule);
    std::vector<Finding> f = Check(yaml, "2025-01-01", {"WAIVER"});
    return f.size() == 1 ? f[0].rule + ": " + f[0].message
                         : "findings: " + std::to_string(f.size());
  };
  const std::string refused =
      " is ignored: DOC and WAIVER findings cannot be waived; correct the "
      "document instead";
  EXPECT_EQ(waiving("DOC.03"), "WAIVER.02: the waiver of DOC.03" + refused);
  EXPECT_EQ(waiving("WAIVER.01"), "WAIVER.02: the waiver of WAIVER.01" + refused);
  EXPECT_EQ(waiving("DOC"),
            "WAIVER.02: the waiver of DOC matches no finding: no rule DOC is in the rule packs");
  EXPECT_EQ(waiving("DOCX.1"),
            "WAIVER.02: the waiver of DOCX.1 matches no finding: no rule DOCX.1 is in the rule "
            "packs");
  EXPECT_EQ(waiving("WAIVERS.1"),
            "WAIVER.02: the waiver of WAIVERS.1 matches no finding: no rule WAIVERS.1 is in the "
            "rule packs");
}

// A report stage that writes down what the pipeline gives it.
class RecordingStage : public ReportStage {
 public:
  bool Open() override {
    log += "open\n";
    return true;
  }
  void Begin(const CheckReport& run, size_t files) override {
    log += "begin: " + std::to_string(files) + " files, " + std::to_string(run.rules.size()) +
           " rules\n";
  }
  void File(FileResult file) override {
    log += std::filesystem::path(file.path).filename().string() + ":";
    for (const Finding& f : file.findings) {
      log += " " + f.rule;
    }
    log += "\n";
  }
  int End(const CheckReport& run) override {
    log += "end: " + std::to_string(run.rules.size()) + " rules\n";
    return 7;
  }
  std::string log;
};

// Two agreements with one id, one that is not YAML, and a path that does not
// exist: each reaches the report in path order, with the cross-file DOC.08,
// whatever the number of threads. --select DOC selects the nine DOC rules.
TEST(PipelineTest, RunsTheStagesInOrderAndReportsEachFileInPathOrder) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "s75-pipeline";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string head = "format: s75check/1\nagreement: {id: same, title: T}\n";
  std::ofstream(dir / "a.yaml") << head;
  std::ofstream(dir / "b.yaml") << head;
  std::ofstream(dir / "c.yaml") << "format: [\n";
  for (int jobs : {1, 3}) {
    PipelineInput input;
    input.rules.select = {"DOC"};
    input.paths = {dir.string(), (dir / "missing.yaml").string()};
    input.options.as_of = *Date::Parse("2026-11-22");
    input.options.jobs = jobs;
    RecordingStage report;
    std::ostringstream err;
    EXPECT_EQ(RunPipeline(input, report, err), 7);
    EXPECT_EQ(err.str(), "");
    EXPECT_EQ(report.log,
              "open\nbegin: 4 files, 9 rules\na.yaml: DOC.05\nb.yaml: DOC.05 DOC.08\n"
              "c.yaml: DOC.01\nmissing.yaml: DOC.07\nend: 9 rules\n")
        << "-j " << jobs;
  }
  std::filesystem::remove_all(dir);
}

TEST(PipelineTest, AChoiceOfRulesThatNamesNoneStopsBeforeTheReportOpens) {
  PipelineInput input;
  input.rules.select = {"T9"};
  RecordingStage report;
  std::ostringstream err;
  EXPECT_EQ(RunPipeline(input, report, err), 2);
  EXPECT_EQ(err.str(), "s75check: --select: no rule or family 'T9'; did you mean 'T1'?\n");
  EXPECT_EQ(report.log, "");
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

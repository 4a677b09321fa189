// The driver's own logic: rule selection, waivers, the catalogue order.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <sstream>

#include "common/ascii.h"
#include "compile/builtins.h"
#include "compile/mentions.h"
#include "compile/program_snapshot.h"
#include "driver/catalogue.h"
#include "driver/facts.h"
#include "driver/pipeline.h"
#include "driver/selection.h"
#include "driver/sweep.h"
#include "driver/waivers.h"
#include "parse/parser.h"
#include "parse/snapshot.h"
#include "parse/snapshot_io.h"
#include "report/agreement_filter.h"
#include "report/register.h"
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

bool IsWordByte(char c) {
  return IsAsciiAlnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// mentions() as its documentation states it, written another way: at every
// start of a word, the term's words (any run of white space between them,
// ASCII case ignored) matched by a regular expression, ending a word, and not
// after a "non-" or "non " that starts a word.
bool MentionsAsDocumented(const std::string& text, std::string_view term) {
  std::string pattern;
  for (char c : TrimAsciiSpace(term)) {
    pattern += IsAsciiSpace(c) ? std::string("[ \t\n\v\f\r]+")
                               : std::string(IsAsciiAlnum(c) ? "" : "\\") + c;
  }
  if (pattern.empty()) {
    return false;
  }
  // Adjacent runs of white space in the term collapse to one.
  for (size_t at; (at = pattern.find("+[ \t\n\v\f\r]+")) != std::string::npos;) {
    pattern.erase(at + 1, std::string("[ \t\n\v\f\r]+").size());
  }
  std::regex re(pattern, std::regex::icase);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    std::smatch m;
    auto from = text.begin() + static_cast<std::ptrdiff_t>(pos);
    if ((pos > 0 && IsWordByte(text[pos - 1])) ||
        !std::regex_search(from, text.end(), m, re, std::regex_constants::match_continuous)) {
      continue;
    }
    size_t end = pos + static_cast<size_t>(m.length(0));
    bool negated = pos >= 4 && (text[pos - 1] == '-' || text[pos - 1] == ' ') &&
                   AsciiLower(text[pos - 4]) == 'n' && AsciiLower(text[pos - 3]) == 'o' &&
                   AsciiLower(text[pos - 2]) == 'n' && (pos == 4 || !IsWordByte(text[pos - 5]));
    if ((end == text.size() || !IsWordByte(text[end])) && !negated) {
      return true;
    }
  }
  return false;
}

// Mentions finds its candidates with memchr; over many short texts of the
// letters and separators that matter (a fixed seed, so every run asks the
// same), it must agree with the documented reading.
TEST(MentionsTest, AgreesWithTheDocumentedReading) {
  const std::vector<std::string> pieces = {
      "s",   "S", "u", "r",  "g",  "e", "y", "ry",       "surgery", "SURGERY", "non",
      "Non", "-", " ", "  ", "\n", "x", "_", "\xc3\xa9", "day",     "case",    "Day\tCase"};
  const std::vector<std::string> terms = {"surgery", "Surgery", "day case",   "y",
                                          "e",       "non",     " day  case "};
  std::mt19937 random(75);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (auto n = random() % 8; n > 0; --n) {
      text += pieces[random() % pieces.size()];
    }
    for (const std::string& term : terms) {
      ASSERT_EQ(Mentions(text, term), MentionsAsDocumented(text, term))
          << "text '" << text << "' term '" << term << "'";
    }
  }
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

// The program saved at build time is the parse tree's snapshot compiled, and
// loading it gives back every field saved: the examples' reports with it are
// compared with the sources' in CompilesToThePackTheSourcesGive above, for
// CompileBuiltinPacks({}) loads it. (With --extra-rules the packs are
// compiled from the parse tree, as a local pack may import the definitions the
// program has inlined away: tests/cli/catalogue_test.sh runs one that does.)
TEST(ProgramSnapshotTest, BuiltinProgramIsTheBuiltinSnapshotCompiled) {
  Diagnostics diags;
  auto compiled = CompilePack(*LoadSnapshot(BuiltinSnapshot()), {}, diags);
  ASSERT_TRUE(compiled);
  EXPECT_EQ(SaveProgram(*compiled), std::string(BuiltinProgram()));
  auto loaded = LoadProgram(BuiltinProgram());
  ASSERT_TRUE(loaded);
  EXPECT_EQ(SaveProgram(*loaded), std::string(BuiltinProgram()));
  EXPECT_EQ(loaded->rules().size(), compiled->rules().size());
}

TEST(ProgramSnapshotTest, DamagedBytesAreRefusedNotTrusted) {
  std::string bytes(BuiltinProgram());
  EXPECT_FALSE(LoadProgram(""));
  EXPECT_FALSE(LoadProgram("S75C"));
  EXPECT_FALSE(LoadProgram(BuiltinSnapshot()));
  EXPECT_FALSE(LoadProgram("XXXX" + bytes.substr(4)));
  for (std::size_t cut = 1; cut < bytes.size(); cut += bytes.size() / 97) {
    EXPECT_FALSE(LoadProgram(std::string_view(bytes).substr(0, cut))) << "cut at " << cut;
  }
  EXPECT_FALSE(LoadProgram(bytes + "x"));
}

// A number saved wider than the field it is read into is a damaged snapshot,
// for every narrow type the reader has, not a value cut down to fit.
TEST(SnapshotTest, NumbersTooWideForTheirFieldAreRefused) {
  auto reads_back = [](auto wide, auto narrow) {
    snapshot::Writer w;
    w(wide);
    std::string bytes = w.Finish("M");
    snapshot::Reader r(bytes);
    r.Magic("M");
    r.FileTable();
    r(narrow);
    return r.ok() && r.AtEnd();
  };
  EXPECT_TRUE(reads_back(-2147483647LL - 1, int{}));
  EXPECT_FALSE(reads_back(2147483648LL, int{}));
  EXPECT_FALSE(reads_back(-2147483649LL, int{}));
  EXPECT_TRUE(reads_back(std::uint32_t{0xFFFFFFFF}, std::uint32_t{}));
  EXPECT_FALSE(reads_back(4294967296LL, std::uint32_t{}));
  EXPECT_TRUE(reads_back(std::int16_t{-32768}, std::int16_t{}));
  EXPECT_FALSE(reads_back(32768, std::int16_t{}));
  EXPECT_TRUE(reads_back(std::uint16_t{65535}, std::uint16_t{}));
  EXPECT_FALSE(reads_back(std::uint32_t{65536}, std::uint16_t{}));
}

// What a loaded program's arrays must hold before the evaluator may trust
// them: each place in range, operands after their Op (so no cycle).
TEST(ProgramSnapshotTest, InconsistentCodeIsRefused) {
  Diagnostics diags;
  auto compiled = CompilePack(*LoadSnapshot(BuiltinSnapshot()), {}, diags);
  ASSERT_TRUE(compiled);
  const ProgramCode& good = compiled->code();
  EXPECT_TRUE(good.Consistent());
  auto first_of = [&good](Op::Kind kind) {
    for (size_t i = 0; i < good.ops.size(); ++i) {
      if (good.ops[i].kind == kind && (kind != Op::kField || good.ops[i].count == 1)) {
        return i;
      }
    }
    ADD_FAILURE() << "no op of kind " << kind;
    return size_t{0};
  };
  size_t field = first_of(Op::kField);
  size_t text = first_of(Op::kText);
  auto damaged = [&good](const std::function<void(ProgramCode&)>& damage) {
    ProgramCode code = good;
    damage(code);
    return code.Consistent();
  };
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.ops[field].first = 0; }));  // itself
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.ops[field].first = 0xFFFFFFF0U; }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.ops[field].count = 0; }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.ops[text].value = kNoCode; }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.ops[text].kind = Op::kCall; }));  // no built-in
  EXPECT_FALSE(damaged([&](ProgramCode& c) {  // a built-in past the last
    c.ops[text].kind = Op::kCall;
    c.ops[text].index = static_cast<std::int16_t>(Functions().size() + Operators().size());
  }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) { c.stmts[0].message = c.stmts[0].expr = kNoCode; }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) {  // a pattern function without its pattern
    for (const Op& op : c.ops) {
      if (op.kind == Op::kCall && BuiltinById(op.builtin()).literal_arg >= 0) {
        c.patterns[op.value] = nullptr;
        return;
      }
    }
    ADD_FAILURE() << "no pattern function in the built-in program";
  }));
  EXPECT_FALSE(damaged([&](ProgramCode& c) {
    for (CodeStmt& s : c.stmts) {
      if (s.body_size > 0) {
        s.body = 0;  // a body before its statement: a cycle
        return;
      }
    }
  }));
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

// The status --status matches and --live's "in force", from the same facts
// the register reads: past its expiry an agreement is expired (unless
// terminated); signed counts as live once commenced; a rolling term does not
// expire.
TEST(FactsTest, StatusOnAndLiveOnJudgeTheDate) {
  auto facts = [](const std::string& status, const std::string& term) {
    return FactsOf("format: s75check/1\nagreement: {id: x, title: X, status: " + status +
                   "}\nterm: " + term + "\n");
  };
  Date before = *Date::Parse("2025-03-31");
  Date during = *Date::Parse("2026-11-22");
  Date after = *Date::Parse("2027-04-01");
  AgreementFacts in_force = facts("in_force", "{commencement: 2025-04-01, expiry: 2027-03-31}");
  EXPECT_EQ(in_force.StatusOn(during), "in_force");
  EXPECT_EQ(in_force.StatusOn(after), "expired");
  EXPECT_TRUE(in_force.LiveOn(before));  // in force as written, before it commences
  EXPECT_TRUE(in_force.LiveOn(*Date::Parse("2027-03-31")));
  EXPECT_FALSE(in_force.LiveOn(after));
  AgreementFacts signed_ = facts("signed", "{commencement: 2025-04-01, expiry: 2027-03-31}");
  EXPECT_FALSE(signed_.LiveOn(before));
  EXPECT_TRUE(signed_.LiveOn(*Date::Parse("2025-04-01")));
  EXPECT_EQ(signed_.StatusOn(during), "signed");
  AgreementFacts ended = facts("terminated", "{commencement: 2020-04-01, expiry: 2021-03-31}");
  EXPECT_EQ(ended.StatusOn(during), "terminated");
  EXPECT_FALSE(ended.LiveOn(during));
  AgreementFacts rolling =
      facts("in_force", "{commencement: 2011-04-01, rolling: {period_months: 12}}");
  EXPECT_TRUE(rolling.LiveOn(during));
  EXPECT_FALSE(facts("draft", "{commencement: 2025-04-01}").LiveOn(during));
  EXPECT_EQ(facts("expired", "{commencement: 2025-04-01}").StatusOn(before), "expired");
}

TEST(AgreementFilterTest, StatusesAndLiveTogether) {
  EXPECT_EQ(AgreementStatuses(),
            (std::vector<std::string>{"draft", "signed", "in_force", "expired", "terminated"}));
  EXPECT_EQ(CheckStatusWord("in_force"), "");
  EXPECT_EQ(CheckStatusWord("live"),
            "--status takes agreement statuses, comma-separated: draft, signed, in_force, "
            "expired, terminated; not 'live'");
  AgreementFacts past = FactsOf(
      "format: s75check/1\nagreement: {id: x, title: X, status: in_force}\n"
      "term: {commencement: 2020-04-01, expiry: 2021-03-31}\n");
  Date as_of = *Date::Parse("2026-11-22");
  EXPECT_TRUE(AgreementFilter().Keeps(past, as_of));
  EXPECT_FALSE(AgreementFilter({{"in_force"}, false}).Keeps(past, as_of));
  EXPECT_TRUE(AgreementFilter({{"draft", "expired"}, false}).Keeps(past, as_of));
  EXPECT_FALSE(AgreementFilter({{"expired"}, true}).Keeps(past, as_of));
  EXPECT_TRUE(AgreementFilter({{}, false}).Keeps(past, *Date::Parse("2021-03-31")));
  EXPECT_EQ(AgreementFilter().Describe(), "every status");
  EXPECT_EQ(AgreementFilter({{"in_force", "signed"}, false}).Describe(),
            "status: in_force, signed");
  EXPECT_EQ(AgreementFilter({{"signed"}, true}).Describe(), "status: signed; live");
  EXPECT_EQ(AgreementFilter({{}, true}).Describe(), "live");
}

// The files a filtered sweep reports, over tests/fixtures/register as of
// 2026-11-22: a (in force), b (in force, past its 2022 expiry), c (signed,
// commenced 2025), d (expired); e and f cannot be read and are always kept.
std::string Swept(const AgreementFilter& filter, int jobs) {
  std::vector<SweepEntry> entries =
      CollectEntries({std::string(S75_SOURCE_DIR) + "/tests/fixtures/register"}, PathExclusion());
  std::string names;
  SweepAgreements(
      entries, SweepScope{LoadLimits(), jobs, *Date::Parse("2026-11-22"), filter},
      [](const std::string& path, const LoadResult&) { return path; },
      [](const SweepEntry& e) { return e.path; },
      [&](const std::string& path) {
        names += std::filesystem::path(path).filename().string().substr(0, 1);
      });
  return names;
}

TEST(SweepTest, TheFilterLeavesAgreementsOutButNeverAnUnreadableFile) {
  for (int jobs : {1, 3}) {
    EXPECT_EQ(Swept(AgreementFilter(), jobs), "abcdef");
    EXPECT_EQ(Swept({{"in_force"}, false}, jobs), "aef");
    EXPECT_EQ(Swept({{"expired"}, false}, jobs), "bdef");
    EXPECT_EQ(Swept({{"signed", "draft"}, false}, jobs), "cef");
    EXPECT_EQ(Swept({{}, true}, jobs), "acef");
    EXPECT_EQ(Swept({{"terminated"}, false}, jobs), "ef");
  }
}

// The register's latest outturn over two funds (the fixture's comment works
// the figures): the latest year any fund records, summed over the funds
// recording it, with the entries known on the date.
TEST(FiguresTest, LatestOutturnIsTheLatestYearAnyFundRecords) {
  std::string path = std::string(S75_SOURCE_DIR) + "/tests/fixtures/register-figures/";
  LoadResult loaded = LoadAgreementFile(path + "latest-outturn.yaml", LoadLimits());
  ASSERT_TRUE(loaded.checked);
  auto figures = [&](const char* date) {
    AgreementFacts f;
    ReadFigures(*loaded.document, *Date::Parse(date), f);
    return f.outturn;
  };
  std::optional<OutturnFacts> jan = figures("2017-01-31");
  ASSERT_TRUE(jan);
  EXPECT_EQ(jan->year, "2016/17");
  EXPECT_EQ(jan->kind, "forecast");
  EXPECT_EQ(jan->spend.ToString(2), "13100000.50");
  EXPECT_EQ(jan->variance->ToString(2), "-144999.50");
  std::optional<OutturnFacts> march = figures("2017-03-31");
  ASSERT_TRUE(march);
  EXPECT_EQ(march->spend.ToString(2), "13300000.00");
  EXPECT_EQ(march->variance->ToString(2), "55000.00");
  std::optional<OutturnFacts> june = figures("2016-06-30");
  ASSERT_TRUE(june);
  EXPECT_EQ(june->year, "2015/16");
  EXPECT_EQ(june->kind, "actual");
  EXPECT_EQ(june->spend.ToString(2), "24186000.00");
  EXPECT_EQ(june->variance->ToString(2), "870000.00");
  EXPECT_FALSE(figures("2016-05-30"));  // nothing reported yet
}

// The scorecard's worked example (tests/fixtures/scorecard): as of
// 2008-11-15, o1 red, o2 amber, o3 met (green), o4 no data, o5 not rated.
TEST(FiguresTest, OutcomesByRedAmberGreenAndNoData) {
  LoadResult loaded = LoadAgreementFile(
      std::string(S75_SOURCE_DIR) + "/tests/fixtures/scorecard/worked-example.yaml", LoadLimits());
  ASSERT_TRUE(loaded.checked);
  AgreementFacts f;
  ReadFigures(*loaded.document, *Date::Parse("2008-11-15"), f);
  EXPECT_EQ(f.outcomes.red, 1);
  EXPECT_EQ(f.outcomes.amber, 1);
  EXPECT_EQ(f.outcomes.green, 1);
  EXPECT_EQ(f.outcomes.no_data, 2);
  EXPECT_FALSE(f.outturn);
}

// The register counts only the agreements the sweep kept, says which, and
// gives the live agreements' pool apart.
TEST(RegisterTest, TotalsSayWhatTheyCountAndGiveTheLivePoolApart) {
  Register reg;
  reg.as_of = *Date::Parse("2026-11-22");
  reg.filter = {{"in_force", "expired"}, false};
  auto add = [&](const std::string& yaml) {
    FileResult file;
    file.path = "x.yaml";
    file.checked = true;
    file.facts = FactsOf("format: s75check/1\n" + yaml);
    AddToRegister(reg, file);
  };
  add("agreement: {id: a, title: A, status: in_force}\nterm: {commencement: 2025-04-01, "
      "expiry: 2027-03-31}\nfinance: {pool_total: 578500000}\n");
  add("agreement: {id: b, title: B, status: in_force}\nterm: {commencement: 2005-04-01, "
      "expiry: 2008-03-31}\nfinance: {pool_total: 3591500000}\n");
  EXPECT_EQ(reg.totals.pools.total.ToString(2), "4170000000.00");
  EXPECT_EQ(reg.totals.live, 1);
  EXPECT_EQ(reg.totals.live_pools.total.ToString(2), "578500000.00");
  EXPECT_EQ(TotalsCaption(reg),
            "Totals of 2 agreements (status: in_force, expired; as of 2026-11-22)");
  for (std::string_view format : RegisterFormats()) {
    if (format == "xlsx") {
      continue;  // a zip: tests/cli/xlsx_test.sh reads its totals sheet back
    }
    std::ostringstream out;
    ASSERT_TRUE(WriteRegister(reg, format, out));
    EXPECT_NE(out.str().find("status: in_force, expired; as of 2026-11-22"), std::string::npos)
        << format;
    EXPECT_NE(out.str().find(format == "csv" || format == "json" ? "578500000.00" : "£578,500,000"),
              std::string::npos)
        << format;
  }
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

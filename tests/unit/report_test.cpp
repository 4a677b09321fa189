// The summary formats: money, the views the HTML page draws, and escaping of
// hostile agreement text in the HTML and Markdown reports.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "report/facts_json.h"
#include "report/html_reporter.h"
#include "report/json_reporter.h"
#include "report/markdown_reporter.h"
#include "report/money.h"
#include "report/pools.h"
#include "report/report_views.h"

namespace s75 {
namespace {

std::string Pounds(const char* text) { return PoundsText(*Decimal::Parse(text)); }

TEST(MoneyTest, PoundsWithThousandsAndPenceOnlyWhenThereAreAny) {
  EXPECT_EQ(Pounds("17400000"), "£17,400,000");
  EXPECT_EQ(Pounds("68216500.50"), "£68,216,500.50");
  EXPECT_EQ(Pounds("68216500.5"), "£68,216,500.50");
  EXPECT_EQ(Pounds("-1234.05"), "-£1,234.05");
  EXPECT_EQ(Pounds("0"), "£0");
  EXPECT_EQ(Pounds("0.07"), "£0.07");
  EXPECT_EQ(Pounds("999"), "£999");
  EXPECT_EQ(Pounds("1000"), "£1,000");
  EXPECT_EQ(Pounds("100000"), "£100,000");
  EXPECT_EQ(Pounds("0.125"), "£0.125");  // finer than a penny: exact, not rounded
}

Finding MakeFinding(const std::string& rule, Severity severity, bool waived = false) {
  Finding f;
  f.rule = rule;
  f.slug = "slug";
  f.severity = severity;
  f.message = "m";
  if (waived) {
    f.waiver = WaiverInfo{"accepted", "board", ""};
  }
  return f;
}

FileResult MakeFile(const std::string& path, std::vector<Finding> findings,
                    std::optional<std::string> pool, std::vector<std::string> groups) {
  FileResult file;
  file.path = path;
  file.checked = true;
  file.findings = std::move(findings);
  file.facts = AgreementFacts{};
  // As a format 1 agreement's facts: one fund, `main`, for the whole agreement.
  file.facts->version = 1;
  FundFacts fund;
  fund.id = "main";
  if (pool) {
    file.facts->pool_total = fund.pool_total = Decimal::Parse(*pool);
  }
  fund.tallied_client_groups = groups;
  file.facts->funds.push_back(fund);
  file.facts->client_groups = std::move(groups);
  return file;
}

// Rules T1.01-T1.04 and AC.01 defined, T1.04 not selected; files a (findings),
// b (clean, no pool), c (unreadable), d (one group).
CheckReport SmallReport() {
  CheckReport r;
  for (const char* id : {"AC.01", "T1.01", "T1.02", "T1.03", "T1.04"}) {
    RuleRef ref;
    ref.id = id;
    ref.slug = "s";
    ref.title = "t";
    r.known.push_back(ref);
  }
  r.rules = {r.known.begin(), r.known.end() - 1};
  r.files.push_back(MakeFile(
      "a.yaml",
      {MakeFinding("T1.01", Severity::kWarning), MakeFinding("T1.01", Severity::kError),
       MakeFinding("T1.02", Severity::kError, true), MakeFinding("AC.01", Severity::kInfo)},
      "1000000.50", {"older_people", "carers", "carers"}));
  r.files.push_back(MakeFile("b.yaml", {}, std::nullopt, {}));
  FileResult c;
  c.path = "c.yaml";
  c.findings.push_back(MakeFinding("DOC.01", Severity::kError));
  r.files.push_back(c);
  r.files.push_back(MakeFile("d.yaml", {}, "250", {"carers"}));
  return r;
}

TEST(ReportViewsTest, MatrixCellIsTheWorstUnwaivedFindingOrWhyThereIsNone) {
  CheckReport report = SmallReport();
  ComplianceMatrix m = BuildMatrix(report, "T1");
  ASSERT_EQ(m.columns.size(), 4U);
  EXPECT_EQ(m.columns[3].id, "T1.04");
  ASSERT_EQ(m.rows.size(), 4U);
  const std::vector<MatrixCell>& a = m.rows[0].cells;
  EXPECT_EQ(a[0].state, CellState::kError);
  EXPECT_EQ(a[0].findings, 2);
  EXPECT_EQ(a[1].state, CellState::kWaived);
  EXPECT_EQ(a[2].state, CellState::kPass);
  EXPECT_EQ(a[3].state, CellState::kNotRun);
  EXPECT_EQ(m.rows[2].cells[0].state, CellState::kUnreadable);
  EXPECT_EQ(m.rows[2].cells[3].state, CellState::kUnreadable);
}

// An agreement past its expiry passes every Table 1 element; the DATE column
// is what shows it unsound.
TEST(ReportViewsTest, FamilyColumnsShowTheWorstOfTheWholeFamily) {
  CheckReport report = SmallReport();
  RuleRef date;
  date.id = "DATE.02";
  report.known.push_back(date);
  report.rules.push_back(date);
  report.files[1].findings.push_back(MakeFinding("DATE.02", Severity::kError));
  report.files[3].findings.push_back(MakeFinding("DATE.02", Severity::kWarning, true));
  ComplianceMatrix m = BuildMatrix(report, "T1", {"DATE", "REG"});
  ASSERT_EQ(m.families.size(), 2U);
  ASSERT_EQ(m.rows[1].cells.size(), 6U);  // four rules, two families
  EXPECT_EQ(m.rows[1].cells[0].state, CellState::kPass);
  EXPECT_EQ(m.rows[1].cells[4].state, CellState::kError);
  EXPECT_EQ(m.rows[1].cells[4].findings, 1);
  EXPECT_EQ(m.rows[0].cells[4].state, CellState::kPass);
  EXPECT_EQ(m.rows[3].cells[4].state, CellState::kWaived);
  EXPECT_EQ(m.rows[2].cells[4].state, CellState::kUnreadable);
  EXPECT_EQ(m.rows[1].cells[5].state, CellState::kNotRun);  // no REG rule selected
}

TEST(ReportViewsTest, FamiliesInCatalogueOrderAddUpToTheSummary) {
  CheckReport r = SmallReport();
  std::vector<FamilyCounts> families = CountByFamily(r);
  ASSERT_EQ(families.size(), 3U);
  EXPECT_EQ(families[0].family, "T1");
  EXPECT_EQ(families[1].family, "AC");
  EXPECT_EQ(families[2].family, "DOC");  // a finding of a family no selected rule has
  Summary s = r.Summarize();
  int error = 0;
  int waived = 0;
  for (const FamilyCounts& c : families) {
    error += c.counts.error;
    waived += c.counts.waived;
  }
  EXPECT_EQ(error, s.error);
  EXPECT_EQ(waived, s.waived);
  EXPECT_EQ(families[0].Total(), 3);
}

TEST(ReportViewsTest, PoolCountsInEachGroupButOnceInTheTotal) {
  PoolTally p = TallyPools(SmallReport());
  EXPECT_EQ(PoundsText(p.total), "£1,000,250.50");
  EXPECT_EQ(p.agreements, 3);
  EXPECT_EQ(p.with_pool, 2);
  EXPECT_EQ(p.in_several_groups, 1);
  std::vector<PoolGroup> groups = p.ClientGroupsBySize();
  ASSERT_EQ(groups.size(), 3U);
  EXPECT_EQ(groups[0].name, "carers");  // listed twice in a, counted once
  EXPECT_EQ(PoundsText(groups[0].pooled), "£1,000,250.50");
  EXPECT_EQ(groups[0].agreements, 2);
  EXPECT_EQ(groups[1].name, "older_people");
  EXPECT_EQ(groups[2].name, "");  // b names no client group (and states no pool): last
  EXPECT_EQ(groups[2].agreements, 1);
  EXPECT_EQ(PoundsText(groups[2].pooled), "£0");
  ASSERT_EQ(p.without_pool.size(), 1U);
  EXPECT_EQ(p.without_pool[0], "b.yaml");
  EXPECT_EQ(Humanise("older_people"), "Older people");
  EXPECT_EQ(Humanise("contributions-and-year-end"), "Contributions and year end");
}

// The JSON report is written a finding at a time, not built as a tree: it must
// come out exactly as nlohmann's dump(2) of the tree would, whatever the text
// (quotes, backslashes, control characters, UTF-8 and bytes that are not).
TEST(JsonReporterTest, WritesWhatDumpingTheWholeTreeWould) {
  // Each on its own, since one byte that needs care sends a whole string to
  // the careful path.
  const std::string quotes = R"(say "no" or /)";
  const std::string backslash = R"(C:\agreements)";
  const std::string controls = "tab\t nl\n cr\r bell\x07 esc\x1b";
  const std::string del = "del\x7f";
  const std::string utf8 = "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80";
  const std::string broken = "bad\xff and cut \xc3";
  const std::string hostile = quotes + backslash + controls + del + utf8 + broken;
  CheckReport report;
  report.tool_version = "test";
  report.as_of = *Date::Parse("2026-11-22");
  FileResult bare;
  bare.path = "unread" + hostile + ".yaml";
  FileResult full;
  full.path = "a.yaml";
  full.agreement_id = "id-" + hostile;
  full.checked = true;
  Finding plain;
  plain.rule = "T1.01";
  plain.slug = "s";
  plain.severity = Severity::kWarning;
  plain.message = "m";
  plain.range.line = 3;
  plain.range.column = 7;
  Finding waived = plain;
  waived.message = quotes;
  waived.path = "partners[0]." + controls;
  waived.references = {"MTAE para 37", backslash, del, utf8, broken, hostile};
  waived.waiver = WaiverInfo();
  waived.waiver->reason = controls;
  waived.waiver->approved_by = "Board";
  Finding dated = waived;
  dated.waiver->expires = "2027-03-31";
  full.findings = {plain, waived, dated};
  report.files = {bare, full};

  using Json = nlohmann::ordered_json;
  Json files = Json::array();
  for (const FileResult& file : report.files) {
    Json f;
    f["path"] = file.path;
    f["agreement_id"] = file.agreement_id.empty() ? Json(nullptr) : Json(file.agreement_id);
    f["checked"] = file.checked;
    f["findings"] = Json::array();
    for (const Finding& x : file.findings) {
      Json j;
      j["rule"] = x.rule;
      j["slug"] = x.slug;
      j["severity"] = SeverityName(x.severity);
      j["message"] = x.message;
      j["location"] = {{"line", x.range.line}, {"column", x.range.column}, {"path", x.path}};
      j["references"] = x.references;
      j["waived"] = x.waived();
      if (x.waiver) {
        j["waiver"] = {
            {"reason", x.waiver->reason},
            {"approved_by", x.waiver->approved_by},
            {"expires", x.waiver->expires.empty() ? Json(nullptr) : Json(x.waiver->expires)}};
      }
      f["findings"].push_back(j);
    }
    files.push_back(f);
  }
  Summary total = report.Summarize();
  Json whole = {{"tool", {{"name", "s75check"}, {"version", "test"}}},
                {"as_of", "2026-11-22"},
                {"files", files},
                {"summary",
                 {{"files", total.files},
                  {"unreadable", total.unreadable},
                  {"error", total.error},
                  {"warning", total.warning},
                  {"info", total.info},
                  {"waived", total.waived}}}};
  std::ostringstream out;
  JsonReporter().Write(report, out);
  EXPECT_EQ(out.str(), whole.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
  EXPECT_NE(out.str().find(R"("say \"no\" or /")"), std::string::npos);
  EXPECT_NE(out.str().find(R"("C:\\agreements")"), std::string::npos);
  EXPECT_NE(out.str().find(R"(bell\u0007 esc\u001b")"), std::string::npos);
  EXPECT_NE(out.str().find("caf\xc3\xa9"), std::string::npos);
}

// tests/fixtures/hostile/hostile.yaml, checked as a file with a hostile name.
CheckReport HostileReport() {
  Diagnostics diags;
  auto pack = CompileBuiltinPacks({}, diags);
  EXPECT_TRUE(pack);
  CheckOptions options;
  options.as_of = *Date::Parse("2026-11-22");
  const std::string path = "x<y>&\"'.yaml";
  CheckReport report;
  report.as_of = options.as_of;
  report.tool_version = "test";
  report.known = AllRules(*pack);
  report.rules = report.known;
  std::ifstream in(std::string(S75_SOURCE_DIR) + "/tests/fixtures/hostile/hostile.yaml");
  std::stringstream text;
  text << in.rdbuf();
  report.files.push_back(
      CheckLoaded(*pack, LoadAgreementText(text.str(), path, options.limits), path, options));
  return report;
}

TEST(HostileTextTest, HtmlShowsItAsTextAndInjectsNothing) {
  CheckReport report = HostileReport();
  ASSERT_TRUE(report.files[0].checked);
  std::ostringstream out;
  HtmlReporter().Write(report, out);
  std::string html = out.str();
  for (const char* raw : {"<script>alert", "<img", "<b ", "\"onload=", "x<y>", "'Trust'"}) {
    EXPECT_EQ(html.find(raw), std::string::npos) << raw;
  }
  for (const char* text :
       {"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &apos;Trust&apos; | Council",
        "&quot;onload=alert(2) x=&quot; endoscopy &lt;img src=x",
        "&lt;script&gt;alert(4)&lt;/script&gt;", "&lt;b onmouseover=alert(5)&gt;Board&lt;/b&gt;",
        "x&lt;y&gt;&amp;&quot;&apos;.yaml"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  std::regex script("<script", std::regex::icase);
  EXPECT_EQ(
      std::distance(std::sregex_iterator(html.begin(), html.end(), script), std::sregex_iterator()),
      1);
}

// The number of unescaped `|` in a line of Markdown.
int CellBars(const std::string& line) {
  int bars = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++bars;
    }
  }
  return bars;
}

TEST(HostileTextTest, MarkdownEscapesSyntaxAndKeepsTablesWhole) {
  CheckReport report = HostileReport();
  std::ostringstream out;
  MarkdownReporter().Write(report, out);
  std::string md = out.str();
  EXPECT_FALSE(std::regex_search(md, std::regex(R"((^|[^\\])<)")))
      << "an unescaped < (inline HTML)";
  EXPECT_NE(md.find("### \\<script\\>alert(1)\\</script\\> \\& 'Trust' \\| Council"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("waived: \\<script\\>alert(4)\\</script\\> \\| \\`code\\` \\*bold\\* "
                    "\\[link\\](javascript:x)"),
            std::string::npos)
      << md;
  std::istringstream lines(md);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| ", 0) == 0 && line.find("T1.08") != std::string::npos) {
      EXPECT_EQ(CellBars(line), 6) << line;
      ++rows;
    }
  }
  EXPECT_EQ(rows, 1);  // T1.08 on the absent capital section: one finding, waived
  EXPECT_EQ(MarkdownEscape("a|b\r\nc_d"), "a\\|b c\\_d");
}

// A saved sweep's facts come back exactly as they were written: money to the
// penny, dates, absent values absent, every list and count.
TEST(FactsJsonTest, FactsComeBackAsTheyWereWritten) {
  AgreementFacts facts;
  facts.title = "Learning disability pooled fund";
  facts.status = "in_force";
  facts.version = 2;
  facts.partners = {{"mcc", "Midshire County Council", "local_authority", "host", true},
                    {"icb", "NHS Midshire ICB", "icb", "partner", false}};
  FundFacts fund;
  fund.id = "ld";
  fund.pooled = true;
  fund.tallied_client_groups = {"learning_disability"};
  fund.pool_total = Decimal::Parse("7440000.50");
  fund.capital = Decimal::Parse("0.01");
  facts.funds = {fund, FundFacts{}};
  facts.pool_total = fund.pool_total;
  facts.commencement = Date::Parse("2024-04-01");
  facts.outturn = OutturnFacts{"2025/26", "actual", *Decimal::Parse("-12.30"), std::nullopt};
  facts.outcomes = {1, 2, 3, 4};
  nlohmann::ordered_json j = FactsJson(facts);
  EXPECT_EQ(j["funds"][0]["pool_total"], "7440000.5");  // exact, not a binary float
  EXPECT_TRUE(j["expiry"].is_null());

  AgreementFacts back;
  ASSERT_EQ(ReadFactsJson(nlohmann::ordered_json::parse(j.dump()), back), "");
  EXPECT_EQ(FactsJson(back), j);
  EXPECT_EQ(back.funds[0].pool_total, facts.funds[0].pool_total);
  EXPECT_FALSE(back.expiry);
  EXPECT_EQ(back.outcomes.no_data, 4);
  EXPECT_EQ(back.partners[1].name, "NHS Midshire ICB");
}

// A wrong value is named by its key, and never read as something else; a key
// left out is an absent value.
TEST(FactsJsonTest, AWrongValueIsNamedByItsKey) {
  AgreementFacts facts;
  auto read = [&](const char* text) {
    facts = AgreementFacts();
    return ReadFactsJson(nlohmann::ordered_json::parse(text), facts);
  };
  EXPECT_EQ(read(R"({"funds": [{}, {"pool_total": 7440000.5}]})"),
            "funds[1].pool_total: not an exact decimal string");
  EXPECT_EQ(read(R"({"expiry": "31/03/2028"})"), "expiry: not a date (YYYY-MM-DD)");
  EXPECT_EQ(read(R"({"outcomes": {"red": "2"}})"),
            "outcomes.red: not a whole number from 0 to 2147483647");
  EXPECT_EQ(read(R"({"outcomes": {"amber": 4294967298}})"),  // never cut to 2
            "outcomes.amber: not a whole number from 0 to 2147483647");
  EXPECT_EQ(read(R"({"outcomes": {"green": -1}})"),
            "outcomes.green: not a whole number from 0 to 2147483647");
  EXPECT_EQ(read(R"({"client_groups": ["carers", 3]})"), "client_groups[1]: not a string");
  EXPECT_EQ(read("[]"), "not an object");
  EXPECT_EQ(read(R"({"title": "T", "capital": null})"), "");
  EXPECT_EQ(facts.title, "T");
  EXPECT_FALSE(facts.capital);
  EXPECT_FALSE(facts.pool_total);
}

}  // namespace
}  // namespace s75

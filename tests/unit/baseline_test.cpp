// Baselines: what is recorded, how findings are matched (file, rule, path and
// message, counted; never the line), relative paths, and the file format.
#include "driver/baseline.h"

#include <gtest/gtest.h>

namespace s75 {
namespace {

namespace fs = std::filesystem;

const fs::path kRepo = "/repo";

Finding MakeFinding(const std::string& rule, int line, const std::string& path,
                    const std::string& message) {
  Finding f;
  f.rule = rule;
  f.range = {"", line, 3};
  f.path = path;
  f.message = message;
  return f;
}

FileResult File(const std::string& path, std::vector<Finding> findings, bool checked = true) {
  FileResult r;
  r.path = path;
  r.checked = checked;
  r.findings = std::move(findings);
  return r;
}

CheckReport Report(std::vector<FileResult> files, const std::string& as_of = "2026-11-22") {
  CheckReport report;
  report.as_of = *Date::Parse(as_of);
  report.files = std::move(files);
  return report;
}

std::vector<std::string> Rules(const FileResult& file) {
  std::vector<std::string> out;
  for (const Finding& f : file.findings) {
    out.push_back(f.rule + "@" + std::to_string(f.range.line));
  }
  return out;
}

TEST(BaselineTest, RecordsUnwaivedFindingsOfCheckedFilesSortedAndCounted) {
  Finding waived = MakeFinding("AC.05", 9, "term.review", "not evaluated");
  waived.waiver = WaiverInfo{"accepted", "Board", ""};
  CheckReport report = Report({
      File("/repo/b.yaml", {MakeFinding("T1.08", 5, "capital", "missing"),
                            MakeFinding("FIN.01", 7, "finance.pool_total", "off by 1"),
                            MakeFinding("FIN.01", 8, "finance.pool_total", "off by 1"), waived}),
      File("/repo/a/broken.yaml", {MakeFinding("DOC.01", 2, "", "syntax")}, false),
  });
  Baseline b = MakeBaseline(report, kRepo);
  ASSERT_EQ(b.entries.size(), 2U);
  EXPECT_EQ(b.entries[0].file, "b.yaml");
  EXPECT_EQ(b.entries[0].rule, "FIN.01");
  EXPECT_EQ(b.entries[0].path, "finance.pool_total");
  EXPECT_EQ(b.entries[0].count, 2);
  EXPECT_EQ(b.entries[1].rule, "T1.08");
  EXPECT_EQ(b.entries[1].count, 1);
}

TEST(BaselineTest, MatchesOnFileRulePathAndMessageNotLine) {
  Baseline b = MakeBaseline(Report({File("/repo/a.yaml", {MakeFinding("T1.08", 5, "capital", "m"),
                                                          MakeFinding("T1.02", 9, "scope", "m")})}),
                            kRepo);
  CheckReport later = Report({
      File("/repo/a.yaml", {MakeFinding("T1.08", 40, "capital", "m"),           // moved: absorbed
                            MakeFinding("T1.02", 9, "scope.services", "m"),     // other path
                            MakeFinding("T1.02", 9, "scope", "other message"),  // other message
                            MakeFinding("T1.07", 9, "scope", "m")}),            // other rule
      File("/repo/other/a.yaml", {MakeFinding("T1.08", 5, "capital", "m")}),    // other file
  });
  ApplyBaseline(b, kRepo, later);
  EXPECT_EQ(Rules(later.files[0]), (std::vector<std::string>{"T1.02@9", "T1.02@9", "T1.07@9"}));
  EXPECT_EQ(later.files[0].baselined, 1);
  EXPECT_EQ(Rules(later.files[1]), (std::vector<std::string>{"T1.08@5"}));
  EXPECT_TRUE(later.baseline_used);
  EXPECT_EQ(later.Summarize().baselined, 1);
}

TEST(BaselineTest, AnEntryAbsorbsAtMostItsCount) {
  auto three = [] {
    return Report({File("/repo/a.yaml", {MakeFinding("FIN.05", 3, "x", "zero"),
                                         MakeFinding("FIN.05", 4, "x", "zero"),
                                         MakeFinding("FIN.05", 5, "x", "zero")})});
  };
  Baseline b;
  b.entries.push_back({"a.yaml", "FIN.05", "x", "zero", 2});
  CheckReport report = three();
  ApplyBaseline(b, kRepo, report);
  EXPECT_EQ(Rules(report.files[0]), (std::vector<std::string>{"FIN.05@5"}));
  EXPECT_EQ(report.files[0].baselined, 2);

  report = three();
  ApplyBaseline(MakeBaseline(three(), kRepo), kRepo, report);
  EXPECT_TRUE(report.files[0].findings.empty());
}

TEST(BaselineTest, NeverHidesWaivedFindingsOrFilesThatCouldNotBeChecked) {
  Baseline b;
  b.entries.push_back({"a.yaml", "DOC.01", "", "syntax", 1});
  b.entries.push_back({"a.yaml", "AC.05", "term", "m", 1});
  Finding waived = MakeFinding("AC.05", 9, "term", "m");
  waived.waiver = WaiverInfo{"accepted", "Board", ""};
  CheckReport report =
      Report({File("/repo/a.yaml", {MakeFinding("DOC.01", 2, "", "syntax")}, false),
              File("/repo/a.yaml", {waived})});
  ApplyBaseline(b, kRepo, report);
  EXPECT_EQ(report.files[0].findings.size(), 1U);
  EXPECT_EQ(report.files[1].findings.size(), 1U);
  EXPECT_EQ(report.Summarize().baselined, 0);
}

TEST(BaselineTest, PathsAreRelativeToTheBaselineDirectoryWhateverTheirSpelling) {
  fs::path cwd = fs::current_path();
  CheckReport report = Report({File("agreements/x.yaml", {MakeFinding("T1.08", 5, "c", "m")}),
                               File("../elsewhere/y.yaml", {MakeFinding("T1.08", 5, "c", "m")})});
  Baseline b = MakeBaseline(report, cwd);
  ASSERT_EQ(b.entries.size(), 2U);
  EXPECT_EQ(b.entries[0].file, "../elsewhere/y.yaml");
  EXPECT_EQ(b.entries[1].file, "agreements/x.yaml");
  EXPECT_EQ(MakeBaseline(report, cwd / "agreements").entries[1].file, "x.yaml");

  // The same files spelt another way, or from the baseline's own directory.
  CheckReport again =
      Report({File("./agreements/../agreements/x.yaml", {MakeFinding("T1.08", 9, "c", "m")}),
              File((cwd / "../elsewhere/y.yaml").string(), {MakeFinding("T1.08", 5, "c", "m")})});
  ApplyBaseline(b, cwd, again);
  EXPECT_TRUE(again.files[0].findings.empty());
  EXPECT_TRUE(again.files[1].findings.empty());
}

TEST(BaselineTest, TheEvaluationDateInAMessageDoesNotStopAMatch) {
  auto overdue = [](const std::string& as_of) {
    return Report({File("/repo/a.yaml",
                        {MakeFinding("DATE.04", 5, "term.review.next_review",
                                     "the review due on 2025-01-01 is overdue at " + as_of)})},
                  as_of);
  };
  Baseline b = MakeBaseline(overdue("2026-11-22"), kRepo);
  ASSERT_EQ(b.entries.size(), 1U);
  EXPECT_EQ(b.entries[0].message, "the review due on 2025-01-01 is overdue at {as_of}");
  CheckReport later = overdue("2027-02-01");
  ApplyBaseline(b, kRepo, later);
  EXPECT_TRUE(later.files[0].findings.empty());
}

TEST(BaselineTest, JsonIsStableAndReadsBack) {
  Baseline b = MakeBaseline(
      Report({File("/repo/z.yaml", {MakeFinding("T1.08", 5, "capital", "missing \"x\"")}),
              File("/repo/a.yaml",
                   {MakeFinding("FIN.01", 5, "f", "£1"), MakeFinding("FIN.01", 6, "f", "£1")})}),
      kRepo);
  std::string json = BaselineJson(b);
  EXPECT_EQ(json, R"({
  "tool": "s75check",
  "version": 1,
  "findings": [
    {
      "file": "a.yaml",
      "rule": "FIN.01",
      "path": "f",
      "message": "£1",
      "count": 2
    },
    {
      "file": "z.yaml",
      "rule": "T1.08",
      "path": "capital",
      "message": "missing \"x\"",
      "count": 1
    }
  ]
}
)");
  Diagnostic error;
  std::optional<Baseline> read = ParseBaseline(json, "b.json", error);
  ASSERT_TRUE(read) << error.message;
  EXPECT_EQ(BaselineJson(*read), json);
}

TEST(BaselineTest, RepeatedEntriesAddUpAndCountIsOptional) {
  Diagnostic error;
  auto b = ParseBaseline(
      R"({"version": 1, "findings": [
        {"file": "a.yaml", "rule": "T1.08", "path": "", "message": "m"},
        {"file": "a.yaml", "rule": "T1.08", "path": "", "message": "m", "count": 2}]})",
      "b.json", error);
  ASSERT_TRUE(b) << error.message;
  ASSERT_EQ(b->entries.size(), 1U);
  EXPECT_EQ(b->entries[0].count, 3);
}

// The error ParseBaseline gives for `text`, as "line:column: message".
std::string ParseError(const std::string& text) {
  Diagnostic error;
  EXPECT_FALSE(ParseBaseline(text, "b.json", error));
  return std::to_string(error.range.line) + ":" + std::to_string(error.range.column) + ": " +
         error.message;
}

TEST(BaselineTest, MalformedJsonIsLocated) {
  std::string e = ParseError("{\n  \"version\": 1,\n  \"findings\": [\n    {\"file\": }\n  ]\n}\n");
  EXPECT_EQ(e.substr(0, 48), "4:14: not valid JSON: syntax error while parsing");
  EXPECT_EQ(ParseError("").substr(0, 22), "1:1: not valid JSON: s");
  // A number no double holds is an error at the number, not an internal error.
  EXPECT_EQ(ParseError("{\"version\": 1,\n \"findings\": [], \"x\": -2e400}"),
            "2:23: not valid JSON: the number -2e400 is too large to read");
}

TEST(BaselineTest, WrongShapesNameTheEntry) {
  EXPECT_EQ(ParseError("[]"), "0:0: a baseline is a JSON object with `version` and `findings`");
  EXPECT_EQ(ParseError(R"({"findings": []})"), "0:0: the baseline has no `version`");
  EXPECT_EQ(ParseError(R"({"version": 2, "findings": []})"),
            "0:0: baseline version 2 is not one this s75check reads (version 1)");
  EXPECT_EQ(ParseError(R"({"version": 1, "findings": {}})"),
            "0:0: the baseline's `findings` is not a list");
  const std::string head =
      R"({"version": 1, "findings": [{"file": "a", "rule": "r", "path": "", "message": "m"}, )";
  EXPECT_EQ(ParseError(head + R"({"file": "a", "rule": "r", "path": ""}]})"),
            "0:0: findings[1] has no `message` (each entry needs file, rule, path and message)");
  EXPECT_EQ(ParseError(head + R"({"file": "a", "rule": 7, "path": "", "message": "m"}]})"),
            "0:0: findings[1].rule is not a string");
  EXPECT_EQ(
      ParseError(head + R"({"file": "a", "rule": "r", "path": "", "message": "m", "count": 0}]})"),
      "0:0: findings[1].count is not a whole number from 1 to 1000000");
  EXPECT_EQ(ParseError(head + "3]}"),
            "0:0: findings[1] is not an object with file, rule, path and message");
}

}  // namespace
}  // namespace s75

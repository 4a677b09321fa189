#include <gtest/gtest.h>

#include "compile/pack.h"
#include "eval/evaluator.h"
#include "load/loader.h"

namespace s75 {
namespace {

// Compiles a one-rule pack from a check body and runs it on `yaml`.
std::vector<Finding> RunRule(const std::string& body, const std::string& yaml,
                             const char* as_of = "2026-11-22") {
  Diagnostics diags;
  auto pack = CompilePack({{"rules/t.rules",
                            "rule X.01 \"x\" {\n title \"X\"\n severity error, "
                            "warning if agreement.legal_basis == \"non_statutory\"\n"
                            " check {\n" +
                                body + "\n }\n}\n"}},
                          diags);
  EXPECT_TRUE(pack) << (diags.items().empty() ? "" : FormatDiagnostic(diags.items()[0], ""));
  if (!pack) return {};
  LoadResult doc = LoadAgreementText("format: s75check/1\n" + yaml, "a.yaml", LoadLimits{});
  std::vector<Finding> out;
  Evaluate(*pack, *doc.document, EvalOptions{*Date::Parse(as_of)}, out);
  return out;
}

TEST(EvalTest, ForEachReportsOncePerFailingElementAtThatElement) {
  auto f = RunRule(
      "for each c in funds[0].contributions where c.amount <= 0 report at c.amount \"{c.partner}\"",
      "finance:\n  contributions:\n    - {partner: a, amount: 1}\n    - {partner: b, amount: 0}\n"
      "    - {partner: c, amount: -1}\n");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].message, "b");
  EXPECT_EQ(f[0].range.line, 5);
  EXPECT_EQ(f[0].path, "finance.contributions[1].amount");
  EXPECT_EQ(f[1].path, "finance.contributions[2].amount");
}

TEST(EvalTest, MissingKeyIsLocatedAtItsParent) {
  auto f = RunRule(
      "when missing(funds[0].underspend.approach) report at funds[0].underspend.approach \"x\"",
      "finance:\n  underspend:\n    shares: {a: 1}\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].path, "finance.underspend");
  EXPECT_EQ(f[0].range.line, 4);
}

TEST(EvalTest, SumsAreExact) {
  auto f = RunRule("when sum(values(funds[0].overspend.shares)) != 1 report \"x\"",
                   "finance: {overspend: {shares: {a: 0.6, b: 0.3, c: 0.1}}}\n");
  EXPECT_TRUE(f.empty());
}

TEST(EvalTest, MoneyReadsAsPoundsInMessages) {
  auto f = RunRule("report \"{funds[0].pool_total - sum(funds[0].contributions.amount)}\"",
                   "finance: {pool_total: 17400000, contributions: [{amount: 17399999.99}]}\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "£0.01");
}

TEST(EvalTest, InvalidValuesNeverProduceFindings) {
  // pool_total is quoted (DOC.04): the rule neither calls it missing nor uses it.
  std::string yaml = "finance: {pool_total: \"5\", contributions: [{amount: 4}]}\n";
  EXPECT_TRUE(RunRule("when missing(funds[0].pool_total) report \"x\"", yaml).empty());
  EXPECT_TRUE(RunRule("when present(funds[0].pool_total) report \"x\"", yaml).empty());
  EXPECT_TRUE(
      RunRule("when funds[0].pool_total != sum(funds[0].contributions.amount) report \"x\"", yaml)
          .empty());
  EXPECT_TRUE(RunRule("when not (funds[0].pool_total == 4) report \"x\"", yaml).empty());
}

TEST(EvalTest, AbsentValuesCompareFalse) {
  EXPECT_TRUE(RunRule("when funds[0].pool_total > 0 report \"x\"", "finance: {}\n").empty());
  EXPECT_EQ(RunRule("when funds[0].pooled != true report \"x\"", "finance: {}\n").size(), 1U);
}

TEST(EvalTest, PlaceholdersAreNotDescribed) {
  for (const char* text : {"TBC", "'[to be agreed]'", "' n/a '", "...", "'?'", "Pending"}) {
    EXPECT_EQ(RunRule("when not described(term.renewal) report \"{absence(term.renewal)}\"",
                      std::string("term: {renewal: ") + text + "}\n")
                  .size(),
              1U)
        << text;
  }
  EXPECT_TRUE(RunRule("when not described(term.renewal) report \"x\"",
                      "term: {renewal: TBC - see annex 2}\n")
                  .empty());
  EXPECT_TRUE(
      RunRule("when not answered(term.renewal) report \"x\"", "term: {renewal: n/a}\n").empty());
}

TEST(EvalTest, SeverityDependsOnCondition) {
  auto f = RunRule("report \"x\"", "agreement: {id: a, title: T, legal_basis: non_statutory}\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  auto statutory = RunRule("report \"x\"", "agreement: {id: a, title: T}\n");
  ASSERT_EQ(statutory.size(), 1U);
  EXPECT_EQ(statutory[0].severity, Severity::kError);
}

TEST(EvalTest, DatesAddMonthsAndCompareWithAsOf) {
  std::string yaml = "term: {commencement: 2002-04-01, duration_months: 60}\n";
  std::string rule =
      "when term.commencement + months(term.duration_months) - 1 days < as_of report "
      "\"{term.commencement + months(term.duration_months) - 1 days}\"";
  auto f = RunRule(rule, yaml, "2007-04-01");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "2007-03-31");
  EXPECT_TRUE(RunRule(rule, yaml, "2007-03-31").empty());
}

// A date moved past year 9999 is invalid, whatever the size of the move
// (the year wrapped: 2002-04-01 + 99999999999 months was year -25795).
TEST(EvalTest, DatesMovedOutOfTheCalendarAreInvalid) {
  std::string yaml = "term: {commencement: 2002-04-01, duration_months: 99999999999}\n";
  EXPECT_TRUE(
      RunRule("when term.commencement + months(term.duration_months) < as_of report \"x\"", yaml)
          .empty());
  EXPECT_TRUE(
      RunRule("when term.commencement - months(0 - 999999999999999999) > as_of report \"x\"", yaml)
          .empty());
  auto f = RunRule(
      "when term.commencement + months(95000) > as_of report \"{term.commencement + "
      "months(95000)}\"",
      yaml);
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "9918-12-01");
}

TEST(EvalTest, QuantifiersAggregatesAndText) {
  std::string yaml =
      "partners:\n  - {id: a, name: A, kind: icb}\n  - {id: b, name: B, kind: local_authority}\n"
      "scope: {nhs_functions: [Community Surgery services]}\n";
  EXPECT_EQ(RunRule("when any(p in partners where p.kind == \"icb\") and all(p in partners where "
                    "present(p.id))"
                    " and none(p in partners where p.kind == \"pct\") report \"x\"",
                    yaml)
                .size(),
            1U);
  EXPECT_EQ(
      RunRule("for each f in scope.nhs_functions where contains_word(f, \"surgery\") report \"x\"",
              yaml)
          .size(),
      1U);
  EXPECT_TRUE(
      RunRule("for each f in scope.nhs_functions where contains_word(f, \"surg\") report \"x\"",
              yaml)
          .empty());
  auto f = RunRule(
      "report \"{count(partners)} {max(partners.id)} {join(distinct(partners.kind))}\"", yaml);
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "2 b icb, local_authority");
}

TEST(EvalTest, DuplicatesAndPartnerLookup) {
  std::string yaml =
      "partners:\n  - {id: a, name: A, kind: icb}\n  - {id: a, name: B, kind: local_authority}\n"
      "host: {partner: a}\n";
  auto duplicates = RunRule("for each d in duplicates(partners.id) report \"{d}\"", yaml);
  ASSERT_EQ(duplicates.size(), 1U);
  EXPECT_EQ(duplicates[0].range.line, 4);
  auto host = RunRule("report \"{partner(funds[0].host).name}\"", yaml);
  ASSERT_EQ(host.size(), 1U);
  EXPECT_EQ(host[0].message, "A");
}

// Loop invariants (compile/invariants.h) are computed once per document; an
// expression that reads a loop's variable must still be computed each time.
TEST(EvalTest, LoopInvariantsKeepTheirValueAndVariantsDoNot) {
  auto f = RunRule(
      "for each p in partners where p.id in partners.id {\n"
      "  for each q in partners where count((o in outcomes where o.lead == p.id)) > "
      "count((o in outcomes where o.lead == q.id))\n"
      "    report \"{p.id} leads more outcomes than {q.id} of {join(partners.id)}\"\n"
      "}",
      "partners: [{id: a}, {id: b}, {id: c}]\n"
      "outcomes: [{lead: a}, {lead: a}, {lead: b}]\n");
  std::vector<std::string> messages;
  for (const Finding& x : f) {
    messages.push_back(x.message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"a leads more outcomes than b of a, b, c",
                                                "a leads more outcomes than c of a, b, c",
                                                "b leads more outcomes than c of a, b, c"}));
}

// Nothing computed for one document is reused for the next.
TEST(EvalTest, InvariantsAreNotCarriedFromOneDocumentToTheNext) {
  Diagnostics diags;
  auto pack =
      CompilePack({{"rules/t.rules",
                    "rule X.01 \"x\" {\n title \"X\"\n severity error\n check {\n"
                    "  for each p in partners where p.id != \"z\" report \"{join(partners.id)}\"\n"
                    " }\n}\n"}},
                  diags);
  ASSERT_TRUE(pack);
  std::vector<std::string> messages;
  for (const char* ids : {"[{id: a}, {id: b}]", "[{id: x}]"}) {
    LoadResult doc =
        LoadAgreementText(std::string("format: s75check/1\npartners: ") + ids + "\n", "a.yaml", {});
    std::vector<Finding> out;
    Evaluate(*pack, *doc.document, EvalOptions{*Date::Parse("2026-11-22")}, out);
    for (const Finding& f : out) {
      messages.push_back(f.message);
    }
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"a, b", "a, b", "x"}));
}

}  // namespace
}  // namespace s75

// The model the rules read (load/model.h): format 1 read into one fund made
// of the file's own nodes; format 2's keys checked by version.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/loader.h"

namespace s75 {
namespace {

LoadResult Load(const std::string& text) { return LoadAgreementText(text, "t.yaml", LoadLimits{}); }

std::vector<std::string> Messages(const LoadResult& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.rule == rule) {
      out.push_back(std::to_string(f.range.line) + ":" + std::to_string(f.range.column) + " " +
                    f.message);
    }
  }
  return out;
}

size_t Count(const LoadResult& r, const std::string& rule, const std::string& words) {
  size_t n = 0;
  for (const std::string& m : Messages(r, rule)) {
    n += m.find(words) != std::string::npos ? 1 : 0;
  }
  return n;
}

const Node* OnlyFund(const LoadResult& r) {
  const Node* funds = FieldOf(r.document->root, "funds");
  return funds != nullptr && funds->items.size() == 1 ? funds->items[0] : nullptr;
}

TEST(ModelTest, AFormat1FileIsOneFundMadeOfItsOwnNodes) {
  LoadResult r = Load(
      "format: s75check/1\n"
      "agreement: {id: a, title: A, arrangements: [lead_commissioning, pooled_fund]}\n"
      "host: {partner: hc, support: Staff}\n"
      "management: {monitoring: {joint: true}}\n"
      "finance:\n"
      "  pool_total: 100\n"
      "  contributions: [{partner: hc, amount: 100}]\n");
  ASSERT_TRUE(r.checked);
  EXPECT_EQ(r.document->version, 1);
  const Node* fund = OnlyFund(r);
  ASSERT_NE(fund, nullptr);
  const Node* host = FieldOf(fund, "host");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->text, "hc");
  EXPECT_EQ(NodePath(host), "host.partner");
  EXPECT_EQ(host->line, 3);
  EXPECT_EQ(NodePath(FieldOf(fund, "pool_total")), "finance.pool_total");
  EXPECT_EQ(FieldOf(fund, "arrangement")->text, "pooled_fund");
  // A missing field points at the format 1 section it would be written in.
  size_t manager = static_cast<size_t>(fund->spec->FieldIndex("manager"));
  EXPECT_EQ(NodePath(fund->HomeOf(manager)), "management");
  EXPECT_TRUE(Messages(r, "DOC.03").empty());
}

TEST(ModelTest, Format2LeavesArrangementsToTheFundsOrChecksThem) {
  std::string head =
      "format: s75check/2\n"
      "funds:\n"
      "  - {id: a, arrangement: pooled_fund}\n"
      "  - {id: b, arrangement: integrated_provision}\n";
  LoadResult derived = Load(head + "agreement: {id: x, title: X}\n");
  ASSERT_TRUE(derived.checked);
  const Node* list = FieldOf(FieldOf(derived.document->root, "agreement"), "arrangements");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_EQ(list->items[1]->text, "integrated_provision");
  EXPECT_TRUE(Messages(Load(head + "agreement: {id: x, title: X, arrangements: "
                                   "[integrated_provision, care_trust, pooled_fund]}\n"),
                       "DOC.04")
                  .empty());
  EXPECT_EQ(Messages(Load(head + "agreement: {id: x, title: X, arrangements: [pooled_fund]}\n"),
                     "DOC.04"),
            (std::vector<std::string>{
                "5:44 `agreement.arrangements` lists pooled_fund but the funds' arrangements are "
                "integrated_provision, pooled_fund: list exactly the funds' arrangements, or leave "
                "`agreement.arrangements` out"}));
}

TEST(ModelTest, AKeyOfTheOtherVersionSaysWhereItBelongs) {
  EXPECT_EQ(Messages(Load("format: s75check/2\nhost: {partner: a}\nfunds: [{id: f, arrangement: "
                          "pooled_fund}]\n"),
                     "DOC.03"),
            (std::vector<std::string>{"2:1 `host` is a format 1 key: format 2 keeps it in each "
                                      "fund, as `funds[].host and funds[].host_support`"}));
  EXPECT_EQ(Messages(Load("format: s75check/1\nfunds: []\n"), "DOC.03"),
            (std::vector<std::string>{"2:1 `funds` is a key of format 2, and this file is "
                                      "`format: s75check/1`: move the agreement to format 2 "
                                      "(`s75check migrate FILE`) to use it"}));
  EXPECT_EQ(Messages(Load("format: s75check/1\nfinance: {outturns: []}\n"), "DOC.03").size(), 0U);
}

TEST(ModelTest, Format2KeysAreValidatedLikeTheOthers) {
  LoadResult r = Load(
      "format: s75check/2\n"
      "partners:\n"
      "  - {id: p, name: P, kind: pct, succeeded_by: [{name: Q, kind: ccg, from: 2013-02-30}]}\n"
      "funds:\n"
      "  - {name: No id, arrangement: pooled_fnd}\n");
  EXPECT_EQ(Messages(r, "DOC.04").size(), 2U);  // the date and the arrangement
  EXPECT_EQ(Count(r, "DOC.05", "`funds[0].id`"), 1U);
  EXPECT_EQ(Count(Load("format: s75check/2\nfunds: []\n"), "DOC.05", "`funds` needs at least"), 1U);
  EXPECT_EQ(Count(Load("format: s75check/2\nagreement: {id: x, title: X}\n"), "DOC.05",
                  "missing required key `funds`"),
            1U);
}

}  // namespace
}  // namespace s75

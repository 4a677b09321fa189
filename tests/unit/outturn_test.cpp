// The outturn (shared/spec/outturn.md): the penny arithmetic, every approach
// in both formats, how a recorded outturn is chosen, the risk fund shared
// across funds, --scenarios, and each case that cannot be allocated, with
// the rule and place it names.
#include "outturn/outturn.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/outturn_command.h"
#include "load/loader.h"
#include "outturn/apportion.h"

namespace s75 {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

std::vector<std::string> Texts(const std::vector<Decimal>& parts) {
  std::vector<std::string> out;
  out.reserve(parts.size());
  for (const Decimal& d : parts) {
    out.push_back(d.ToString(2));
  }
  return out;
}

using Strings = std::vector<std::string>;

// --- The arithmetic -------------------------------------------------------------

TEST(ApportionTest, PartsAreWholePenniesAddingUpExactly) {
  EXPECT_EQ(Texts(*Apportion(D("460000"), {D("13300000"), D("4100000")})),
            (Strings{"351609.20", "108390.80"}));
  // 100p in thirds: 33.33p and 66.67p round down to 33p and 66p; the penny left
  // over goes to the larger remainder.
  EXPECT_EQ(Texts(*Apportion(D("1"), {D("1"), D("2")})), (Strings{"0.33", "0.67"}));
  EXPECT_EQ(Texts(*Apportion(D("100"), {D("1"), D("1"), D("1")})),
            (Strings{"33.34", "33.33", "33.33"}));
}

TEST(ApportionTest, TiesGoToTheEarlierPart) {
  EXPECT_EQ(Texts(*Apportion(D("0.01"), {D("1"), D("1")})), (Strings{"0.01", "0.00"}));
  EXPECT_EQ(Texts(*Apportion(D("0.02"), {D("5"), D("5"), D("5")})),
            (Strings{"0.01", "0.01", "0.00"}));
  // Not the earlier by size: equal remainders after a larger part.
  EXPECT_EQ(Texts(*Apportion(D("0.05"), {D("2"), D("1"), D("1")})),
            (Strings{"0.03", "0.01", "0.01"}));
}

TEST(ApportionTest, ZeroWeightsGetNothingAndBadInputIsRefused) {
  EXPECT_EQ(Texts(*Apportion(D("10"), {D("0"), D("3")})), (Strings{"0.00", "10.00"}));
  EXPECT_FALSE(Apportion(D("10"), {D("0"), D("0")}));
  EXPECT_FALSE(Apportion(D("10"), {D("-1"), D("2")}));
  EXPECT_FALSE(Apportion(D("0.005"), {D("1")}));  // not whole pennies
  EXPECT_FALSE(Apportion(D("-1"), {D("1")}));
}

TEST(ApportionTest, HugeAmountsStayExact) {
  // 10^17 pounds by weights of 10^17: the products pass 128 bits.
  std::vector<Decimal> parts =
      *Apportion(D("100000000000000000"), {D("33333333333333333"), D("66666666666666667")});
  EXPECT_EQ(Texts(parts), (Strings{"33333333333333333.00", "66666666666666667.00"}));
  std::vector<Decimal> thirds = *Apportion(D("99999999999999999.99"), {D("1"), D("1"), D("1")});
  EXPECT_EQ(Texts(thirds),
            (Strings{"33333333333333333.33", "33333333333333333.33", "33333333333333333.33"}));
}

TEST(ApportionTest, PercentagesAndPenniesRoundHalfUp) {
  EXPECT_EQ(Percentage(D("13300000"), D("17400000"), 2).ToString(2), "76.44");
  EXPECT_EQ(Percentage(D("4100000"), D("17400000"), 2).ToString(2), "23.56");
  EXPECT_EQ(Percentage(D("1"), D("8"), 0).ToString(), "13");  // 12.5 up
  EXPECT_EQ(Percentage(D("1"), D("0"), 2).ToString(), "0");
  EXPECT_EQ(RoundToPenny(D("682165.005")).ToString(2), "682165.01");
  EXPECT_EQ(RoundToPenny(D("0.0049")).ToString(2), "0.00");
  EXPECT_EQ(RoundToPenny(D("-0.005")).ToString(2), "-0.01");
}

// --- Agreements -----------------------------------------------------------------

constexpr const char* kPartners = R"(format: s75check/1
agreement: {id: t, title: T, arrangements: [pooled_fund]}
partners:
  - {id: pct, name: Northdale PCT, kind: pct}
  - {id: la, name: Northdale Council, kind: local_authority}
host: {partner: pct, support: Finance staff}
)";

// A format 1 agreement: the partners above and `finance`.
std::string Format1(const std::string& finance) { return std::string(kPartners) + finance; }

OutturnOptions Options() {
  OutturnOptions o;
  o.as_of = *Date::Parse("2026-12-01");
  return o;
}

OutturnOptions Spend(const char* amount) {
  OutturnOptions o = Options();
  o.spend = D(amount);
  return o;
}

AgreementOutturn Outturn(const std::string& yaml, const OutturnOptions& options = Options()) {
  LoadResult loaded = LoadAgreementText(yaml, "a.yaml", LoadLimits{});
  EXPECT_TRUE(loaded.checked);
  return ComputeOutturn(*loaded.document, options);
}

// The one outturn of a one-fund agreement, allocated.
Allocation Allocated(const AgreementOutturn& a) {
  EXPECT_EQ(a.usage_error, "");
  EXPECT_EQ(a.funds.size(), 1U);
  if (a.funds.empty() || !a.funds[0].allocation) {
    ADD_FAILURE() << (a.funds.empty() || !a.funds[0].cannot ? "no outturn"
                                                            : a.funds[0].cannot->message);
    return {};
  }
  return *a.funds[0].allocation;
}

// What each partner pays or receives, in `partners` order.
Strings Totals(const Allocation& a) {
  Strings out;
  for (const PartnerPart& p : a.parts) {
    out.push_back(p.partner.id + " " + p.total.ToString(2));
  }
  return out;
}

// The fault of the one outturn: "RULE line:column path".
std::string Fault(const AgreementOutturn& a) {
  if (a.funds.size() != 1 || !a.funds[0].cannot) {
    ADD_FAILURE() << "allocated, or not one outturn";
    return "";
  }
  const CannotAllocate& c = *a.funds[0].cannot;
  EXPECT_EQ(c.where.file, "a.yaml");
  return c.rule + " " + std::to_string(c.where.line) + ":" + std::to_string(c.where.column) + " " +
         c.path;
}

constexpr const char* kProportional = R"(finance:
  pool_total: 1000
  contributions:
    - {partner: pct, amount: 750}
    - {partner: la, amount: 250}
  overspend: {approach: proportional}
  underspend: {approach: carry_forward}
)";

std::string TheWorkedExample() {
  std::ifstream in(std::filesystem::path(S75_SOURCE_DIR) / "tests/fixtures/outturn/hfd-mh.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(OutturnTest, TheWorkedExample) {
  AgreementOutturn a = Outturn(TheWorkedExample());
  ASSERT_EQ(a.funds.size(), 1U);
  const FundOutturn& f = a.funds[0];
  EXPECT_EQ(f.year->ToString(), "2005/06");
  EXPECT_EQ(f.kind, "forecast");
  EXPECT_EQ(f.spend.ToString(2), "18140000.00");
  EXPECT_EQ(f.budget.ToString(2), "17400000.00");
  Allocation al = Allocated(a);
  EXPECT_EQ(al.approach, "host_first_then_proportional");
  EXPECT_EQ(al.amount.ToString(2), "740000.00");
  EXPECT_EQ(Totals(al), (Strings{"hpct 631609.20", "hc 108390.80"}));
  ASSERT_EQ(al.parts.size(), 2U);
  EXPECT_EQ(al.parts[0].first.ToString(2), "280000.00");
  EXPECT_EQ(al.parts[0].shared.ToString(2), "351609.20");
  EXPECT_EQ(al.parts[1].first.ToString(2), "0.00");
  EXPECT_EQ(al.parts[1].shared.ToString(2), "108390.80");
  EXPECT_EQ(al.parts[0].percent.ToString(2), "76.44");
  EXPECT_EQ(al.shared.ToString(2), "460000.00");
}

TEST(OutturnTest, HostBearsAll) {
  std::string yaml = Format1(R"(finance:
  pool_total: 1000
  overspend: {approach: host}
)");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, Spend("1234.56")))), (Strings{"pct 234.56", "la 0.00"}));
}

TEST(OutturnTest, ProportionalOverspendAndReturnedUnderspend) {
  EXPECT_EQ(Totals(Allocated(Outturn(Format1(kProportional), Spend("1100.01")))),
            (Strings{"pct 75.01", "la 25.00"}));
  std::string returned = Format1(kProportional);
  returned.replace(returned.find("carry_forward"), 13, "return");
  Allocation a = Allocated(Outturn(returned, Spend("900")));
  EXPECT_EQ(a.balance, Balance::kUnderspend);
  EXPECT_EQ(Totals(a), (Strings{"pct 75.00", "la 25.00"}));
}

TEST(OutturnTest, FixedShares) {
  std::string yaml = Format1(R"(finance:
  pool_total: 1000
  overspend: {approach: fixed_shares, shares: {la: 0.6, pct: 0.4}}
)");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, Spend("1000.05")))), (Strings{"pct 0.02", "la 0.03"}));
}

TEST(OutturnTest, HostFirstBelowTheAmountIsAllTheHosts) {
  AgreementOutturn a = Outturn(TheWorkedExample(), Spend("17500000"));
  Allocation al = Allocated(a);
  EXPECT_EQ(Totals(al), (Strings{"hpct 100000.00", "hc 0.00"}));
  EXPECT_EQ(al.parts[0].first.ToString(2), "100000.00");
}

TEST(OutturnTest, RoundingTiesGoToThePartnerListedFirst) {
  // The contributions are listed council first; the partners list the PCT first.
  std::string yaml = Format1(R"(finance:
  pool_total: 200
  contributions:
    - {partner: la, amount: 100}
    - {partner: pct, amount: 100}
  overspend: {approach: proportional}
)");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, Spend("200.01")))), (Strings{"pct 0.01", "la 0.00"}));
}

TEST(OutturnTest, ZeroVarianceNeedsNoApproach) {
  std::string yaml = Format1("finance:\n  pool_total: 1000\n");
  Allocation a = Allocated(Outturn(yaml, Spend("1000.00")));
  EXPECT_EQ(a.balance, Balance::kOnBudget);
  EXPECT_TRUE(a.parts.empty());
  EXPECT_EQ(a.approach, "");
}

TEST(OutturnTest, UnderspendCarriedForwardPaysNothingOut) {
  Allocation a = Allocated(Outturn(Format1(kProportional), Spend("960.50")));
  EXPECT_EQ(a.approach, "carry_forward");
  EXPECT_EQ(a.balance, Balance::kUnderspend);
  EXPECT_EQ(a.amount.ToString(2), "39.50");
  EXPECT_TRUE(a.parts.empty());
}

TEST(OutturnTest, EachPartnerOwnAllocatesNothing) {
  std::string yaml = Format1(R"(finance:
  pool_total: 1000
  overspend: {approach: each_partner_own}
)");
  Allocation a = Allocated(Outturn(yaml, Spend("1500")));
  EXPECT_EQ(a.approach, "each_partner_own");
  EXPECT_EQ(a.amount.ToString(2), "500.00");
  EXPECT_TRUE(a.parts.empty());
}

// Format 2: two pools drawing on one risk fund of 500,000 shared 50/50.
constexpr const char* kRiskFund = R"(format: s75check/2
agreement: {id: r, title: R}
partners:
  - {id: la, name: Council, kind: local_authority}
  - {id: ccg, name: CCG, kind: ccg}
funds:
  - id: first
    arrangement: pooled_fund
    host: ccg
    pool_total: 1000000
    contributions: [{partner: ccg, amount: 1000000}]
    overspend: {approach: risk_fund}
    outturns: [{year: 2015/16, spend: 1600000}, {year: 2016/17, spend: 1000000}]
  - id: second
    arrangement: pooled_fund
    host: la
    pool_total: 2000000
    contributions: [{partner: la, amount: 2000000}]
    overspend: {approach: risk_fund}
    outturns: [{year: 2015/16, spend: 2200000}, {year: 2016/17, spend: 2200000}]
risk_fund: {amount: 500000, shares: {ccg: 0.5, la: 0.5}}
)";

OutturnOptions Year(const char* year) {
  OutturnOptions o = Options();
  o.year = FinancialYear::Parse(year);
  return o;
}

TEST(OutturnTest, RiskFundMetFirstThenShares) {
  AgreementOutturn a = Outturn(kRiskFund, Year("2015/16"));
  ASSERT_EQ(a.funds.size(), 2U);
  const Allocation& first = *a.funds[0].allocation;
  EXPECT_EQ(first.approach, "risk_fund");
  EXPECT_EQ(first.risk_left.ToString(2), "500000.00");
  EXPECT_EQ(first.from_risk_fund.ToString(2), "500000.00");
  EXPECT_EQ(Totals(first), (Strings{"la 50000.00", "ccg 50000.00"}));
}

TEST(OutturnTest, RiskFundExhaustedByTheFirstFund) {
  OutturnOptions year = Year("2015/16");
  AgreementOutturn a = Outturn(kRiskFund, year);
  ASSERT_EQ(a.funds.size(), 2U);
  const Allocation& second = *a.funds[1].allocation;
  EXPECT_EQ(second.risk_left.ToString(2), "0.00");
  EXPECT_EQ(second.from_risk_fund.ToString(2), "0.00");
  EXPECT_EQ(Totals(second), (Strings{"la 100000.00", "ccg 100000.00"}));
  // Asked for alone, the second fund still knows what the first drew.
  year.fund = "second";
  AgreementOutturn alone = Outturn(kRiskFund, year);
  ASSERT_EQ(alone.funds.size(), 1U);
  EXPECT_EQ(alone.funds[0].allocation->from_risk_fund.ToString(2), "0.00");
  // In 2016/17 (the latest year, chosen by default) the first fund is on
  // budget and draws nothing, so the second has the whole amount.
  AgreementOutturn later = Outturn(kRiskFund);
  EXPECT_EQ(later.funds[0].allocation->balance, Balance::kOnBudget);
  EXPECT_EQ(later.funds[1].allocation->risk_left.ToString(2), "500000.00");
  EXPECT_EQ(later.funds[1].allocation->from_risk_fund.ToString(2), "200000.00");
  EXPECT_EQ(Totals(*later.funds[1].allocation), (Strings{"la 0.00", "ccg 0.00"}));
}

TEST(OutturnTest, RiskFundWithoutAnAmountIsAllShares) {
  std::string yaml = kRiskFund;
  yaml.replace(yaml.find("amount: 500000, "), 16, "");
  AgreementOutturn a = Outturn(yaml, Year("2015/16"));
  EXPECT_FALSE(a.funds[0].allocation->has_risk_amount);
  EXPECT_EQ(Totals(*a.funds[0].allocation), (Strings{"la 300000.00", "ccg 300000.00"}));
}

TEST(OutturnTest, TheRecordedOutturnChosen) {
  std::string yaml = Format1(std::string(kProportional) + R"(  outturns:
    - {year: 2005/06, spend: 1100, kind: forecast, reported_on: 2005-09-30}
    - {year: 2005/06, spend: 1200, kind: forecast, reported_on: 2005-12-31}
    - {year: 2005/06, spend: 1300, kind: forecast, reported_on: 2005-06-30}
    - {year: 2004/05, spend: 1400}
    - {year: 2004/05, spend: 1500, kind: forecast, reported_on: 2005-03-31}
)");
  AgreementOutturn latest = Outturn(yaml);
  ASSERT_EQ(latest.funds.size(), 1U);
  EXPECT_EQ(latest.funds[0].spend.ToString(2), "1200.00");  // latest year, latest forecast
  OutturnOptions earlier = Year("2004/05");
  EXPECT_EQ(Outturn(yaml, earlier).funds[0].spend.ToString(2), "1400.00");  // actual wins
  earlier.as_of = *Date::Parse("2005-10-01");  // the December forecast is not yet known
  earlier.year.reset();
  EXPECT_EQ(Outturn(yaml, earlier).funds[0].spend.ToString(2), "1100.00");
  earlier.year = FinancialYear::Parse("2003/04");  // none for that year: no fallback
  AgreementOutturn none = Outturn(yaml, earlier);
  EXPECT_TRUE(none.funds.empty());
  EXPECT_EQ(none.without_outturn, (Strings{""}));
}

TEST(OutturnTest, FundsAndSpendOptions) {
  OutturnOptions o = Spend("1");
  EXPECT_EQ(Outturn(kRiskFund, o).usage_error,
            "--spend is the spend of one fund, and the agreement has 2 (first, second): say "
            "which with --fund");
  o.fund = "third";
  EXPECT_EQ(Outturn(kRiskFund, o).usage_error,
            "no fund 'third' (--fund): its funds are first, second");
  o.fund = "main";
  EXPECT_EQ(Outturn(Format1(kProportional), o).usage_error, "");
}

TEST(OutturnTest, AFundWithYearsHasABudgetPerYear) {
  std::string yaml = R"(format: s75check/2
agreement: {id: y, title: Y}
partners:
  - {id: la, name: Council, kind: local_authority}
  - {id: ccg, name: CCG, kind: ccg}
funds:
  - id: bcf
    arrangement: pooled_fund
    host: la
    years: [2017/18, 2018/19]
    contributions:
      - {partner: ccg, amount: 300, year: 2017/18}
      - {partner: la, amount: 100, year: 2017/18}
      - {partner: ccg, amount: 100, year: 2018/19}
      - {partner: la, amount: 100, year: 2018/19}
    overspend: {approach: proportional}
)";
  OutturnOptions o = Spend("500");
  EXPECT_EQ(Outturn(yaml, o).usage_error,
            "fund 'bcf' has figures for several years: say which with --year");
  o.year = FinancialYear::Parse("2017/18");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, o))), (Strings{"la 25.00", "ccg 75.00"}));
  o.year = FinancialYear::Parse("2018/19");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, o))), (Strings{"la 150.00", "ccg 150.00"}));
  o.year = FinancialYear::Parse("2019/20");
  EXPECT_EQ(Fault(Outturn(yaml, o)), "T1.07 10:12 funds[0].years");
}

TEST(OutturnTest, ScenariosOfTheWorkedExample) {
  OutturnOptions o = Options();
  o.scenarios = true;
  AgreementOutturn a = Outturn(TheWorkedExample(), o);
  ASSERT_EQ(a.scenarios.size(), 1U);
  Strings rows;
  for (const Scenario& s : a.scenarios[0].rows) {
    rows.push_back(s.label + " " + s.allocation.amount.ToString(2) + ": " +
                   Totals(s.allocation)[0] + ", " + Totals(s.allocation)[1]);
  }
  EXPECT_EQ(rows, (Strings{"1% 174000.00: hpct 174000.00, hc 0.00",
                           "2.5% 435000.00: hpct 398477.01, hc 36522.99",
                           "5% 870000.00: hpct 730977.01, hc 139022.99",
                           "10% 1740000.00: hpct 1395977.01, hc 344022.99",
                           "host_first_amount 280000.00: hpct 280000.00, hc 0.00",
                           "twice host_first_amount 560000.00: hpct 494022.99, hc 65977.01"}));
}

TEST(OutturnTest, ScenariosGiveEachTheWholeRiskFund) {
  OutturnOptions o = Options();
  o.scenarios = true;
  AgreementOutturn a = Outturn(kRiskFund, o);
  ASSERT_EQ(a.scenarios.size(), 2U);
  const Scenario& ten = a.scenarios[1].rows[3];  // 10% of 2,000,000
  EXPECT_EQ(ten.allocation.from_risk_fund.ToString(2), "200000.00");
  EXPECT_EQ(a.scenarios[1].rows.size(), 4U);  // no host_first_amount rows
}

// What `s75check outturn` makes of `yaml` (written to a file of its own) with
// --spend `spend` and --year `year` ("" for none): its exit status and output.
int Command(const std::string& yaml, const std::string& spend, const std::string& year,
            std::string& out) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("s75-outturn-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.yaml") << yaml;
  OutturnCommand cmd;
  cmd.paths = {(dir / "a.yaml").string()};
  cmd.spend = spend;
  cmd.year = year;
  cmd.as_of = *Date::Parse("2026-12-01");
  std::ostringstream o;
  std::ostringstream e;
  int status = RunOutturnCommand(cmd, o, e);
  out = o.str();
  std::filesystem::remove_all(dir);
  return status;
}

// The fault that stops the one outturn of `yaml`, "RULE line:column path";
// and the command on it: exit status 2, one line giving the rule and the
// place, and no partner's part (no partial table).
std::string Cannot(const std::string& yaml, const std::string& spend = "",
                   const std::string& year = "") {
  OutturnOptions o = Options();
  if (!spend.empty()) {
    o.spend = D(spend.c_str());
  }
  o.year = year.empty() ? std::nullopt : FinancialYear::Parse(year);
  std::string fault = Fault(Outturn(yaml, o));
  std::string out;
  EXPECT_EQ(Command(yaml, spend, year, out), 2) << out;
  std::string rule = fault.substr(0, fault.find(' '));
  std::string place =
      fault.substr(rule.size() + 1, fault.find(' ', rule.size() + 1) - rule.size() - 1);
  EXPECT_NE(out.find("a.yaml:" + place + ": cannot allocate "), std::string::npos) << out;
  EXPECT_NE(out.find(" [" + rule + "]\n"), std::string::npos) << out;
  EXPECT_EQ(out.find(" pays "), std::string::npos) << out;
  return fault;
}

TEST(OutturnTest, ScenariosOfAFundWithNoMoneyInCommon) {
  std::string yaml = R"(format: s75check/2
agreement: {id: d, title: D}
partners:
  - {id: la, name: Council, kind: local_authority}
  - {id: ft, name: Trust, kind: nhs_foundation_trust}
funds:
  - {id: delegation, arrangement: integrated_provision, pooled: false, host: ft}
  - {id: pool, arrangement: pooled_fund, host: la}
)";
  OutturnOptions o = Options();
  o.scenarios = true;
  AgreementOutturn a = Outturn(yaml, o);
  ASSERT_EQ(a.scenarios.size(), 2U);
  EXPECT_TRUE(a.scenarios[0].no_money);
  EXPECT_FALSE(a.scenarios[0].cannot);
  // A pooled fund with no budget is the agreement's fault, not "no money".
  EXPECT_FALSE(a.scenarios[1].no_money);
  ASSERT_TRUE(a.scenarios[1].cannot);
  EXPECT_EQ(a.scenarios[1].cannot->rule, "T1.07");
}

// --- Cannot allocate --------------------------------------------------------------

TEST(CannotAllocateTest, RecordedEntriesThatCannotBeUsed) {
  std::string yaml = Format1(std::string(kProportional) + R"(  outturns:
    - {year: 2005/06, kind: forecast}
    - {year: 2004/05, spend: 1100}
)");
  // An entry without a spend records none: the latest year with one is used.
  EXPECT_EQ(Outturn(yaml).funds[0].spend.ToString(2), "1100.00");
  std::string negative =
      Format1(std::string(kProportional) + "  outturns: [{year: 2005/06, spend: -5}]\n");
  EXPECT_EQ(Cannot(negative), "DOC.04 14:37 finance.outturns[0].spend");
  std::string commas =
      Format1(std::string(kProportional) + "  outturns: [{year: 2005/06, spend: '1,100'}]\n");
  EXPECT_EQ(Cannot(commas), "DOC.04 14:37 finance.outturns[0].spend");
}

TEST(CannotAllocateTest, NoApproachForTheVarianceAtHand) {
  std::string yaml = Format1("finance:\n  pool_total: 1000\n  underspend: {approach: return}\n");
  EXPECT_EQ(Cannot(yaml, "1001"), "T1.07 8:3 finance");  // overspend: none
  std::string no_finance = std::string(kPartners);
  EXPECT_EQ(Cannot(no_finance, "1"), "T1.07 1:1 ");  // not even a budget
}

TEST(CannotAllocateTest, PlaceholderApproach) {
  std::string yaml = Format1("finance:\n  pool_total: 1000\n  overspend: {approach: TBC}\n");
  AgreementOutturn a = Outturn(yaml, Spend("1001"));
  EXPECT_EQ(Fault(a), "T1.07 9:25 finance.overspend.approach");
  EXPECT_NE(a.funds[0].cannot->message.find("is a placeholder ('TBC')"), std::string::npos);
}

TEST(CannotAllocateTest, SharesMissingNotSummingToOneOrNamingANonPartner) {
  std::string missing =
      Format1("finance:\n  pool_total: 1000\n  overspend: {approach: fixed_shares}\n");
  EXPECT_EQ(Cannot(missing, "1001"), "FIN.03 9:14 finance.overspend");
  std::string short_of_one = Format1(
      "finance:\n  pool_total: 1000\n  overspend: {approach: fixed_shares, shares: {pct: 0.5, la: "
      "0.45}}\n");
  EXPECT_EQ(Cannot(short_of_one, "1001"), "FIN.03 9:47 finance.overspend.shares");
  std::string stranger = Format1(
      "finance:\n  pool_total: 1000\n  overspend: {approach: fixed_shares, shares: {pct: 0.5, x: "
      "0.5}}\n");
  EXPECT_EQ(Cannot(stranger, "1001"), "FIN.03 9:61 finance.overspend.shares.x");
}

TEST(CannotAllocateTest, HostFirstAmountMissingOrNegative) {
  std::string missing = Format1(
      "finance:\n  pool_total: 1000\n  contributions: [{partner: pct, amount: 1000}]\n  "
      "overspend: {approach: host_first_then_proportional}\n");
  EXPECT_EQ(Cannot(missing, "1001"), "FIN.04 10:14 finance.overspend");
  std::string negative = Format1(
      "finance:\n  pool_total: 1000\n  contributions: [{partner: pct, amount: 1000}]\n  "
      "overspend: {approach: host_first_then_proportional, host_first_amount: -1}\n");
  EXPECT_EQ(Cannot(negative, "1001"), "FIN.04 10:74 finance.overspend.host_first_amount");
}

TEST(CannotAllocateTest, ContributionFromANonPartner) {
  std::string yaml = Format1(R"(finance:
  pool_total: 1000
  contributions:
    - {partner: pct, amount: 750}
    - {partner: trust, amount: 250}
  overspend: {approach: proportional}
)");
  EXPECT_EQ(Cannot(yaml, "1001"), "FIN.02 11:17 finance.contributions[1].partner");
  // The host approach does not read the contributions: it allocates.
  yaml.replace(yaml.find("proportional"), 12, "host");
  EXPECT_EQ(Totals(Allocated(Outturn(yaml, Spend("1001")))), (Strings{"pct 1.00", "la 0.00"}));
}

TEST(CannotAllocateTest, HostUnknown) {
  std::string yaml =
      std::string(kPartners) + "finance:\n  pool_total: 1000\n  overspend: {approach: host}\n";
  yaml.replace(yaml.find("partner: pct, support"), 12, "partner: nhs");
  EXPECT_EQ(Cannot(yaml, "1001"), "T1.03 6:17 host.partner");
  std::string no_host = std::string(kPartners);
  no_host.erase(no_host.find("host:"));
  no_host += "finance:\n  pool_total: 1000\n  overspend: {approach: host}\n";
  EXPECT_EQ(Cannot(no_host, "1001"), "T1.03 1:1 ");
}

TEST(CannotAllocateTest, RiskFundWithoutSharesOrWithBadShares) {
  std::string none = kRiskFund;
  none.erase(none.find("risk_fund: {"));
  AgreementOutturn a = Outturn(none, Year("2015/16"));
  ASSERT_TRUE(a.funds[0].cannot);
  EXPECT_EQ(a.funds[0].cannot->rule, "T1.07");
  EXPECT_EQ(a.funds[0].cannot->path, "funds[0].overspend.approach");
  std::string bad = kRiskFund;
  bad.replace(bad.find("la: 0.5"), 7, "la: 0.4");
  AgreementOutturn b = Outturn(bad, Year("2015/16"));
  EXPECT_EQ(b.funds[0].cannot->rule, "FIN.03");
  EXPECT_EQ(b.funds[0].cannot->path, "risk_fund.shares");
  // The second fund cannot know what the first drew: it says so.
  EXPECT_NE(b.funds[1].cannot->message.find("fund 'first', before this one"), std::string::npos);
  std::string out;
  EXPECT_EQ(Command(bad, "", "2015/16", out), 2);
  EXPECT_NE(out.find("cannot allocate the 2015/16 actual, overspend £600,000.00 of fund 'first'"),
            std::string::npos)
      << out;
}

// --- The command ----------------------------------------------------------------

int RunOutturn(OutturnCommand cmd, std::string& out, std::string& err) {
  std::filesystem::current_path(S75_SOURCE_DIR);
  cmd.as_of = *Date::Parse("2026-12-01");
  std::ostringstream o;
  std::ostringstream e;
  int status = RunOutturnCommand(cmd, o, e);
  out = o.str();
  err = e.str();
  return status;
}

TEST(OutturnCommandTest, ExitStatuses) {
  std::string out;
  std::string err;
  OutturnCommand cmd;
  cmd.paths = {"tests/fixtures/outturn/hfd-mh.yaml"};
  EXPECT_EQ(RunOutturn(cmd, out, err), 0);
  EXPECT_NE(out.find("pays £631,609.20"), std::string::npos) << out;
  cmd.spend = "£17,000,000";  // an underspend, and no underspend approach
  EXPECT_EQ(RunOutturn(cmd, out, err), 2);
  EXPECT_NE(
      out.find(
          "hfd-mh.yaml:99:3: cannot allocate the 2005/06 spend given, underspend £400,000.00: "),
      std::string::npos)
      << out;
  cmd.spend = "17,00,000";
  EXPECT_EQ(RunOutturn(cmd, out, err), 2);
  EXPECT_NE(err.find("--spend takes an amount of money in pounds"), std::string::npos);
  EXPECT_EQ(out, "");
  cmd.spend = "18140000";
  cmd.paths = {"tests/fixtures/outturn"};
  EXPECT_EQ(RunOutturn(cmd, out, err), 2);
  EXPECT_NE(err.find("--spend is the spend of one pool"), std::string::npos);
}

TEST(OutturnCommandTest, SpendAsWritten) {
  EXPECT_EQ(ParseSpend("17900000")->ToString(2), "17900000.00");
  EXPECT_EQ(ParseSpend("17,900,000")->ToString(2), "17900000.00");
  EXPECT_EQ(ParseSpend("£17,900,000.5")->ToString(2), "17900000.50");
  EXPECT_EQ(ParseSpend("£0")->ToString(2), "0.00");
  for (const char* bad : {"", "£", "17,9000", ",100", "1,00", "1,000,00", "17.005", "-5", "+5",
                          "1e6", "£-5", "17 900", "seventeen"}) {
    EXPECT_FALSE(ParseSpend(bad)) << bad;
  }
}

}  // namespace
}  // namespace s75

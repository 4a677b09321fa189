// The spreadsheet formats' building blocks: typed cells, the findings table's
// rows, the register's typed columns and the workbook writer.
#include "report/xlsx.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "report/findings_table.h"
#include "report/late_library.h"
#include "report/register.h"

namespace s75 {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(XlsxTest, FiguresOfFifteenSignificantDigitsAreNumbersAndLongerOnesText) {
  EXPECT_TRUE(FitsDouble(D("1250000.50")));
  EXPECT_TRUE(FitsDouble(D("9999999999999.99")));  // £10 trillion less a penny
  EXPECT_TRUE(FitsDouble(D("-0.001")));
  EXPECT_TRUE(FitsDouble(D("0")));
  EXPECT_FALSE(FitsDouble(D("10000000000000.01")));
  EXPECT_FALSE(FitsDouble(D("123456789012345678")));
}

TEST(XlsxTest, DatesAreExcelSerialDaysFromMarch1900) {
  EXPECT_EQ(ExcelDay(*Date::Parse("1970-01-01")), 25569);
  EXPECT_EQ(ExcelDay(*Date::Parse("2009-04-01")), 39904);
  EXPECT_EQ(ExcelDay(*Date::Parse("1900-03-01")), 61);
  EXPECT_EQ(ExcelDay(*Date::Parse("1900-02-28")), std::nullopt);
}

TEST(XlsxTest, TheSameWorkbookGivesTheSameBytesAndHostileTextIsNoFormula) {
  auto write = [] {
    XlsxWorkbook book(*Date::Parse("2026-11-22"));
    int sheet = book.AddSheet("s", {"text", "money", "date"});
    book.AddRow(sheet, {TextCell("=SUM(A1:A2)"), MoneyCell(D("1.10")),
                        DateCell(Date::Parse("2009-04-01"))});
    book.AddRow(sheet, {TextCell(std::string(40000, 'x')), MoneyCell(std::nullopt), Cell()});
    std::ostringstream out;
    EXPECT_EQ(book.Finish(out), "");
    return out.str();
  };
  std::string first = write();
  EXPECT_EQ(first.substr(0, 2), "PK");
  EXPECT_EQ(first, write());
}

FileResult Agreement() {
  FileResult file;
  file.path = "a.yaml";
  file.agreement_id = "a";
  file.checked = true;
  AgreementFacts facts;
  facts.status = "in_force";
  facts.host = "cc";
  facts.client_groups = {"carers", "older_people"};
  facts.pool_total = D("1000000.5");
  facts.commencement = Date::Parse("2024-04-01");
  file.facts = facts;
  Finding f;
  f.rule = "T1.07";
  f.severity = Severity::kWarning;
  f.message = "=no formula";
  f.range = {"a.yaml", 12, 3};
  f.references = {"MTAE para 37", "HFD R1"};
  f.waiver = WaiverInfo{"agreed", "board", ""};
  file.findings = {f};
  return file;
}

TEST(FindingsTableTest, EachFindingIsJoinedToItsAgreementsRegisterColumns) {
  std::vector<std::vector<Cell>> rows = FindingRows(Agreement(), *Date::Parse("2026-11-22"));
  ASSERT_EQ(rows.size(), 1U);
  const std::vector<std::string>& header = FindingsHeader();
  ASSERT_EQ(rows[0].size(), header.size());
  auto cell = [&](std::string_view name) {
    return rows[0][std::find(header.begin(), header.end(), name) - header.begin()];
  };
  EXPECT_EQ(cell("line").kind, CellKind::kCount);
  EXPECT_EQ(cell("line").text, "12");
  EXPECT_EQ(cell("severity").text, "warning");
  EXPECT_EQ(cell("references").text, "MTAE para 37; HFD R1");
  EXPECT_EQ(cell("waived").text, "yes");
  EXPECT_EQ(cell("waiver").text, "agreed; approved by board");
  EXPECT_EQ(cell("status").text, "in_force");
  EXPECT_EQ(cell("host").text, "cc");
  EXPECT_EQ(cell("client_groups").text, "carers; older_people");
  EXPECT_EQ(cell("pool_total").kind, CellKind::kMoney);
  EXPECT_EQ(cell("pool_total").text, "1000000.50");
}

TEST(FindingsTableTest, AFileWithoutFindingsHasNoRows) {
  FileResult file = Agreement();
  file.findings.clear();
  EXPECT_TRUE(FindingRows(file, *Date::Parse("2026-11-22")).empty());
}

TEST(RegisterCellTest, MoneyDatesAndCountsAreTypedForSpreadsheets) {
  RegisterRow row = RegisterRowOf(Agreement());
  Date as_of = *Date::Parse("2026-11-22");
  EXPECT_EQ(RegisterCell("pool_total", row, as_of).kind, CellKind::kMoney);
  Cell commencement = RegisterCell("commencement", row, as_of);
  EXPECT_EQ(commencement.kind, CellKind::kDate);
  EXPECT_EQ(commencement.date, *Date::Parse("2024-04-01"));
  EXPECT_EQ(RegisterCell("expiry", row, as_of).text, "");  // none: blank, not a date
  EXPECT_EQ(RegisterCell("errors", row, as_of).kind, CellKind::kCount);
  EXPECT_EQ(RegisterCell("warnings", row, as_of).text, "0");  // waived: not counted
  EXPECT_EQ(RegisterCell("title", row, as_of).kind, CellKind::kText);
}

// The office libraries are opened on first use (report/late_library.h); one
// that is not installed is a message naming it and its package, not a crash.
TEST(LateLibraryTest, AMissingLibraryIsAMessageNamingItAndWhatNeedsIt) {
  LateLibrary library("libs75-no-such-library.so.9", "Excel needs it (Debian package nothing)");
  std::string why = library.Open();
  EXPECT_NE(why.find("Excel needs it (Debian package nothing)"), std::string::npos) << why;
  EXPECT_NE(why.find("libs75-no-such-library.so.9 cannot be opened"), std::string::npos) << why;
  int (*fn)(int) = nullptr;
  EXPECT_FALSE(library.Bind(fn, "abs"));
}

TEST(LateLibraryTest, AFunctionIsBoundFromTheLibraryOrNamedAsMissing) {
  LateLibrary library("libc.so.6", "a test");
  ASSERT_EQ(library.Open(), "");
  int (*fn)(int) = nullptr;
  ASSERT_TRUE(library.Bind(fn, "abs"));
  EXPECT_EQ(fn(-7), 7);
  EXPECT_FALSE(library.Bind(fn, "s75_no_such_function"));
  EXPECT_NE(library.Missing("s75_no_such_function").find("libc.so.6 has no function"),
            std::string::npos);
}

}  // namespace
}  // namespace s75

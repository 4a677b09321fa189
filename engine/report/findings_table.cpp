#include "report/findings_table.h"

#include <optional>

#include "common/join.h"
#include "report/csv.h"
#include "report/register.h"
#include "report/xlsx.h"

namespace s75 {

namespace {

// The register's columns each row carries, after the finding's own.
const std::vector<std::string> kRegisterColumns = {"status", "host", "client_groups", "pool_total"};

std::vector<Cell> FindingCells(const Finding& f, const RegisterRow& row, Date as_of) {
  std::vector<Cell> cells = {
      TextCell(f.range.file),
      f.range.line > 0 ? CountCell(f.range.line) : TextCell(""),
      f.range.column > 0 ? CountCell(f.range.column) : TextCell(""),
      TextCell(f.rule),
      TextCell(std::string(SeverityName(f.severity))),
      TextCell(f.message),
      TextCell(f.path),
      TextCell(Join(f.references, "; ")),
      TextCell(f.waived() ? "yes" : "no"),
      TextCell(f.waiver ? WaiverJustification(*f.waiver) : ""),
      TextCell(row.agreement_id),
  };
  for (const std::string& name : kRegisterColumns) {
    cells.push_back(RegisterCell(name, row, as_of));
  }
  return cells;
}

class CsvReporter final : public Reporter {
 public:
  void Begin(const CheckReport& run, std::ostream& out) override {
    as_of_ = run.as_of;
    CsvLine(FindingsHeader(), out);
  }
  void File(const FileResult& file, std::ostream& out) override {
    for (const std::vector<Cell>& cells : FindingRows(file, as_of_)) {
      CsvLine(CellTexts(cells), out);
    }
  }
  void End(const CheckReport& /*run*/, const Summary& /*total*/, std::ostream& /*out*/) override {}

 private:
  Date as_of_;
};

// The workbook is built as the files come and written to `out` at End.
class XlsxReporter final : public Reporter {
 public:
  void Begin(const CheckReport& run, std::ostream& /*out*/) override {
    as_of_ = run.as_of;
    book_.emplace(run.as_of);
    sheet_ = book_->AddSheet("findings", FindingsHeader());
  }
  void File(const FileResult& file, std::ostream& /*out*/) override {
    for (const std::vector<Cell>& cells : FindingRows(file, as_of_)) {
      book_->AddRow(sheet_, cells);
    }
  }
  void End(const CheckReport& /*run*/, const Summary& /*total*/, std::ostream& out) override {
    failure_ = book_->Finish(out);
    book_.reset();
  }
  std::string Failure() const override { return failure_; }

 private:
  Date as_of_;
  std::optional<XlsxWorkbook> book_;
  int sheet_ = -1;
  std::string failure_;
};

}  // namespace

const std::vector<std::string>& FindingsHeader() {
  static const std::vector<std::string> header = [] {
    std::vector<std::string> h = {"file",     "line",    "column",      "rule",
                                  "severity", "message", "path",        "references",
                                  "waived",   "waiver",  "agreement_id"};
    h.insert(h.end(), kRegisterColumns.begin(), kRegisterColumns.end());
    return h;
  }();
  return header;
}

std::vector<std::vector<Cell>> FindingRows(const FileResult& file, Date as_of) {
  std::vector<std::vector<Cell>> rows;
  if (file.findings.empty()) {
    return rows;
  }
  RegisterRow row = RegisterRowOf(file);
  for (const Finding& f : file.findings) {
    rows.push_back(FindingCells(f, row, as_of));
  }
  return rows;
}

std::unique_ptr<Reporter> MakeFindingsCsvReporter() { return std::make_unique<CsvReporter>(); }

std::unique_ptr<Reporter> MakeFindingsXlsxReporter() { return std::make_unique<XlsxReporter>(); }

}  // namespace s75

// The outturn report for machines: JSON (money as exact decimal strings),
// and CSV and xlsx (one row per partner's part).
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "report/cells.h"
#include "report/csv.h"
#include "report/outturn_words.h"
#include "report/outturn_writers.h"
#include "report/xlsx.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

std::string Exact(const Decimal& d) { return d.ToString(2); }

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json CannotJson(const CannotAllocate& c) {
  return {{"rule", c.rule},           {"file", c.where.file}, {"line", c.where.line},
          {"column", c.where.column}, {"path", c.path},       {"message", c.message}};
}

// A part's basis for machines: a contribution as money, a share as written.
std::string BasisValue(const Allocation& a, const Decimal& basis) {
  return BasisName(a) == "share" ? basis.ToString() : Exact(basis);
}

Json PartJson(const Allocation& a, const PartnerPart& p) {
  return {{"partner", p.partner.id},
          {"name", OrNull(p.partner.name)},
          {"kind", OrNull(p.partner.kind)},
          {"basis", p.basis ? Json(BasisValue(a, *p.basis)) : Json(nullptr)},
          {"first", Exact(p.first)},
          {"shared", Exact(p.shared)},
          {"amount", Exact(p.total)},
          {"percent", p.basis ? Json(p.percent.ToString(2)) : Json(nullptr)}};
}

Json AllocationJson(const Allocation& a) {
  Json j;
  j["balance"] = BalanceKey(a.balance);
  j["amount"] = Exact(a.amount);
  j["approach"] = OrNull(a.approach);
  j["location"] = a.approach.empty()
                      ? Json(nullptr)
                      : Json({{"line", a.at.line}, {"column", a.at.column}, {"path", a.path}});
  j["description"] = ApproachWords(a);
  j["host"] = OrNull(a.host);
  j["host_first_amount"] =
      a.approach == "host_first_then_proportional" ? Json(Exact(a.host_first)) : Json(nullptr);
  j["risk_fund"] = a.has_risk_amount ? Json({{"amount", Exact(a.risk_amount)},
                                             {"left", Exact(a.risk_left)},
                                             {"met", Exact(a.from_risk_fund)}})
                                     : Json(nullptr);
  j["shared"] = Exact(a.shared);
  j["parts"] = Json::array();
  for (const PartnerPart& p : a.parts) {
    j["parts"].push_back(PartJson(a, p));
  }
  return j;
}

Json FundJson(const FundOutturn& f) {
  Json j;
  j["fund"] = OrNull(f.fund);
  j["year"] = f.year ? Json(f.year->ToString()) : Json(nullptr);
  j["kind"] = f.kind;
  j["reported_on"] = f.reported_on ? Json(f.reported_on->ToString()) : Json(nullptr);
  j["spend"] = Exact(f.spend);
  j["budget"] = f.variance_known ? Json(Exact(f.budget)) : Json(nullptr);
  j["variance"] = f.variance_known ? Json(Exact(f.variance)) : Json(nullptr);
  j["allocation"] = f.allocation ? AllocationJson(*f.allocation) : Json(nullptr);
  j["cannot_allocate"] = f.cannot ? CannotJson(*f.cannot) : Json(nullptr);
  return j;
}

Json ScenariosJson(const FundScenarios& s) {
  Json j;
  j["fund"] = OrNull(s.fund);
  j["year"] = s.year ? Json(s.year->ToString()) : Json(nullptr);
  j["budget"] = s.cannot || s.no_money ? Json(nullptr) : Json(Exact(s.budget));
  j["rows"] = Json::array();
  for (const Scenario& row : s.rows) {
    j["rows"].push_back({{"scenario", row.label}, {"allocation", AllocationJson(row.allocation)}});
  }
  j["cannot_allocate"] = s.cannot ? CannotJson(*s.cannot) : Json(nullptr);
  j["no_money"] = s.no_money;
  return j;
}

Json AgreementJson(const AgreementOutturn& a) {
  Json j;
  j["file"] = a.path;
  j["id"] = OrNull(a.agreement_id);
  j["unreadable"] = OrNull(a.unreadable);
  j["usage_error"] = OrNull(a.usage_error);
  j["outturns"] = Json::array();
  for (const FundOutturn& f : a.funds) {
    j["outturns"].push_back(FundJson(f));
  }
  j["without_outturn"] = Json::array();
  for (const std::string& fund : a.without_outturn) {
    j["without_outturn"].push_back(OrNull(fund));
  }
  j["scenarios"] = Json::array();
  for (const FundScenarios& s : a.scenarios) {
    j["scenarios"].push_back(ScenariosJson(s));
  }
  return j;
}

Json TotalsJson(const OutturnTotals& t) {
  auto sum = [&t](const Decimal& d) { return t.overflow ? Json(nullptr) : Json(Exact(d)); };
  Json j = {{"agreements", t.agreements},     {"unreadable", t.unreadable},
            {"usage_errors", t.usage_errors}, {"overspent", t.overspent},
            {"underspent", t.underspent},     {"on_budget", t.on_budget},
            {"no_outturn", t.no_outturn},     {"cannot_allocate", t.cannot_allocate}};
  for (PartnerGroup g : kPartnerGroups) {
    auto i = static_cast<size_t>(g);
    j["by_partner_kind"][std::string(GroupKey(g))] = {{"pays", sum(t.pays[i])},
                                                      {"receives", sum(t.receives[i])}};
  }
  j["from_risk_funds"] = sum(t.from_risk_funds);
  j["carried_forward"] = sum(t.carried_forward);
  return j;
}

// --- CSV and xlsx: one table -----------------------------------------------------

const std::vector<std::string> kCsvColumns = {
    "file",        "agreement_id", "fund",         "scenario",     "year",     "kind",
    "reported_on", "spend",        "budget",       "balance",      "variance", "approach",
    "status",      "partner",      "partner_name", "partner_kind", "basis",    "first",
    "shared",      "amount",       "rule",         "location",     "message"};

// Where a table's rows go: a CSV stream or a workbook's sheet.
using RowSink = std::function<void(const std::vector<Cell>&)>;

// The cells of one row, by column name; the others are blank.
struct TableRow {
  std::vector<std::pair<std::string, Cell>> cells;
  void Set(const std::string& column, Cell value) { cells.emplace_back(column, std::move(value)); }
  void Set(const std::string& column, std::string value) {
    Set(column, TextCell(std::move(value)));
  }
};

void Emit(const TableRow& row, const RowSink& sink) {
  std::vector<Cell> line(kCsvColumns.size());
  for (const auto& [column, value] : row.cells) {
    for (size_t i = 0; i < kCsvColumns.size(); ++i) {
      if (kCsvColumns[i] == column) {
        line[i] = value;
      }
    }
  }
  sink(line);
}

// The balance with its RAG colour: an overspend red, an underspend amber,
// on budget green.
Cell BalanceCell(Balance balance) {
  Rag rag = balance == Balance::kOverspend    ? Rag::kRed
            : balance == Balance::kUnderspend ? Rag::kAmber
                                              : Rag::kGreen;
  return TextCell(std::string(BalanceKey(balance)), rag);
}

// A status that stops the pool being allocated shows red.
Cell FailedStatus(std::string status) { return TextCell(std::move(status), Rag::kRed); }

void SetCannot(TableRow& row, const CannotAllocate& c) {
  row.Set("status", FailedStatus("cannot allocate"));
  row.Set("rule", c.rule);
  row.Set("location", c.where.ToString());
  row.Set("message", c.message);
}

Cell BasisCell(const Allocation& a, const std::optional<Decimal>& basis) {
  return BasisName(a) == "share" ? NumberCell(basis) : MoneyCell(basis);
}

// The rows of an allocation: one per partner's part, a row for what the
// risk fund met, or one row saying why nothing is paid out.
void AllocationRows(TableRow base, const Allocation& a, const RowSink& sink) {
  base.Set("balance", BalanceCell(a.balance));
  base.Set("variance", MoneyCell(a.amount));
  base.Set("approach", a.approach);
  if (a.parts.empty()) {
    base.Set("status", a.balance == Balance::kOnBudget ? "on budget"
                       : a.approach == "carry_forward" ? "carried forward"
                                                       : "no pooled allocation");
    base.Set("message", ApproachWords(a));
    Emit(base, sink);
    return;
  }
  if (a.has_risk_amount) {
    TableRow risk = base;
    risk.Set("status", "met from the risk fund");
    risk.Set("amount", MoneyCell(a.from_risk_fund));
    risk.Set("message", ApproachWords(a));
    Emit(risk, sink);
  }
  for (const PartnerPart& p : a.parts) {
    TableRow row = base;
    row.Set("status", "allocated");
    row.Set("partner", p.partner.id);
    row.Set("partner_name", p.partner.name);
    row.Set("partner_kind", p.partner.kind);
    row.Set("basis", BasisCell(a, p.basis));
    row.Set("first", MoneyCell(p.first));
    row.Set("shared", MoneyCell(p.shared));
    row.Set("amount", MoneyCell(p.total));
    row.Set("message", PartDetail(a, p));
    Emit(row, sink);
  }
}

void FundRows(TableRow base, const FundOutturn& f, const RowSink& sink) {
  base.Set("fund", f.fund);
  base.Set("year", f.year ? f.year->ToString() : "");
  base.Set("kind", f.kind);
  base.Set("reported_on", DateCell(f.reported_on));
  base.Set("spend", MoneyCell(f.spend));
  if (f.variance_known) {
    base.Set("budget", MoneyCell(f.budget));
  }
  if (f.cannot) {
    if (f.variance_known) {
      base.Set("balance", BalanceCell(BalanceOf(f.variance)));
      base.Set("variance", MoneyCell(f.variance.IsNegative() ? f.variance.Negate() : f.variance));
    }
    SetCannot(base, *f.cannot);
    Emit(base, sink);
    return;
  }
  AllocationRows(base, *f.allocation, sink);
}

void ScenarioRows(TableRow base, const FundScenarios& s, const RowSink& sink) {
  base.Set("fund", s.fund);
  base.Set("year", s.year ? s.year->ToString() : "");
  if (s.no_money) {
    base.Set("status", "no money in common");
    base.Set("message", NoMoneyWords());
    Emit(base, sink);
    return;
  }
  if (s.cannot) {
    SetCannot(base, *s.cannot);
    Emit(base, sink);
    return;
  }
  base.Set("budget", MoneyCell(s.budget));
  for (const Scenario& row : s.rows) {
    TableRow scenario = base;
    scenario.Set("scenario", row.label);
    AllocationRows(scenario, row.allocation, sink);
  }
}

void AgreementRows(const AgreementOutturn& a, const RowSink& sink) {
  TableRow base;
  base.Set("file", a.path);
  base.Set("agreement_id", a.agreement_id);
  if (!a.unreadable.empty() || !a.usage_error.empty()) {
    base.Set("status", FailedStatus(a.unreadable.empty() ? "not for these options" : "unreadable"));
    base.Set("message", a.unreadable.empty() ? a.usage_error : a.unreadable);
    Emit(base, sink);
    return;
  }
  for (const FundOutturn& f : a.funds) {
    FundRows(base, f, sink);
  }
  for (const FundScenarios& s : a.scenarios) {
    ScenarioRows(base, s, sink);
  }
  for (const std::string& fund : a.without_outturn) {
    TableRow row = base;
    row.Set("fund", fund);
    row.Set("status", "no outturn recorded");
    Emit(row, sink);
  }
}

const std::vector<std::string> kTotalsColumns = {"total", "name", "amount", "count"};

std::vector<std::vector<Cell>> TotalsRows(const OutturnTotals& t) {
  auto sum = [&t](const Decimal& d) {
    return t.overflow ? TextCell("beyond range") : MoneyCell(d);
  };
  std::vector<std::vector<Cell>> rows;
  for (PartnerGroup g : kPartnerGroups) {
    auto i = static_cast<size_t>(g);
    rows.push_back({TextCell("pays"), TextCell(std::string(GroupKey(g))), sum(t.pays[i]), Cell()});
    rows.push_back(
        {TextCell("receives"), TextCell(std::string(GroupKey(g))), sum(t.receives[i]), Cell()});
  }
  rows.push_back({TextCell("from_risk_funds"), Cell(), sum(t.from_risk_funds), Cell()});
  rows.push_back({TextCell("carried_forward"), Cell(), sum(t.carried_forward), Cell()});
  for (const auto& [name, n] : {std::pair{"agreements", t.agreements},
                                {"unreadable", t.unreadable},
                                {"usage_errors", t.usage_errors},
                                {"overspent", t.overspent},
                                {"underspent", t.underspent},
                                {"on_budget", t.on_budget},
                                {"no_outturn", t.no_outturn},
                                {"cannot_allocate", t.cannot_allocate}}) {
    rows.push_back({TextCell("count"), TextCell(name), Cell(), CountCell(n)});
  }
  return rows;
}

// `json` as dump(2) writes it, each line after the first indented `indent`
// more: how a value reads nested that deep in the whole document.
std::string Nested(const Json& json, size_t indent) {
  std::string text = json.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string pad(indent, ' ');
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    text.insert(at + 1, pad);
  }
  return text;
}

// The JSON document written as it goes, laid out as dump(2) lays out the
// whole: the run, each agreement as it comes, then the totals.
class JsonWriter final : public OutturnWriter {
 public:
  void Begin(const OutturnReport& report, std::ostream& out) override {
    Json tool = {{"name", "s75check"}, {"version", report.tool_version}};
    out << "{\n  \"tool\": " << Nested(tool, 2)
        << ",\n  \"as_of\": " << Json(report.as_of.ToString()).dump()
        << ",\n  \"scenarios\": " << Json(report.scenarios).dump() << ",\n  \"agreements\": [";
  }
  void Agreement(const OutturnReport& /*report*/, const AgreementOutturn& a,
                 std::ostream& out) override {
    out << (any_ ? ",\n    " : "\n    ") << Nested(AgreementJson(a), 4);
    any_ = true;
  }
  void End(const OutturnReport& report, std::ostream& out) override {
    out << (any_ ? "\n  ]" : "]") << ",\n  \"totals\": " << Nested(TotalsJson(report.totals), 2)
        << "\n}\n";
  }

 private:
  bool any_ = false;
};

class CsvWriter final : public OutturnWriter {
 public:
  void Begin(const OutturnReport& /*report*/, std::ostream& out) override {
    CsvLine(kCsvColumns, out);
  }
  void Agreement(const OutturnReport& /*report*/, const AgreementOutturn& a,
                 std::ostream& out) override {
    AgreementRows(a, [&out](const std::vector<Cell>& cells) { CsvLine(CellTexts(cells), out); });
  }
  // The totals follow after one empty line, as a second small table.
  void End(const OutturnReport& report, std::ostream& out) override {
    out << "\r\n";
    CsvLine(kTotalsColumns, out);
    for (const std::vector<Cell>& cells : TotalsRows(report.totals)) {
      CsvLine(CellTexts(cells), out);
    }
  }
};

// The same table as CSV's on a sheet `outturns`, the totals on `totals`.
class XlsxWriter final : public OutturnWriter {
 public:
  void Begin(const OutturnReport& report, std::ostream& /*out*/) override {
    book_.emplace(report.as_of);
    sheet_ = book_->AddSheet("outturns", kCsvColumns);
  }
  void Agreement(const OutturnReport& /*report*/, const AgreementOutturn& a,
                 std::ostream& /*out*/) override {
    AgreementRows(a, [this](const std::vector<Cell>& cells) { book_->AddRow(sheet_, cells); });
  }
  void End(const OutturnReport& report, std::ostream& out) override {
    int totals = book_->AddSheet("totals", kTotalsColumns);
    for (const std::vector<Cell>& cells : TotalsRows(report.totals)) {
      book_->AddRow(totals, cells);
    }
    failure_ = book_->Finish(out);
    book_.reset();
  }
  std::string Failure() const override { return failure_; }

 private:
  std::optional<XlsxWorkbook> book_;
  int sheet_ = -1;
  std::string failure_;
};

}  // namespace

std::unique_ptr<OutturnWriter> MakeOutturnJsonWriter() { return std::make_unique<JsonWriter>(); }

std::unique_ptr<OutturnWriter> MakeOutturnCsvWriter() { return std::make_unique<CsvWriter>(); }

std::unique_ptr<OutturnWriter> MakeOutturnXlsxWriter() { return std::make_unique<XlsxWriter>(); }

}  // namespace s75

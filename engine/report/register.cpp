#include "report/register.h"

#include <algorithm>
#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <tuple>

#include "common/join.h"
#include "report/csv.h"
#include "report/html_assets.h"
#include "report/html_page.h"
#include "report/markup_escape.h"
#include "report/money.h"
#include "report/outturn_words.h"
#include "report/report_views.h"
#include "report/xlsx.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

std::string Partners(const AgreementFacts& f) {
  std::vector<std::string> parts;
  for (const PartnerFacts& p : f.partners) {
    parts.push_back(p.id + " (" + p.kind + ")");
  }
  return Join(parts, "; ");
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string Money(const std::optional<Decimal>& d) { return d ? d->ToString(2) : ""; }

std::string Pounds(const std::optional<Decimal>& d) { return d ? PoundsText(*d) : ""; }

// Each fund, its host, its pool and the year of its figures, with money
// written by `money_text`: "ccg-pool hosted by wccg: 13245000.00 in 2015/16;
// council-pool hosted by wmbc: 10071000.00 in 2015/16". A fund that is not a
// pooled fund says so.
std::string FundsText(const AgreementFacts& f,
                      const std::function<std::string(const std::optional<Decimal>&)>& money_text) {
  std::vector<std::string> parts;
  for (const FundFacts& fund : f.funds) {
    std::string part = fund.id.empty() ? "(no id)" : fund.id;
    part += fund.host.empty() ? "" : " hosted by " + fund.host;
    part += fund.pool_total ? ": " + money_text(fund.pool_total) : "";
    part += fund.year.empty() ? "" : " in " + fund.year;
    part += fund.pooled ? "" : " (not pooled)";
    parts.push_back(std::move(part));
  }
  return Join(parts, "; ");
}

// Which agreements the totals count: "status: in_force; as of 2026-11-22".
std::string CountedText(const Register& reg) {
  return reg.filter.Describe() + "; as of " + reg.as_of.ToString();
}

}  // namespace

RegisterRow RegisterRowOf(const FileResult& file) {
  RegisterRow row;
  row.path = file.path;
  row.agreement_id = file.agreement_id;
  row.readable = file.checked;
  row.facts = file.facts.value_or(AgreementFacts());
  Summary s = SummarizeFile(file);
  row.errors = s.error;
  row.warnings = s.warning;
  return row;
}

namespace {

void Count(const RegisterRow& row, Date as_of, RegisterTotals& t) {
  ++t.agreements;
  if (!row.readable) {
    ++t.unreadable;
    ++t.non_compliant;
    return;
  }
  const AgreementFacts& f = row.facts;
  t.unsigned_by_all += f.Signed() == Signatures::kNone ? 1 : 0;
  t.partly_signed += f.Signed() == Signatures::kSome ? 1 : 0;
  t.expired += f.ExpiredOn(as_of) ? 1 : 0;
  t.non_compliant += row.errors > 0 ? 1 : 0;
  t.pools.Add(f, row.path);
  if (f.LiveOn(as_of)) {
    ++t.live;
    t.live_pools.Add(f, row.path);
  }
}

// The register's columns, shared by CSV, xlsx, Markdown and HTML. A column
// of money has `amount`: CSV writes it exactly (1250000.50), xlsx as a
// number in pounds, Markdown and HTML in pounds; the funds column gives each
// fund's money the same way. A column whose value is a date (YYYY-MM-DD) or
// a count says so in `kind`, for xlsx to write a date or a number (and HTML
// to align it as one).
struct Column {
  std::string_view name;
  std::function<std::string(const RegisterRow&, Date)> value;
  std::optional<Decimal> (*amount)(const RegisterRow&) = nullptr;
  CellKind kind = CellKind::kText;

  // The cell for spreadsheets (xlsx): money, dates and counts typed.
  Cell Typed(const RegisterRow& r, Date as_of) const {
    if (amount != nullptr) {
      return MoneyCell(amount(r));
    }
    std::string text = value(r, as_of);
    if (kind == CellKind::kDate) {
      std::optional<Date> date = Date::Parse(text);
      return date ? DateCell(date) : TextCell(text);
    }
    std::optional<long long> n;
    if (kind == CellKind::kCount) {
      std::optional<Decimal> d = Decimal::Parse(text);
      n = d ? d->ToInt() : std::nullopt;
    }
    return n ? CountCell(*n) : TextCell(text);
  }

  // The cell for people (Markdown, HTML): money in pounds.
  std::string ForPeople(const RegisterRow& r, Date as_of) const {
    if (amount != nullptr) {
      return Pounds(amount(r));
    }
    return name == "funds" ? FundsText(r.facts, Pounds) : value(r, as_of);
  }
};

std::optional<Decimal> PoolTotal(const RegisterRow& r) { return r.facts.pool_total; }
std::optional<Decimal> Revenue(const RegisterRow& r) { return r.facts.revenue; }
std::optional<Decimal> Capital(const RegisterRow& r) { return r.facts.capital; }
std::optional<Decimal> OutturnSpend(const RegisterRow& r) {
  return r.facts.outturn ? std::optional(r.facts.outturn->spend) : std::nullopt;
}
// The latest outturn's variance, signed (spend - budget), or none.
std::optional<Decimal> SignedVariance(const RegisterRow& r) {
  return r.facts.outturn ? r.facts.outturn->variance : std::nullopt;
}
// ... its size, beside its balance, as `outturn --format csv` writes them
// (a cell beginning `-` would be a formula to a spreadsheet, so none does).
std::optional<Decimal> OutturnVariance(const RegisterRow& r) {
  std::optional<Decimal> v = SignedVariance(r);
  return v && v->IsNegative() ? v->Negate() : v;
}
std::string OutturnBalance(const RegisterRow& r) {
  std::optional<Decimal> v = SignedVariance(r);
  return v ? std::string(BalanceKey(BalanceOf(*v))) : "";
}

// A count of a readable row; "" for an unreadable one.
std::string CountText(const RegisterRow& r, int n) { return r.readable ? std::to_string(n) : ""; }

// The latest outturn and the outcomes by status (AgreementFacts' figures).
std::vector<Column> FigureColumns() {
  auto outturn_text = [](std::string OutturnFacts::*field) {
    return [field](const RegisterRow& r, Date) {
      return r.facts.outturn ? (*r.facts.outturn).*field : std::string();
    };
  };
  auto outcomes = [](int OutcomeCounts::*field) {
    return [field](const RegisterRow& r, Date) { return CountText(r, r.facts.outcomes.*field); };
  };
  return {
      {"outturn_year", outturn_text(&OutturnFacts::year)},
      {"outturn_kind", outturn_text(&OutturnFacts::kind)},
      {"outturn", [](const RegisterRow& r, Date) { return Money(OutturnSpend(r)); }, OutturnSpend},
      {"outturn_balance", [](const RegisterRow& r, Date) { return OutturnBalance(r); }},
      {"outturn_variance", [](const RegisterRow& r, Date) { return Money(OutturnVariance(r)); },
       OutturnVariance},
      {"outcomes_red", outcomes(&OutcomeCounts::red), nullptr, CellKind::kCount},
      {"outcomes_amber", outcomes(&OutcomeCounts::amber), nullptr, CellKind::kCount},
      {"outcomes_green", outcomes(&OutcomeCounts::green), nullptr, CellKind::kCount},
      {"outcomes_no_data", outcomes(&OutcomeCounts::no_data), nullptr, CellKind::kCount},
  };
}

std::vector<Column> AgreementColumns() {
  return {
      {"file", [](const RegisterRow& r, Date) { return r.path; }},
      {"id", [](const RegisterRow& r, Date) { return r.agreement_id; }},
      {"title", [](const RegisterRow& r, Date) { return r.facts.title; }},
      {"partners", [](const RegisterRow& r, Date) { return Partners(r.facts); }},
      {"host", [](const RegisterRow& r, Date) { return r.facts.host; }},
      {"arrangements", [](const RegisterRow& r, Date) { return Join(r.facts.arrangements, "; "); }},
      {"financial_model", [](const RegisterRow& r, Date) { return r.facts.financial_model; }},
      {"client_groups",
       [](const RegisterRow& r, Date) { return Join(r.facts.client_groups, "; "); }},
      {"pool_total", [](const RegisterRow& r, Date) { return Money(r.facts.pool_total); },
       PoolTotal},
      {"funds", [](const RegisterRow& r, Date) { return FundsText(r.facts, Money); }},
      {"revenue", [](const RegisterRow& r, Date) { return Money(r.facts.revenue); }, Revenue},
      {"capital", [](const RegisterRow& r, Date) { return Money(r.facts.capital); }, Capital},
      {"commencement", [](const RegisterRow& r, Date) { return DateText(r.facts.commencement); },
       nullptr, CellKind::kDate},
      {"expiry", [](const RegisterRow& r, Date) { return DateText(r.facts.expiry); }, nullptr,
       CellKind::kDate},
      {"status",
       [](const RegisterRow& r, Date as_of) {
         if (!r.readable) {
           return std::string("unreadable");
         }
         return r.facts.ExpiredOn(as_of) && r.facts.status != "expired"
                    ? r.facts.status + " (past expiry)"
                    : r.facts.status;
       }},
      {"signed",
       [](const RegisterRow& r, Date) {
         return r.readable ? std::string(SignaturesName(r.facts.Signed())) : "";
       }},
      {"errors", [](const RegisterRow& r, Date) { return std::to_string(r.errors); }, nullptr,
       CellKind::kCount},
      {"warnings", [](const RegisterRow& r, Date) { return std::to_string(r.warnings); }, nullptr,
       CellKind::kCount},
  };
}

// Every column, in order: the agreement's, then its figures.
const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = [] {
    std::vector<Column> all = AgreementColumns();
    std::vector<Column> figures = FigureColumns();
    all.insert(all.end(), figures.begin(), figures.end());
    return all;
  }();
  return columns;
}

// --- The totals as a table: CSV's second table, xlsx's second sheet -----------

const std::vector<std::string> kTotalsHeader = {"total", "name", "pooled", "agreements"};

// A tally's sum as a money cell, or its exact text when a sum overflowed.
Cell Pooled(const PoolTally& tally, const Decimal& sum) {
  return tally.overflow ? TextCell(tally.Exact(sum)) : MoneyCell(sum);
}

// Which agreements are counted, all of them, and the live ones apart.
std::vector<std::vector<Cell>> CountedRows(const Register& reg) {
  const RegisterTotals& t = reg.totals;
  return {{TextCell("counted"), TextCell(CountedText(reg)), TextCell(""), CountCell(t.agreements)},
          {TextCell("all"), TextCell(""), Pooled(t.pools, t.pools.total), CountCell(t.agreements)},
          {TextCell("live"), TextCell("in force on " + reg.as_of.ToString()),
           Pooled(t.live_pools, t.live_pools.total), CountCell(t.live)}};
}

std::vector<std::vector<Cell>> TotalsRows(const Register& reg) {
  const RegisterTotals& t = reg.totals;
  const PoolTally& pools = t.pools;
  auto pooled = [&pools](const Decimal& sum) { return Pooled(pools, sum); };
  std::vector<std::vector<Cell>> rows = CountedRows(reg);
  for (const auto& [name, g] : pools.by_client_group()) {
    rows.push_back(
        {TextCell("client_group"), TextCell(name), pooled(g.pooled), CountCell(g.agreements)});
  }
  for (const auto& [name, g] : pools.by_arrangement()) {
    rows.push_back(
        {TextCell("arrangement"), TextCell(name), pooled(g.pooled), CountCell(g.agreements)});
  }
  rows.push_back({TextCell("type"), TextCell("revenue"), pooled(pools.revenue),
                  CountCell(pools.with_revenue)});
  rows.push_back({TextCell("type"), TextCell("capital"), pooled(pools.capital),
                  CountCell(pools.with_capital)});
  for (const auto& [name, n] : {std::pair{"unreadable", t.unreadable},
                                {"unsigned", t.unsigned_by_all},
                                {"partly_signed", t.partly_signed},
                                {"expired", t.expired},
                                {"non_compliant", t.non_compliant}}) {
    rows.push_back({TextCell("count"), TextCell(name), TextCell(""), CountCell(n)});
  }
  return rows;
}

// --- CSV (RFC 4180) ------------------------------------------------------------

void WriteCsv(const Register& reg, std::ostream& out) {
  std::vector<std::string> header;
  for (const Column& c : Columns()) {
    header.emplace_back(c.name);
  }
  CsvLine(header, out);
  for (const RegisterRow& row : reg.rows) {
    std::vector<std::string> cells;
    for (const Column& c : Columns()) {
      cells.push_back(c.value(row, reg.as_of));
    }
    CsvLine(cells, out);
  }
  // The totals follow after one empty line, as a second small table.
  out << "\r\n";
  CsvLine(kTotalsHeader, out);
  for (const std::vector<Cell>& cells : TotalsRows(reg)) {
    CsvLine(CellTexts(cells), out);
  }
}

// --- xlsx ----------------------------------------------------------------------

std::string WriteXlsx(const Register& reg, std::ostream& out) {
  XlsxWorkbook book(reg.as_of);
  std::vector<std::string> header;
  for (const Column& c : Columns()) {
    header.emplace_back(c.name);
  }
  int agreements = book.AddSheet("agreements", header);
  for (const RegisterRow& row : reg.rows) {
    std::vector<Cell> cells;
    for (const Column& c : Columns()) {
      cells.push_back(c.Typed(row, reg.as_of));
    }
    book.AddRow(agreements, cells);
  }
  int totals = book.AddSheet("totals", kTotalsHeader);
  for (const std::vector<Cell>& cells : TotalsRows(reg)) {
    book.AddRow(totals, cells);
  }
  return book.Finish(out);
}

// --- JSON ----------------------------------------------------------------------

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json FundsJson(const AgreementFacts& f) {
  Json funds = Json::array();
  for (const FundFacts& fund : f.funds) {
    funds.push_back({{"id", OrNull(fund.id)},
                     {"name", OrNull(fund.name)},
                     {"arrangement", OrNull(fund.arrangement)},
                     {"host", OrNull(fund.host)},
                     {"pooled", fund.pooled},
                     {"year", OrNull(fund.year)},
                     {"pool_total", OrNull(Money(fund.pool_total))},
                     {"pool_from_contributions", fund.pool_from_contributions},
                     {"revenue", OrNull(Money(fund.revenue))},
                     {"capital", OrNull(Money(fund.capital))}});
  }
  return funds;
}

Json RowJson(const RegisterRow& row, Date as_of) {
  const AgreementFacts& f = row.facts;
  Json j;
  j["file"] = row.path;
  j["id"] = OrNull(row.agreement_id);
  j["readable"] = row.readable;
  j["title"] = OrNull(f.title);
  j["partners"] = Json::array();
  for (const PartnerFacts& p : f.partners) {
    j["partners"].push_back({{"id", p.id},
                             {"name", p.name},
                             {"kind", p.kind},
                             {"role", OrNull(p.role)},
                             {"signed", p.has_signed}});
  }
  j["host"] = OrNull(f.host);
  j["arrangements"] = f.arrangements;
  j["financial_model"] = OrNull(f.financial_model);
  j["client_groups"] = f.client_groups;
  j["pool_total"] = OrNull(Money(f.pool_total));
  j["pool_from_contributions"] = f.pool_from_contributions;
  j["funds"] = FundsJson(f);
  j["revenue"] = OrNull(Money(f.revenue));
  j["capital"] = OrNull(Money(f.capital));
  j["commencement"] = OrNull(DateText(f.commencement));
  j["expiry"] = OrNull(DateText(f.expiry));
  j["status"] = OrNull(f.status);
  j["expired"] = row.readable && f.ExpiredOn(as_of);
  j["signed"] = row.readable ? Json(SignaturesName(f.Signed())) : Json(nullptr);
  j["errors"] = row.errors;
  j["warnings"] = row.warnings;
  j["outturn"] = nullptr;
  if (f.outturn) {
    j["outturn"] = {{"year", f.outturn->year},
                    {"kind", f.outturn->kind},
                    {"spend", Money(f.outturn->spend)},
                    {"balance", OrNull(OutturnBalance(row))},
                    {"variance", OrNull(Money(f.outturn->variance))}};
  }
  j["outcomes"] = nullptr;
  if (row.readable) {
    j["outcomes"] = {{"red", f.outcomes.red},
                     {"amber", f.outcomes.amber},
                     {"green", f.outcomes.green},
                     {"no_data", f.outcomes.no_data}};
  }
  return j;
}

// A sum of pools, or null when the sums went beyond range.
Json SumJson(const Decimal& sum, const PoolTally& pools) {
  return pools.overflow ? Json(nullptr) : Json(sum.ToString(2));
}

Json GroupsJson(const std::map<std::string, PoolGroup>& groups, const PoolTally& pools) {
  Json j = Json::object();
  for (const auto& [name, g] : groups) {
    j[name] = {{"pooled", SumJson(g.pooled, pools)}, {"agreements", g.agreements}};
  }
  return j;
}

void WriteJson(const Register& reg, std::ostream& out) {
  Json j;
  j["tool"] = {{"name", "s75check"}, {"version", reg.tool_version}};
  j["as_of"] = reg.as_of.ToString();
  j["agreements"] = Json::array();
  for (const RegisterRow& row : reg.rows) {
    j["agreements"].push_back(RowJson(row, reg.as_of));
  }
  const RegisterTotals& t = reg.totals;
  j["totals"] = {
      {"counted",
       {{"statuses", reg.filter.statuses},
        {"live", reg.filter.live},
        {"description", CountedText(reg)}}},
      {"agreements", t.agreements},
      {"unreadable", t.unreadable},
      {"unsigned", t.unsigned_by_all},
      {"partly_signed", t.partly_signed},
      {"expired", t.expired},
      {"non_compliant", t.non_compliant},
      {"pooled", SumJson(t.pools.total, t.pools)},
      {"revenue", SumJson(t.pools.revenue, t.pools)},
      {"capital", SumJson(t.pools.capital, t.pools)},
      {"live", {{"agreements", t.live}, {"pooled", SumJson(t.live_pools.total, t.live_pools)}}},
      {"by_client_group", GroupsJson(t.pools.by_client_group(), t.pools)},
      {"by_arrangement", GroupsJson(t.pools.by_arrangement(), t.pools)}};
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

// --- Markdown ------------------------------------------------------------------

// A table cell: pipes, backslashes, asterisks, code, link and HTML marks
// escaped (underscores are left: ids such as in_force stay readable), line
// breaks as spaces.
std::string MdCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      if (std::string_view("|\\*`[]<>").find(c) != std::string_view::npos) {
        out += '\\';
      }
      out += c;
    }
  }
  return out;
}

void MdRow(const std::vector<std::string>& cells, std::ostream& out) {
  out << "|";
  for (const std::string& c : cells) {
    out << " " << MdCell(c) << " |";
  }
  out << "\n";
}

void MdHeader(const std::vector<std::string>& names, std::ostream& out) {
  MdRow(names, out);
  out << "|";
  for (std::size_t i = 0; i < names.size(); ++i) {
    out << " --- |";
  }
  out << "\n";
}

void MdGroups(std::string_view title, const std::map<std::string, PoolGroup>& groups,
              const PoolTally& pools, std::ostream& out) {
  out << "\n### Pooled money by " << title << "\n\n";
  MdHeader({std::string(title), "pooled", "agreements"}, out);
  for (const auto& [name, g] : groups) {
    MdRow({name.empty() ? "(none stated)" : name, pools.Pounds(g.pooled),
           std::to_string(g.agreements)},
          out);
  }
}

void WriteMarkdown(const Register& reg, std::ostream& out) {
  out << "# Section 75 agreements register\n\nAs of " << reg.as_of.ToLongString() << "; s75check "
      << reg.tool_version << ".\n\n";
  std::vector<std::string> header;
  for (const Column& c : Columns()) {
    header.emplace_back(c.name);
  }
  MdHeader(header, out);
  for (const RegisterRow& row : reg.rows) {
    std::vector<std::string> cells;
    for (const Column& c : Columns()) {
      cells.push_back(c.ForPeople(row, reg.as_of));
    }
    MdRow(cells, out);
  }
  const RegisterTotals& t = reg.totals;
  out << "\n## Totals\n\n" << MdCell(TotalsCaption(reg)) << ".\n\n";
  MdHeader({"measure", "value"}, out);
  MdRow({"agreements", std::to_string(t.agreements)}, out);
  MdRow({"pooled (each agreement once)", t.pools.Pounds(t.pools.total)}, out);
  MdRow({"live (in force on " + reg.as_of.ToString() + ")", std::to_string(t.live)}, out);
  MdRow({"pooled by live agreements", t.live_pools.Pounds(t.live_pools.total)}, out);
  MdRow({"revenue contributions", t.pools.Pounds(t.pools.revenue)}, out);
  MdRow({"capital contributions", t.pools.Pounds(t.pools.capital)}, out);
  MdRow({"unreadable", std::to_string(t.unreadable)}, out);
  MdRow({"signed by no partner", std::to_string(t.unsigned_by_all)}, out);
  MdRow({"signed by some partners", std::to_string(t.partly_signed)}, out);
  MdRow({"expired", std::to_string(t.expired)}, out);
  MdRow({"non-compliant (an error, or unreadable)", std::to_string(t.non_compliant)}, out);
  MdGroups("client group", t.pools.by_client_group(), t.pools, out);
  MdGroups("arrangement", t.pools.by_arrangement(), t.pools, out);
  out << "\nAn agreement covering several client groups or arrangements counts in each, "
         "so a column may add up to more than the pooled total.\n";
}

// --- HTML ----------------------------------------------------------------------

std::string Esc(std::string_view text) { return XmlEscape(text); }

// What a row shows at a glance: "unreadable", "error", "warning" or "clean".
std::string_view RowState(const RegisterRow& row) {
  if (!row.readable) {
    return "unreadable";
  }
  return row.errors > 0 ? "error" : row.warnings > 0 ? "warning" : "clean";
}

void HtmlSummary(const Register& reg, std::ostream& out) {
  const RegisterTotals& t = reg.totals;
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n";
  // The colour (the check report's classes), the key the JSON uses, the label.
  for (const auto& [css, key, label, value] :
       {std::tuple{"files", "agreements", "Agreements", t.agreements},
        {"unreadable", "unreadable", "Could not be checked", t.unreadable},
        {"error", "non_compliant", "Non-compliant", t.non_compliant},
        {"warning", "unsigned", "Signed by no partner", t.unsigned_by_all},
        {"info", "partly_signed", "Signed by some partners", t.partly_signed},
        {"waived", "expired", "Expired", t.expired}}) {
    WriteSummaryItem(css, key, label, value, out);
  }
  out << "</dl>\n<p class=\"note\" data-summary=\"counted\">" << Esc(TotalsCaption(reg))
      << ".</p>\n<p class=\"note\">Pooled in all: <strong data-summary=\"pooled\">"
      << t.pools.Pounds(t.pools.total)
      << "</strong>, each agreement counted once; by the <span data-summary=\"live\">" << t.live
      << "</span> live agreements (in force on " << reg.as_of.ToLongString()
      << ") <strong data-summary=\"live-pooled\">" << t.live_pools.Pounds(t.live_pools.total)
      << "</strong>; contributions of revenue <strong "
         "data-summary=\"revenue\">"
      << t.pools.Pounds(t.pools.revenue)
      << "</strong> and of capital <strong data-summary=\"capital\">"
      << t.pools.Pounds(t.pools.capital)
      << "</strong>. Non-compliant: an error no waiver accepts, or "
         "a file that could not be checked. Expiry is judged as of "
      << reg.as_of.ToLongString() << ".</p>\n</section>\n";
}

void HtmlGroups(std::string_view id, std::string_view heading, std::string_view column,
                const std::vector<PoolGroup>& groups, const PoolTally& pools, std::ostream& out) {
  out << "<section id=\"" << id << "\">\n<h2>" << heading << "</h2>\n";
  if (groups.empty()) {
    out << "<p class=\"intro\">No readable agreement.</p>\n</section>\n";
    return;
  }
  out << "<table class=\"money\">\n<thead><tr><th>" << column
      << "</th><th class=\"num\">Agreements</th><th class=\"num\">Pooled</th></tr></thead>\n"
         "<tbody>\n";
  for (const PoolGroup& g : groups) {
    out << "<tr><td>" << (g.name.empty() ? "None stated" : Esc(g.name)) << "</td><td class=\"num\">"
        << g.agreements << "</td><td class=\"num\">" << pools.Pounds(g.pooled) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

// The HTML table's columns: the agreement's id, then what says whether it is
// sound (status, signed, errors, warnings) and its pool, then the rest in the
// register's order, so a narrow screen or a scrolled table shows them first.
std::vector<const Column*> HtmlColumns() {
  constexpr std::array<std::string_view, 6> kFirst = {"id",     "status",   "signed",
                                                      "errors", "warnings", "pool_total"};
  std::vector<const Column*> order;
  for (std::string_view name : kFirst) {
    for (const Column& c : Columns()) {
      if (c.name == name) {
        order.push_back(&c);
      }
    }
  }
  for (const Column& c : Columns()) {
    if (std::find(kFirst.begin(), kFirst.end(), c.name) == kFirst.end()) {
      order.push_back(&c);
    }
  }
  return order;
}

void HtmlCell(const Column& c, const RegisterRow& row, Date as_of, std::ostream& out) {
  std::string label = Humanise(std::string(c.name));
  if (c.amount != nullptr) {
    std::optional<Decimal> amount = c.amount(row);
    out << "<td class=\"num nowrap\" data-label=\"" << label << "\" data-sort=\""
        << (amount ? amount->ToString() : "-1") << "\">" << Pounds(amount) << "</td>";
    return;
  }
  bool number = c.kind == CellKind::kCount;
  bool date = c.name == "commencement" || c.name == "expiry";
  out << "<td"
      << (number ? " class=\"num\""
          : date ? " class=\"nowrap\""
                 : "")
      << " data-label=\"" << label << "\">" << Esc(c.ForPeople(row, as_of)) << "</td>";
}

void HtmlTable(const Register& reg, std::ostream& out) {
  out << "<section id=\"register-section\">\n<h2>Agreements</h2>\n<p class=\"intro\">One row "
         "per agreement file. With scripts enabled, click a heading to sort and use the filter "
         "to narrow the list.</p>\n<div class=\"controls\" id=\"controls\" hidden>\n<label>Filter "
         "<input type=\"search\" id=\"filter\" placeholder=\"id, partner, host or "
         "words\"></label>\n";
  for (std::string_view state : {"error", "warning", "clean", "unreadable"}) {
    out << "<label><input type=\"checkbox\" value=\"" << state << "\" checked> "
        << (state == "error"     ? "with errors"
            : state == "warning" ? "warnings only"
                                 : state)
        << "</label>\n";
  }
  out << "<output id=\"shown\" aria-live=\"polite\"></output>\n</div>\n<div "
         "class=\"register-wrap\">"
         "<table class=\"register reflow\" id=\"register\" data-noun=\"agreements\">\n<thead><tr>";
  std::vector<const Column*> columns = HtmlColumns();
  for (const Column* c : columns) {
    bool number = c->amount != nullptr || c->kind == CellKind::kCount;
    out << "<th data-key=\"" << c->name << "\"" << (number ? " data-type=\"number\"" : "") << ">"
        << Humanise(std::string(c->name)) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const RegisterRow& row : reg.rows) {
    out << "<tr data-severity=\"" << RowState(row) << "\">";
    for (const Column* c : columns) {
      HtmlCell(*c, row, reg.as_of, out);
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table></div>\n</section>\n";
}

void WriteHtml(const Register& reg, std::ostream& out) {
  std::string title = "Section 75 agreements register, as of " + reg.as_of.ToLongString();
  WriteHtmlHead({title, reg.tool_version, true, kSweepStyle}, out);
  out << "<body>\n<header class=\"page\"><div>\n<h1>Section 75 agreements register</h1>\n<p>"
      << reg.rows.size() << (reg.rows.size() == 1 ? " agreement file" : " agreement files")
      << " as of <time datetime=\"" << reg.as_of.ToString() << "\">" << reg.as_of.ToLongString()
      << "</time> &middot; s75check " << Esc(reg.tool_version) << "</p>\n</div></header>\n<main>\n";
  HtmlSummary(reg, out);
  const PoolTally& pools = reg.totals.pools;
  HtmlGroups("by-client-group", "Pooled money by client group", "Client group",
             pools.ClientGroupsBySize(), pools, out);
  std::vector<PoolGroup> arrangements;
  for (const auto& [name, g] : pools.by_arrangement()) {
    arrangements.push_back(g);
  }
  HtmlGroups("by-arrangement", "Pooled money by arrangement", "Arrangement", arrangements, pools,
             out);
  out << "<p class=\"note\">An agreement covering several client groups or arrangements counts "
         "in each, so a table may add up to more than the pooled total.</p>\n";
  HtmlTable(reg, out);
  out << "<footer>Made by s75check " << Esc(reg.tool_version)
      << ". Each agreement's findings: <code>s75check check FILE</code>.</footer>\n</main>\n"
         "<script>"
      << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace

void AddToRegister(Register& reg, const FileResult& file) {
  reg.rows.push_back(RegisterRowOf(file));
  Count(reg.rows.back(), reg.as_of, reg.totals);
}

Register BuildRegister(const CheckReport& report) {
  Register reg;
  reg.as_of = report.as_of;
  reg.tool_version = report.tool_version;
  for (const FileResult& file : report.files) {
    AddToRegister(reg, file);
  }
  return reg;
}

std::string TotalsCaption(const Register& reg) {
  int n = reg.totals.agreements;
  return "Totals of " + std::to_string(n) + (n == 1 ? " agreement (" : " agreements (") +
         CountedText(reg) + ")";
}

std::string_view SignaturesName(Signatures s) {
  switch (s) {
    case Signatures::kAll:
      return "all";
    case Signatures::kSome:
      return "some";
    case Signatures::kNone:
      return "none";
  }
  return "none";
}

bool WriteRegister(const Register& reg, std::string_view format, std::ostream& out) {
  if (format == "csv") {
    WriteCsv(reg, out);
  } else if (format == "json") {
    WriteJson(reg, out);
  } else if (format == "markdown") {
    WriteMarkdown(reg, out);
  } else if (format == "html") {
    WriteHtml(reg, out);
  } else {
    return false;
  }
  return true;
}

std::string WriteRegisterXlsx(const Register& reg, std::ostream& out) {
  return WriteXlsx(reg, out);
}

Cell RegisterCell(std::string_view name, const RegisterRow& row, Date as_of) {
  for (const Column& c : Columns()) {
    if (c.name == name) {
      return c.Typed(row, as_of);
    }
  }
  return Cell();
}

std::vector<std::string_view> RegisterFormats() {
  return {"csv", "json", "markdown", "html", "xlsx"};
}

}  // namespace s75

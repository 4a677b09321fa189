#include "report/register.h"

#include <functional>
#include <nlohmann/json.hpp>

#include "report/money.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

std::string Join(const std::vector<std::string>& items, std::string_view sep = "; ") {
  std::string out;
  for (const std::string& s : items) {
    out += (out.empty() ? "" : std::string(sep)) + s;
  }
  return out;
}

std::string Partners(const AgreementFacts& f) {
  std::vector<std::string> parts;
  for (const PartnerFacts& p : f.partners) {
    parts.push_back(p.id + " (" + p.kind + ")");
  }
  return Join(parts);
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string Money(const std::optional<Decimal>& d) { return d ? d->ToString(2) : ""; }

RegisterRow RowOf(const FileResult& file) {
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

void AddTo(RegisterGroup& group, const std::optional<Decimal>& pool) {
  ++group.agreements;
  if (pool) {
    group.pooled = group.pooled.Add(*pool).value_or(group.pooled);
  }
}

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
  if (f.pool_total) {
    t.pooled = t.pooled.Add(*f.pool_total).value_or(t.pooled);
  }
  for (const std::string& g : f.client_groups) {
    AddTo(t.by_client_group[g], f.pool_total);
  }
  for (const std::string& a : f.arrangements) {
    AddTo(t.by_arrangement[a], f.pool_total);
  }
}

// The register's columns, shared by CSV and Markdown.
struct Column {
  std::string_view name;
  std::function<std::string(const RegisterRow&, Date)> value;
};

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = {
      {"file", [](const RegisterRow& r, Date) { return r.path; }},
      {"id", [](const RegisterRow& r, Date) { return r.agreement_id; }},
      {"title", [](const RegisterRow& r, Date) { return r.facts.title; }},
      {"partners", [](const RegisterRow& r, Date) { return Partners(r.facts); }},
      {"host", [](const RegisterRow& r, Date) { return r.facts.host; }},
      {"arrangements", [](const RegisterRow& r, Date) { return Join(r.facts.arrangements); }},
      {"financial_model", [](const RegisterRow& r, Date) { return r.facts.financial_model; }},
      {"client_groups", [](const RegisterRow& r, Date) { return Join(r.facts.client_groups); }},
      {"pool_total", [](const RegisterRow& r, Date) { return Money(r.facts.pool_total); }},
      {"commencement", [](const RegisterRow& r, Date) { return DateText(r.facts.commencement); }},
      {"expiry", [](const RegisterRow& r, Date) { return DateText(r.facts.expiry); }},
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
      {"errors", [](const RegisterRow& r, Date) { return std::to_string(r.errors); }},
      {"warnings", [](const RegisterRow& r, Date) { return std::to_string(r.warnings); }},
  };
  return columns;
}

// --- CSV (RFC 4180) ------------------------------------------------------------

// A cell a spreadsheet shows as text: one starting with = + - @ (or a tab or
// carriage return) gets a leading apostrophe so it is never run as a formula;
// a cell holding a comma, quote or line break is quoted.
std::string CsvCell(std::string text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    out += c == '"' ? "\"\"" : std::string(1, c);
  }
  return out + "\"";
}

void CsvLine(const std::vector<std::string>& cells, std::ostream& out) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out << (i ? "," : "") << CsvCell(cells[i]);
  }
  out << "\r\n";
}

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
  const RegisterTotals& t = reg.totals;
  out << "\r\n";
  CsvLine({"total", "name", "pooled", "agreements"}, out);
  CsvLine({"all", "", t.pooled.ToString(2), std::to_string(t.agreements)}, out);
  for (const auto& [name, g] : t.by_client_group) {
    CsvLine({"client_group", name, g.pooled.ToString(2), std::to_string(g.agreements)}, out);
  }
  for (const auto& [name, g] : t.by_arrangement) {
    CsvLine({"arrangement", name, g.pooled.ToString(2), std::to_string(g.agreements)}, out);
  }
  for (const auto& [name, n] : {std::pair{"unreadable", t.unreadable},
                                {"unsigned", t.unsigned_by_all},
                                {"partly_signed", t.partly_signed},
                                {"expired", t.expired},
                                {"non_compliant", t.non_compliant}}) {
    CsvLine({"count", name, "", std::to_string(n)}, out);
  }
}

// --- JSON ----------------------------------------------------------------------

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

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
  j["commencement"] = OrNull(DateText(f.commencement));
  j["expiry"] = OrNull(DateText(f.expiry));
  j["status"] = OrNull(f.status);
  j["expired"] = row.readable && f.ExpiredOn(as_of);
  j["signed"] = row.readable ? Json(SignaturesName(f.Signed())) : Json(nullptr);
  j["errors"] = row.errors;
  j["warnings"] = row.warnings;
  return j;
}

Json GroupsJson(const std::map<std::string, RegisterGroup>& groups) {
  Json j = Json::object();
  for (const auto& [name, g] : groups) {
    j[name] = {{"pooled", g.pooled.ToString(2)}, {"agreements", g.agreements}};
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
  j["totals"] = {{"agreements", t.agreements},
                 {"unreadable", t.unreadable},
                 {"unsigned", t.unsigned_by_all},
                 {"partly_signed", t.partly_signed},
                 {"expired", t.expired},
                 {"non_compliant", t.non_compliant},
                 {"pooled", t.pooled.ToString(2)},
                 {"by_client_group", GroupsJson(t.by_client_group)},
                 {"by_arrangement", GroupsJson(t.by_arrangement)}};
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

void MdGroups(std::string_view title, const std::map<std::string, RegisterGroup>& groups,
              std::ostream& out) {
  out << "\n### Pooled money by " << title << "\n\n";
  MdHeader({std::string(title), "pooled", "agreements"}, out);
  for (const auto& [name, g] : groups) {
    MdRow({name, PoundsText(g.pooled), std::to_string(g.agreements)}, out);
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
      cells.push_back(c.name == "pool_total" && row.facts.pool_total
                          ? PoundsText(*row.facts.pool_total)
                          : c.value(row, reg.as_of));
    }
    MdRow(cells, out);
  }
  const RegisterTotals& t = reg.totals;
  out << "\n## Totals\n\n";
  MdHeader({"measure", "value"}, out);
  MdRow({"agreements", std::to_string(t.agreements)}, out);
  MdRow({"pooled (each agreement once)", PoundsText(t.pooled)}, out);
  MdRow({"unreadable", std::to_string(t.unreadable)}, out);
  MdRow({"signed by no partner", std::to_string(t.unsigned_by_all)}, out);
  MdRow({"signed by some partners", std::to_string(t.partly_signed)}, out);
  MdRow({"expired", std::to_string(t.expired)}, out);
  MdRow({"non-compliant (an error, or unreadable)", std::to_string(t.non_compliant)}, out);
  MdGroups("client group", t.by_client_group, out);
  MdGroups("arrangement", t.by_arrangement, out);
  out << "\nAn agreement covering several client groups or arrangements counts in each, "
         "so a column may add up to more than the pooled total.\n";
}

}  // namespace

void AddToRegister(Register& reg, const FileResult& file) {
  reg.rows.push_back(RowOf(file));
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
  } else {
    return false;
  }
  return true;
}

std::vector<std::string_view> RegisterFormats() { return {"csv", "json", "markdown"}; }

}  // namespace s75

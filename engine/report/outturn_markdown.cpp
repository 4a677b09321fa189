// The outturn report as Markdown, for a board paper: a table per pool in the
// columns of outturn.md's worked example.
#include <string>
#include <vector>

#include "report/markdown_reporter.h"
#include "report/money.h"
#include "report/outturn_words.h"
#include "report/outturn_writers.h"

namespace s75 {

namespace {

std::string Esc(const std::string& text) { return MarkdownEscape(text); }

void Row(const std::vector<std::string>& cells, std::ostream& out) {
  out << "|";
  for (const std::string& c : cells) {
    out << " " << c << " |";
  }
  out << "\n";
}

// A header row, the first column left-aligned and the others right-aligned.
void Header(const std::vector<std::string>& names, std::ostream& out) {
  Row(names, out);
  out << "| --- |";
  for (size_t i = 1; i < names.size(); ++i) {
    out << " ---: |";
  }
  out << "\n";
}

std::string Heading(const std::string& path, const std::string& fund) {
  return "## " + Esc(path) + (fund.empty() ? "" : " — fund " + Esc(fund)) + "\n\n";
}

std::string CannotText(const CannotAllocate& c) {
  return "**Cannot allocate** (" + c.rule + " at `" + c.where.ToString() + "`, `" + c.path +
         "`): " + Esc(c.message) + "\n\n";
}

// The partners' table: who, on what basis, the host's first part and the
// rest where there is one, and what each pays or receives; then the total.
void WritePartsTable(const Allocation& a, std::ostream& out) {
  bool basis = !BasisName(a).empty();
  bool first = a.approach == "host_first_then_proportional";
  std::vector<std::string> names = {"partner"};
  if (basis) {
    names.emplace_back(BasisName(a));
  }
  if (first) {
    names.insert(names.end(), {"first " + PenceText(a.host_first), "rest, proportional"});
  }
  names.emplace_back(Verb(a));
  Header(names, out);
  Decimal basis_sum;
  Decimal first_sum;
  for (const PartnerPart& p : a.parts) {
    std::string who = Esc(p.partner.name.empty() ? p.partner.id : p.partner.name);
    std::vector<std::string> cells = {who + (p.partner.id == a.host ? " (host)" : "")};
    if (basis) {
      cells.push_back(BasisText(a, p.basis.value_or(Decimal())));
      basis_sum = basis_sum.Add(p.basis.value_or(Decimal())).value_or(basis_sum);
    }
    if (first) {
      cells.insert(cells.end(), {PenceText(p.first), PenceText(p.shared)});
      first_sum = first_sum.Add(p.first).value_or(first_sum);
    }
    cells.push_back(PenceText(p.total));
    Row(cells, out);
  }
  std::vector<std::string> total = {"total"};
  if (basis) {
    total.push_back(BasisText(a, basis_sum));
  }
  if (first) {
    total.insert(total.end(), {PenceText(first_sum), PenceText(a.shared)});
  }
  if (a.has_risk_amount) {
    std::vector<std::string> risk(total.size(), "");
    risk.front() = "met from the risk fund";
    risk.push_back(PenceText(a.from_risk_fund));
    Row(risk, out);
  }
  total.push_back(PenceText(a.amount));
  Row(total, out);
  out << "\n";
}

// "Approach `proportional` (`finance.overspend`, line 12): what it does."
std::string ApproachText(const Allocation& a) {
  if (a.balance == Balance::kOnBudget) {
    return Esc(ApproachWords(a)) + ".\n\n";
  }
  return "Approach `" + a.approach + "` (`" + a.path + "`, line " + std::to_string(a.at.line) +
         "): " + Esc(ApproachWords(a)) + ".\n\n";
}

void WriteFund(const std::string& path, const FundOutturn& f, std::ostream& out) {
  out << Heading(path, f.fund) << "**" << Esc(SpendLabel(f)) << "**";
  if (f.variance_known) {
    out << ": spend " << PenceText(f.spend) << " against a budget of " << PenceText(f.budget)
        << ": **" << VarianceWords(f.variance) << "**";
  }
  out << ".\n\n";
  if (f.cannot) {
    out << CannotText(*f.cannot);
    return;
  }
  const Allocation& a = *f.allocation;
  out << ApproachText(a);
  if (!a.parts.empty()) {
    WritePartsTable(a, out);
  }
}

void WriteScenarios(const std::string& path, const FundScenarios& s, std::ostream& out) {
  out << Heading(path, s.fund);
  if (s.no_money) {
    out << Esc(NoMoneyWords()) << ".\n\n";
    return;
  }
  if (s.cannot) {
    out << "Overspend scenarios: " << CannotText(*s.cannot);
    return;
  }
  const Allocation& first = s.rows.front().allocation;
  out << "Overspend scenarios against a budget of " << PenceText(s.budget)
      << (s.year ? " (" + s.year->ToString() + ")" : "") << ". " << ApproachText(first);
  std::vector<std::string> names = {"scenario", "overspend"};
  if (first.has_risk_amount) {
    names.emplace_back("met from the risk fund");
  }
  for (const PartnerPart& p : first.parts) {
    names.push_back(Esc(p.partner.name.empty() ? p.partner.id : p.partner.name));
  }
  Header(names, out);
  for (const Scenario& row : s.rows) {
    std::vector<std::string> cells = {Esc(ScenarioWords(row.label)),
                                      PenceText(row.allocation.amount)};
    if (first.has_risk_amount) {
      cells.push_back(PenceText(row.allocation.from_risk_fund));
    }
    for (const PartnerPart& p : row.allocation.parts) {
      cells.push_back(PenceText(p.total));
    }
    Row(cells, out);
  }
  out << "\n";
}

void WriteTotals(const OutturnTotals& t, std::ostream& out) {
  out << "## Totals\n\n";
  Header({"pools", "count"}, out);
  for (const auto& [name, n] : {std::pair{"overspent", t.overspent},
                                {"underspent", t.underspent},
                                {"on budget", t.on_budget},
                                {"no outturn recorded", t.no_outturn},
                                {"cannot be allocated", t.cannot_allocate}}) {
    Row({name, std::to_string(n)}, out);
  }
  out << "\n"
      << t.agreements << " agreements, " << t.unreadable << " of them unreadable and "
      << t.usage_errors << " not fitting the options.\n\n";
  Header({"partners", "pay", "receive"}, out);
  for (PartnerGroup g : kPartnerGroups) {
    auto i = static_cast<size_t>(g);
    Row({std::string(GroupName(g)), TotalText(t, t.pays[i]), TotalText(t, t.receives[i])}, out);
  }
  out << "\nMet from risk funds: " << TotalText(t, t.from_risk_funds)
      << ". Carried forward: " << TotalText(t, t.carried_forward) << ".\n";
}

void WriteAgreement(const OutturnReport& report, const AgreementOutturn& a, std::ostream& out) {
  if (!a.unreadable.empty() || !a.usage_error.empty()) {
    out << Heading(a.path, "") << Esc(a.unreadable.empty() ? a.usage_error : a.unreadable)
        << "\n\n";
    return;
  }
  for (const FundOutturn& f : a.funds) {
    WriteFund(a.path, f, out);
  }
  for (const FundScenarios& s : a.scenarios) {
    WriteScenarios(a.path, s, out);
  }
  for (const std::string& fund : report.sweep ? std::vector<std::string>{} : a.without_outturn) {
    out << Heading(a.path, fund) << "No outturn recorded"
        << (report.year ? " for " + report.year->ToString() : "") << ".\n\n";
  }
}

class MarkdownWriter final : public OutturnWriter {
 public:
  void Begin(const OutturnReport& report, std::ostream& out) override {
    out << "# " << (report.scenarios ? "Overspend scenarios" : "Outturn") << "\n\nAs of "
        << report.as_of.ToLongString() << "; s75check " << Esc(report.tool_version) << ".\n\n";
  }
  void Agreement(const OutturnReport& report, const AgreementOutturn& a,
                 std::ostream& out) override {
    WriteAgreement(report, a, out);
  }
  void End(const OutturnReport& report, std::ostream& out) override {
    if (report.sweep && !report.scenarios) {
      WriteTotals(report.totals, out);
    }
  }
};

}  // namespace

std::unique_ptr<OutturnWriter> MakeOutturnMarkdownWriter() {
  return std::make_unique<MarkdownWriter>();
}

}  // namespace s75

// The outturn report as text, for a terminal.
#include <algorithm>
#include <string>
#include <vector>

#include "report/money.h"
#include "report/outturn_words.h"
#include "report/outturn_writers.h"

namespace s75 {

namespace {

// The characters of UTF-8 text, for lining up columns.
size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string PadRight(const std::string& text, size_t width) {
  return text + std::string(width - std::min(width, Width(text)), ' ');
}

std::string PadLeft(const std::string& text, size_t width) {
  return std::string(width - std::min(width, Width(text)), ' ') + text;
}

// Rows of cells as columns two spaces apart, indented two; columns from
// `first_number` on are right-aligned.
void WriteColumns(const std::vector<std::vector<std::string>>& rows, size_t first_number,
                  std::ostream& out) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t i = 0; i < row.size(); ++i) {
      line += " " + (i >= first_number ? PadLeft(row[i], widths[i]) : PadRight(row[i], widths[i]));
      line += i + 1 < row.size() ? " " : "";
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
}

// "path" or "path: fund 'x'".
std::string Heading(const std::string& path, const std::string& fund) {
  return fund.empty() ? path : path + ": fund '" + fund + "'";
}

// "  approach A (finance.overspend, line 161): what it does".
std::string ApproachLine(const Allocation& a) {
  if (a.balance == Balance::kOnBudget) {
    return "  " + ApproachWords(a) + "\n";
  }
  return "  approach " + a.approach + " (" + a.path + ", line " + std::to_string(a.at.line) +
         "): " + ApproachWords(a) + "\n";
}

// The partners' lines: id, name, what each pays or receives and why.
void WritePartsText(const Allocation& a, std::ostream& out) {
  size_t id_width = 0;
  size_t name_width = 0;
  size_t amount_width = 0;
  for (const PartnerPart& p : a.parts) {
    id_width = std::max(id_width, Width(p.partner.id));
    name_width = std::max(name_width, Width(p.partner.name));
    amount_width = std::max(amount_width, Width(PenceText(p.total)));
  }
  if (a.has_risk_amount) {
    out << "  met from the risk fund: " << PenceText(a.from_risk_fund) << "\n";
  }
  for (const PartnerPart& p : a.parts) {
    std::string detail = PartDetail(a, p);
    out << "  " << PadRight(p.partner.id, id_width + 2) << PadRight(p.partner.name, name_width + 4)
        << Verb(a) << " " << PadLeft(PenceText(p.total), amount_width)
        << (detail.empty() ? "" : "  (" + detail + ")") << "\n";
  }
}

// " of fund 'ccg-pool'", or "" for a format 1 agreement's one fund.
std::string OfFund(const std::string& fund) { return fund.empty() ? "" : " of" + FundLabel(fund); }

// What the agreement does not say, where, and the rule that says it.
std::string CannotText(const CannotAllocate& c) { return c.where.ToString() + ": cannot allocate"; }

// "the 2005/06 forecast, overspend £740,000.00", or the spend alone
// when the budget, and so the variance, is not known.
std::string WhatCannot(const FundOutturn& f) {
  std::string what = "the " + SpendLabel(f);
  return f.variance_known && !f.variance.IsZero() ? what + ", " + VarianceWords(f.variance) : what;
}

void WriteFundText(const std::string& path, const FundOutturn& f, std::ostream& out) {
  if (f.cannot) {
    out << CannotText(*f.cannot) << " " << WhatCannot(f) << OfFund(f.fund) << ": "
        << f.cannot->message << " [" << f.cannot->rule << "]\n";
    return;
  }
  const Allocation& a = *f.allocation;
  out << Heading(path, f.fund) << ": " << SpendLabel(f) << ": spend " << PenceText(f.spend)
      << " against a budget of " << PenceText(f.budget) << ": " << VarianceWords(f.variance) << "\n"
      << ApproachLine(a);
  WritePartsText(a, out);
}

void WriteScenariosText(const std::string& path, const FundScenarios& s, std::ostream& out) {
  if (s.no_money) {
    out << Heading(path, s.fund) << ": " << NoMoneyWords() << "\n";
    return;
  }
  if (s.cannot) {
    out << CannotText(*s.cannot) << " the overspend scenarios" << OfFund(s.fund) << ": "
        << s.cannot->message << " [" << s.cannot->rule << "]\n";
    return;
  }
  out << Heading(path, s.fund) << ": overspend scenarios against a budget of "
      << PenceText(s.budget) << (s.year ? " (" + s.year->ToString() + ")" : "") << "\n"
      << ApproachLine(s.rows.front().allocation);
  const Allocation& first = s.rows.front().allocation;
  std::vector<std::vector<std::string>> rows = {{"", "overspend"}};
  if (first.has_risk_amount) {
    rows[0].emplace_back("risk fund");
  }
  for (const PartnerPart& p : first.parts) {
    rows[0].push_back(p.partner.id);
  }
  for (const Scenario& row : s.rows) {
    rows.push_back({ScenarioWords(row.label), PenceText(row.allocation.amount)});
    if (first.has_risk_amount) {
      rows.back().push_back(PenceText(row.allocation.from_risk_fund));
    }
    for (const PartnerPart& p : row.allocation.parts) {
      rows.back().push_back(PenceText(p.total));
    }
  }
  WriteColumns(rows, 1, out);
}

void WriteAgreementText(const OutturnReport& report, const AgreementOutturn& a, std::ostream& out) {
  if (!a.unreadable.empty() || !a.usage_error.empty()) {
    out << (a.unreadable.empty() ? a.path + ": " + a.usage_error : a.unreadable) << "\n";
    return;
  }
  for (const FundOutturn& f : a.funds) {
    WriteFundText(a.path, f, out);
  }
  for (const FundScenarios& s : a.scenarios) {
    WriteScenariosText(a.path, s, out);
  }
  for (const std::string& fund : report.sweep ? std::vector<std::string>{} : a.without_outturn) {
    out << Heading(a.path, fund) << ": no outturn recorded"
        << (report.year ? " for " + report.year->ToString() : "")
        << ": give --spend AMOUNT, or record the spend under "
        << (fund.empty() ? "finance.outturns" : "the fund's outturns") << "\n";
  }
}

void WriteTotalsText(const OutturnTotals& t, std::ostream& out) {
  out << "\n"
      << t.agreements << (t.agreements == 1 ? " agreement: " : " agreements: ") << t.overspent
      << (t.overspent == 1 ? " pool" : " pools") << " overspent, " << t.underspent
      << " underspent, " << t.on_budget << " on budget, " << t.no_outturn
      << " with no outturn recorded, " << t.cannot_allocate << " that cannot be allocated";
  if (t.unreadable + t.usage_errors > 0) {
    out << "; " << t.unreadable << " unreadable, " << t.usage_errors << " not fitting the options";
  }
  out << "\n";
  std::vector<std::vector<std::string>> rows;
  for (PartnerGroup g : kPartnerGroups) {
    auto i = static_cast<size_t>(g);
    rows.push_back({std::string(GroupName(g)), "pay", TotalText(t, t.pays[i]), "receive",
                    TotalText(t, t.receives[i])});
  }
  WriteColumns(rows, 2, out);
  out << "  met from risk funds " << TotalText(t, t.from_risk_funds) << "; carried forward "
      << TotalText(t, t.carried_forward) << "\n";
}

class TextWriter final : public OutturnWriter {
 public:
  void Agreement(const OutturnReport& report, const AgreementOutturn& a,
                 std::ostream& out) override {
    WriteAgreementText(report, a, out);
  }
  void End(const OutturnReport& report, std::ostream& out) override {
    if (report.sweep && !report.scenarios) {
      WriteTotalsText(report.totals, out);
    }
  }
};

}  // namespace

std::unique_ptr<OutturnWriter> MakeOutturnTextWriter() { return std::make_unique<TextWriter>(); }

}  // namespace s75

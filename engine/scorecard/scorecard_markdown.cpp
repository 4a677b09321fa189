// The scorecard as Markdown: the portfolio table, then per agreement a table
// per domain and the outcomes' notes.
#include <algorithm>

#include "report/markdown_reporter.h"
#include "scorecard/scorecard_report.h"

namespace s75 {

namespace {

std::string Cell(const std::string& text) { return text.empty() ? "" : MarkdownEscape(text); }

std::string ScoreCell(const std::optional<Decimal>& score) {
  return score ? score->ToString(kScorePlaces) : "—";
}

std::optional<Decimal> DomainOf(const AgreementCard& a, std::string_view domain, bool& any) {
  for (const DomainScore& d : a.domains) {
    if (d.domain == domain) {
      any = true;
      return d.score;
    }
  }
  any = false;
  return std::nullopt;
}

void PortfolioTable(const Portfolio& p, std::ostream& out) {
  out << "| agreement | overall |";
  for (std::string_view domain : kScorecardDomains) {
    out << " " << DomainTitle(domain) << " |";
  }
  out << " outcomes |\n|---|---|---|---|---|---|---|---|\n";
  for (const AgreementCard& a : p.agreements) {
    out << "| " << Cell(a.agreement_id.empty() ? a.path : a.agreement_id) << " | ";
    if (!a.readable) {
      out << "unreadable | | | | | | " << Cell(a.path) << " |\n";
      continue;
    }
    out << ScoreCell(a.score) << " |";
    for (std::string_view domain : kScorecardDomains) {
      bool any = false;
      std::optional<Decimal> score = DomainOf(a, domain, any);
      out << " " << (any ? ScoreCell(score) : "") << " |";
    }
    out << " " << CountsText(a.counts) << " |\n";
  }
}

// Whether any outcome of `a` is named by a scheme: its tables then say which.
bool NamesSchemes(const AgreementCard& a) {
  return std::any_of(a.outcomes.begin(), a.outcomes.end(),
                     [](const OutcomeCard& o) { return !o.schemes.empty(); });
}

void DomainTable(const AgreementCard& a, const DomainScore& d, std::ostream& out) {
  bool schemes = NamesSchemes(a);
  out << "### " << DomainTitle(d.domain) << " (score " << ScoreCell(d.score) << ")\n\n"
      << "| outcome | description | indicator | baseline | target | latest | forecast | status "
         "| trend |"
      << (schemes ? " schemes |" : "") << "\n|---|---|---|---|---|---|---|---|---|"
      << (schemes ? "---|" : "") << "\n";
  for (const OutcomeCard& o : a.outcomes) {
    if (o.domain != d.domain) {
      continue;
    }
    out << "| " << Cell(o.id) << " | " << Cell(Shortened(o.description, 60)) << " | "
        << Cell(o.indicator) << " | " << Cell(BaselineText(o)) << " | " << Cell(TargetText(o))
        << " | " << Cell(LatestText(o)) << " | " << Cell(Figure(o.forecast)) << " | **"
        << Cell(StatusText(o)) << "** | " << TrendWord(o.trend) << " |"
        << (schemes ? " " + Cell(SchemesText(o)) + " |" : "") << "\n";
  }
  out << "\n";
}

void AgreementSection(const AgreementCard& a, std::ostream& out) {
  out << "## " << Cell(a.agreement_id.empty() ? a.path : a.agreement_id)
      << (a.title.empty() ? "" : " — " + Cell(a.title)) << "\n\n";
  if (!a.readable) {
    out << "`" << a.path << "` cannot be read: " << Cell(a.unreadable) << "\n\n";
    return;
  }
  out << "`" << a.path << "`: overall score " << ScoreCell(a.score) << "; " << CountsText(a.counts)
      << "; service users and carers hold " << ScoreCell(a.users_and_carers_share)
      << " of the weight.\n\n";
  for (const DomainScore& d : a.domains) {
    DomainTable(a, d, out);
  }
  bool any = false;
  for (const OutcomeCard& o : a.outcomes) {
    if (!o.note.empty()) {
      out << (any ? "" : "Notes:\n\n") << "- " << Cell(NoteLine(a, o)) << "\n";
      any = true;
    }
  }
  out << (any ? "\n" : "");
}

}  // namespace

void WriteScorecardMarkdown(const Portfolio& p, std::ostream& out) {
  out << "# Outcomes scorecard\n\nAs of " << p.as_of.ToString() << ": " << p.agreements.size()
      << (p.agreements.size() == 1 ? " agreement" : " agreements")
      << (p.unreadable > 0 ? " (" + std::to_string(p.unreadable) + " unreadable)" : "") << "; "
      << CountsText(p.counts)
      << ". Scores: green or met 1, amber 0.5, red or missed 0, weighted; lowest first.\n\n";
  PortfolioTable(p, out);
  out << "\n";
  for (const AgreementCard& a : p.agreements) {
    AgreementSection(a, out);
  }
}

}  // namespace s75

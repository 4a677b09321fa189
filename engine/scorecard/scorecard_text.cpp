// The scorecard as text, and the phrases the other formats share.
#include "scorecard/scorecard_report.h"

namespace s75 {

std::string Figure(const std::optional<Decimal>& d) { return d ? d->ToString() : ""; }

std::string Shortened(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) {
    return text;
  }
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // never split a UTF-8 character
  }
  return text.substr(0, cut) + "…";
}

std::string NoteLine(const AgreementCard& a, const OutcomeCard& o) {
  return a.path + ":" + std::to_string(o.note_line) + ":" + std::to_string(o.note_column) +
         ": outcome " + (o.id.empty() ? "(no id)" : o.id) + ": " + o.note;
}

std::string BaselineText(const OutcomeCard& o) {
  if (!o.baseline) {
    return "";
  }
  return o.baseline->ToString() + (o.baseline_period.empty() ? "" : " (" + o.baseline_period + ")");
}

std::string TargetText(const OutcomeCard& o) {
  if (!o.target) {
    return "";
  }
  return o.target->ToString() + (o.target_by ? " by " + o.target_by->ToString() : "");
}

std::string LatestText(const OutcomeCard& o) {
  const Point* latest = o.Latest();
  return latest == nullptr ? "" : latest->value.ToString() + " at " + latest->date.ToString();
}

std::string SchemesText(const OutcomeCard& o) {
  std::string out;
  for (const std::string& s : o.schemes) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

std::string StatusText(const OutcomeCard& o) {
  std::string word(StatusWord(o.status));
  switch (o.status) {
    case Status::kAmber:
    case Status::kRed:
      return word + " (misses by " + Figure(o.miss) + "; tolerance " + Figure(o.tolerance) + ")";
    case Status::kMet:
      return word + " (" + o.outturn->value.ToString() + " at " + o.outturn->date.ToString() + ")";
    case Status::kMissed:
      return word + " by " + Figure(o.miss) + " (" + o.outturn->value.ToString() + " at " +
             o.outturn->date.ToString() + ")";
    default:
      return word;
  }
}

std::string CountsText(const std::array<int, kStatusCount>& counts) {
  std::string out;
  for (size_t i = 0; i < kStatusCount; ++i) {
    if (counts[i] > 0) {
      out += (out.empty() ? "" : ", ") + std::to_string(counts[i]) + " " +
             std::string(StatusWord(static_cast<Status>(i)));
    }
  }
  return out.empty() ? "no outcomes" : out;
}

namespace {

std::string Field(std::string_view label, const std::string& value) {
  return value.empty() ? "" : " | " + std::string(label) + value;
}

void OutcomeLine(const AgreementCard& a, const OutcomeCard& o, std::ostream& out) {
  out << "    " << (o.id.empty() ? "(no id)" : o.id) << Field("", Shortened(o.description, 40))
      << Field("", o.indicator) << Field("baseline ", BaselineText(o))
      << Field("target ", TargetText(o)) << Field("latest ", LatestText(o))
      << Field("forecast ", Figure(o.forecast)) << " | " << StatusText(o)
      << Field("", std::string(TrendWord(o.trend))) << Field("schemes ", SchemesText(o)) << "\n";
  if (!o.note.empty()) {
    out << "      " << NoteLine(a, o) << "\n";
  }
}

std::string ScoreText(const std::optional<Decimal>& score) {
  return score ? score->ToString(kScorePlaces) : "not scored";
}

void AgreementText(const AgreementCard& a, std::ostream& out) {
  if (!a.readable) {
    out << a.path << ": cannot be read: " << a.unreadable << "\n";
    return;
  }
  out << a.path << ": " << (a.agreement_id.empty() ? "(no id)" : a.agreement_id)
      << (a.title.empty() ? "" : " " + a.title) << "\n";
  for (const DomainScore& d : a.domains) {
    out << "  " << DomainTitle(d.domain) << "\n";
    for (const OutcomeCard& o : a.outcomes) {
      if (o.domain == d.domain) {
        OutcomeLine(a, o, out);
      }
    }
  }
  out << "  scores:";
  for (const DomainScore& d : a.domains) {
    out << " " << DomainTitle(d.domain) << " " << ScoreText(d.score) << ";";
  }
  out << " overall " << ScoreText(a.score) << "\n";
  out << "  outcomes: " << CountsText(a.counts) << "; service users and carers hold "
      << (a.users_and_carers_share ? a.users_and_carers_share->ToString(kScorePlaces) : "none")
      << " of the weight\n";
}

}  // namespace

void WriteScorecardText(const Portfolio& p, std::ostream& out) {
  for (const AgreementCard& a : p.agreements) {
    AgreementText(a, out);
  }
  out << "scorecard as of " << p.as_of.ToString() << ": " << p.agreements.size()
      << (p.agreements.size() == 1 ? " agreement" : " agreements")
      << (p.unreadable > 0 ? " (" + std::to_string(p.unreadable) + " unreadable)" : "") << "; "
      << CountsText(p.counts) << "\n";
}

}  // namespace s75

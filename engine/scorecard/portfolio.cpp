// The scorecard's words, an agreement's outcomes and scores, the portfolio.
#include <algorithm>
#include <map>
#include <utility>

#include "scorecard/scorecard.h"

namespace s75 {

std::string_view StatusWord(Status s) {
  static constexpr std::array<std::string_view, kStatusCount> kWords = {
      "green",           "amber",           "red",      "met", "missed", "no data",
      "too little data", "due, no outturn", "not rated"};
  return kWords[static_cast<size_t>(s)];
}

std::string_view TrendWord(Trend t) {
  static constexpr std::array<std::string_view, 4> kWords = {"", "improving", "worsening", "flat"};
  return kWords[static_cast<size_t>(t)];
}

std::optional<Decimal> StatusScore(Status s) {
  switch (s) {
    case Status::kGreen:
    case Status::kMet:
      return Decimal::FromInt(1);
    case Status::kAmber:
      return Decimal::Parse("0.5");
    case Status::kRed:
    case Status::kMissed:
      return Decimal();
    default:
      return std::nullopt;
  }
}

std::string_view DomainTitle(std::string_view domain) {
  if (domain == "users_and_carers") {
    return "Service users and carers";
  }
  if (domain == "processes") {
    return "Internal business processes";
  }
  if (domain == "resources") {
    return "Resources";
  }
  if (domain == "learning_and_growth") {
    return "Learning and growth";
  }
  return "No domain";
}

namespace {

// Format 2: outcome id -> the ids of the schemes (of any fund) that name it.
std::map<std::string, std::vector<std::string>> SchemesByOutcome(const Node* root) {
  std::map<std::string, std::vector<std::string>> by_outcome;
  const Node* funds = FieldOf(root, "funds");
  for (const Node* fund : funds == nullptr ? std::vector<Node*>{} : funds->items) {
    const Node* schemes = FieldOf(fund, "schemes");
    for (const Node* scheme : schemes == nullptr ? std::vector<Node*>{} : schemes->items) {
      const Node* id = FieldOf(scheme, "id");
      const Node* outcomes = FieldOf(scheme, "outcomes");
      for (const Node* o : outcomes == nullptr ? std::vector<Node*>{} : outcomes->items) {
        std::vector<std::string>& named = by_outcome[o->text];
        if (id != nullptr && std::find(named.begin(), named.end(), id->text) == named.end()) {
          named.push_back(id->text);
        }
      }
    }
  }
  return by_outcome;
}

// Σ weight × score / Σ weight over the scored outcomes of `domain` (every
// outcome when `all`).
DomainScore ScoreOf(const std::vector<OutcomeCard>& outcomes, std::string_view domain, bool all) {
  DomainScore d;
  d.domain = std::string(domain);
  Decimal weighted;
  for (const OutcomeCard& o : outcomes) {
    if (!all && o.domain != domain) {
      continue;
    }
    ++d.outcomes;
    if (std::optional<Decimal> score = StatusScore(o.status)) {
      d.weight = d.weight.Add(o.weight).value_or(d.weight);
      weighted = weighted.Add(o.weight.Mul(*score).value_or(Decimal())).value_or(weighted);
    }
  }
  if (!d.weight.IsZero()) {
    d.score = weighted.DivRounded(d.weight, kScorePlaces);
  }
  return d;
}

}  // namespace

AgreementCard ScoreAgreement(const Document& doc, Date as_of) {
  AgreementCard card;
  card.path = doc.file;
  card.readable = true;
  const Node* agreement = FieldOf(doc.root, "agreement");
  if (const Node* id = FieldOf(agreement, "id")) {
    card.agreement_id = id->text;
  }
  if (const Node* title = FieldOf(agreement, "title")) {
    card.title = title->text;
  }
  std::map<std::string, std::vector<std::string>> schemes = SchemesByOutcome(doc.root);
  const Node* outcomes = FieldOf(doc.root, "outcomes");
  for (const Node* o : outcomes == nullptr ? std::vector<Node*>{} : outcomes->items) {
    OutcomeCard c = ScoreOutcome(*o, as_of);
    if (auto it = schemes.find(c.id); it != schemes.end()) {
      c.schemes = it->second;
    }
    card.outcomes.push_back(std::move(c));
  }
  ScoreDomains(card);
  return card;
}

void ScoreDomains(AgreementCard& card) {
  card.domains.clear();
  card.counts = {};
  Decimal total;
  Decimal users;
  for (const OutcomeCard& o : card.outcomes) {
    ++card.counts[static_cast<size_t>(o.status)];
    total = total.Add(o.weight).value_or(total);
    if (o.domain == "users_and_carers") {
      users = users.Add(o.weight).value_or(users);
    }
  }
  for (std::string_view domain : kScorecardDomains) {
    DomainScore d = ScoreOf(card.outcomes, domain, false);
    if (d.outcomes > 0) {
      card.domains.push_back(std::move(d));
    }
  }
  card.score = ScoreOf(card.outcomes, "", true).score;
  card.users_and_carers_share =
      total.IsZero() ? std::nullopt : users.DivRounded(total, kScorePlaces);
}

void AddToPortfolio(Portfolio& portfolio, AgreementCard card) {
  for (size_t i = 0; i < kStatusCount; ++i) {
    portfolio.counts[i] += card.counts[i];
  }
  portfolio.unreadable += card.readable ? 0 : 1;
  portfolio.agreements.push_back(std::move(card));
}

void SortPortfolio(Portfolio& portfolio) {
  // Lowest overall score first (the agreements most off track), then those
  // with no score, then the unreadable; ties in path order.
  auto rank = [](const AgreementCard& a) { return !a.readable ? 2 : a.score ? 0 : 1; };
  std::stable_sort(portfolio.agreements.begin(), portfolio.agreements.end(),
                   [&](const AgreementCard& a, const AgreementCard& b) {
                     if (rank(a) != rank(b)) {
                       return rank(a) < rank(b);
                     }
                     if (rank(a) == 0 && *a.score != *b.score) {
                       return *a.score < *b.score;
                     }
                     return a.path < b.path;
                   });
}

}  // namespace s75

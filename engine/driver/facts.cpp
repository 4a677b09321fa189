#include "driver/facts.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "common/join.h"
#include "outturn/outturn.h"
#include "scorecard/scorecard.h"

namespace s75 {

namespace {

// The node at a dotted path of fields, or null.
const Node* At(const Node* node, std::initializer_list<std::string_view> path) {
  for (std::string_view name : path) {
    node = FieldOf(node, name);
  }
  return node;
}

// A valid scalar's text, or "".
std::string Text(const Node* node) {
  return node && node->kind == NodeKind::kScalar && !node->invalid ? node->text : "";
}

template <typename T>
std::optional<T> Typed(const Node* node) {
  if (node && !node->invalid && std::holds_alternative<T>(node->typed)) {
    return std::get<T>(node->typed);
  }
  return std::nullopt;
}

// The valid scalar items of a list.
std::vector<std::string> Texts(const Node* list) {
  std::vector<std::string> out;
  if (list && list->kind == NodeKind::kSeq && !list->invalid) {
    for (const Node* item : list->items) {
      if (std::string t = Text(item); !t.empty()) {
        out.push_back(std::move(t));
      }
    }
  }
  return out;
}

std::vector<const Node*> Items(const Node* list) {
  if (list && list->kind == NodeKind::kSeq && !list->invalid) {
    return {list->items.begin(), list->items.end()};
  }
  return {};
}

std::vector<PartnerFacts> Partners(const Node* root) {
  std::vector<PartnerFacts> out;
  for (const Node* p : Items(FieldOf(root, "partners"))) {
    out.push_back({Text(FieldOf(p, "id")), Text(FieldOf(p, "name")), Text(FieldOf(p, "kind")),
                   Text(FieldOf(p, "role")),
                   Typed<Date>(At(p, {"signatory", "signed_on"})).has_value()});
  }
  return out;
}

// Adds `amount` to `sum` (absent: nothing yet); false when the sum would go
// beyond Decimal's range.
bool AddTo(std::optional<Decimal>& sum, const Decimal& amount) {
  std::optional<Decimal> next = sum ? sum->Add(amount) : amount;
  if (!next) {
    return false;
  }
  sum = next;
  return true;
}

// The sums of a fund's valid contribution amounts: in all, of revenue (the
// default type) and of capital; for a fund with per-year contributions, of
// the latest year named (and those naming none), as `pool_total` is one
// year's. All absent when a sum goes beyond range: better absent than wrong.
struct ContributionSums {
  std::optional<Decimal> all;
  std::optional<Decimal> revenue;
  std::optional<Decimal> capital;
  std::optional<FinancialYear> year;  // the latest year named, if any
};

ContributionSums SumContributions(const Node* contributions) {
  ContributionSums out;
  for (const Node* c : Items(contributions)) {
    std::optional<FinancialYear> year = Typed<FinancialYear>(FieldOf(c, "year"));
    out.year = year && (!out.year || *out.year < *year) ? year : out.year;
  }
  for (const Node* c : Items(contributions)) {
    std::optional<Decimal> amount = Typed<Decimal>(FieldOf(c, "amount"));
    std::optional<FinancialYear> year = Typed<FinancialYear>(FieldOf(c, "year"));
    if (!amount || (year && *year != *out.year)) {
      continue;
    }
    bool capital = Text(FieldOf(c, "type")) == "capital";
    if (!AddTo(out.all, *amount) || !AddTo(capital ? out.capital : out.revenue, *amount)) {
      return {};
    }
  }
  return out;
}

// A fund of the model: a format 2 fund, or a format 1 file's one fund.
FundFacts ReadFund(const Node* fund, const AgreementFacts& facts,
                   const std::vector<std::string>& scope_groups) {
  FundFacts f;
  f.id = facts.version == 1 ? "main" : Text(FieldOf(fund, "id"));
  f.name = Text(FieldOf(fund, "name"));
  f.arrangement = Text(FieldOf(fund, "arrangement"));
  f.host = Text(FieldOf(fund, "host"));
  f.pooled = f.arrangement == "pooled_fund" || Typed<bool>(FieldOf(fund, "pooled")).value_or(false);
  if (facts.version == 1) {
    f.tallied_arrangements = facts.arrangements;  // the fund stands for the whole agreement
  } else if (!f.arrangement.empty()) {
    f.tallied_arrangements = {f.arrangement};
  }
  std::vector<std::string> own = Texts(FieldOf(fund, "client_groups"));
  f.tallied_client_groups = own.empty() ? scope_groups : own;
  ContributionSums sums = SumContributions(FieldOf(fund, "contributions"));
  f.pool_total = Typed<Decimal>(FieldOf(fund, "pool_total"));
  if (!f.pool_total) {
    f.pool_total = sums.all;
    f.pool_from_contributions = sums.all.has_value();
  }
  f.revenue = sums.revenue;
  f.capital = sums.capital;
  f.year = sums.year ? sums.year->ToString() : Text(FieldOf(fund, "year"));
  return f;
}

// The funds, and the agreement's sums of their money (absent when none is
// stated, or a sum goes beyond range).
void ReadFunds(const Node* root, AgreementFacts& facts) {
  std::vector<std::string> scope_groups = facts.client_groups;
  bool in_range = true;
  for (const Node* node : Items(FieldOf(root, "funds"))) {
    FundFacts fund = ReadFund(node, facts, scope_groups);
    for (const std::string& group : fund.tallied_client_groups) {
      if (std::find(facts.client_groups.begin(), facts.client_groups.end(), group) ==
          facts.client_groups.end()) {
        facts.client_groups.push_back(group);
      }
    }
    facts.pool_from_contributions = facts.pool_from_contributions || fund.pool_from_contributions;
    for (auto [sum, amount] : {std::pair{&facts.pool_total, &fund.pool_total},
                               {&facts.revenue, &fund.revenue},
                               {&facts.capital, &fund.capital}}) {
      in_range = in_range && (!*amount || AddTo(*sum, **amount));
    }
    facts.funds.push_back(std::move(fund));
  }
  if (!in_range) {
    facts.pool_total = facts.revenue = facts.capital = std::nullopt;
    facts.pool_from_contributions = false;
  }
}

// Format 1: host.partner; format 2: the funds' hosts, each once. Else the
// partner whose role is host.
std::string Host(const Node* root, const AgreementFacts& facts) {
  std::vector<std::string> hosts;
  if (facts.version == 1) {
    hosts.push_back(Text(At(root, {"host", "partner"})));
  }
  for (const FundFacts& f : facts.version == 1 ? std::vector<FundFacts>{} : facts.funds) {
    if (std::find(hosts.begin(), hosts.end(), f.host) == hosts.end()) {
      hosts.push_back(f.host);
    }
  }
  std::erase(hosts, "");
  for (const PartnerFacts& p : facts.partners) {
    if (hosts.empty() && p.role == "host") {
      hosts.push_back(p.id);
    }
  }
  return Join(hosts, "; ");
}

// The expiry as the rules read it (rules/common.rules, `expiry`): none for a
// rolling term (one with `rolling.period_months`); else the latest extension's `to`, else
// term.expiry, else the commencement plus duration_months less a day.
void ReadTerm(const Node* term, AgreementFacts& facts) {
  facts.commencement = Typed<Date>(FieldOf(term, "commencement"));
  if (FieldOf(FieldOf(term, "rolling"), "period_months") != nullptr) {
    return;
  }
  for (const Node* extension : Items(FieldOf(term, "extensions"))) {
    std::optional<Date> to = Typed<Date>(FieldOf(extension, "to"));
    if (to && (!facts.expiry || *facts.expiry < *to)) {
      facts.expiry = to;
    }
  }
  if (!facts.expiry) {
    facts.expiry = Typed<Date>(FieldOf(term, "expiry"));
  }
  std::optional<Decimal> months = Typed<Decimal>(FieldOf(term, "duration_months"));
  if (!facts.expiry && facts.commencement && months && months->ToInt()) {
    facts.expiry = facts.commencement->Moved(*months->ToInt(), -1);  // nullopt past 9999
  }
}

// A fund's outturn whose spend was read ("outturn" is an entry that cannot be).
bool SpendRead(const FundOutturn& f) { return f.year && f.kind != "outturn"; }

// The latest year any fund's outturn is of, summed over the funds with an
// outturn of that year (whether or not it can be allocated); none when no
// fund records one (or a sum would go beyond range: better absent than wrong).
std::optional<OutturnFacts> LatestOutturn(const AgreementOutturn& outturn) {
  std::optional<FinancialYear> latest;
  for (const FundOutturn& f : outturn.funds) {
    if (SpendRead(f) && (!latest || *latest < *f.year)) {
      latest = f.year;
    }
  }
  if (!latest) {
    return std::nullopt;
  }
  OutturnFacts out{latest->ToString(), "", Decimal(), Decimal()};
  std::optional<Decimal> spend = Decimal();
  for (const FundOutturn& f : outturn.funds) {
    if (!SpendRead(f) || f.year != latest) {
      continue;
    }
    out.kind = out.kind.empty() || out.kind == f.kind ? f.kind : "actual and forecast";
    spend = spend ? spend->Add(f.spend) : spend;
    out.variance = out.variance && f.variance_known ? out.variance->Add(f.variance) : std::nullopt;
  }
  if (!spend) {
    return std::nullopt;
  }
  out.spend = *spend;
  return out;
}

// The outcomes of a scored card by red, amber, green and no data.
OutcomeCounts CountOutcomes(const AgreementCard& card) {
  auto n = [&card](Status s) { return card.counts[static_cast<size_t>(s)]; };
  OutcomeCounts out;
  out.red = n(Status::kRed) + n(Status::kMissed);
  out.amber = n(Status::kAmber);
  out.green = n(Status::kGreen) + n(Status::kMet);
  out.no_data = static_cast<int>(card.outcomes.size()) - out.red - out.amber - out.green;
  return out;
}

}  // namespace

void ReadFigures(const Document& doc, Date as_of, AgreementFacts& facts) {
  OutturnOptions options;
  options.as_of = as_of;
  facts.outturn = LatestOutturn(ComputeOutturn(doc, options));
  facts.outcomes = CountOutcomes(ScoreAgreement(doc, as_of));
}

AgreementFacts ReadFacts(const Document& doc) {
  AgreementFacts facts;
  const Node* root = doc.root;
  const Node* agreement = FieldOf(root, "agreement");
  facts.version = doc.version;
  facts.title = Text(FieldOf(agreement, "title"));
  facts.status = Text(FieldOf(agreement, "status"));
  facts.legal_basis = Text(FieldOf(agreement, "legal_basis"));
  facts.financial_model = Text(FieldOf(agreement, "financial_model"));
  facts.arrangements = Texts(FieldOf(agreement, "arrangements"));
  facts.client_groups = Texts(At(root, {"scope", "client_groups"}));
  facts.partners = Partners(root);
  ReadFunds(root, facts);
  facts.host = Host(root, facts);
  if (facts.version == 1 && !facts.funds.empty() && facts.funds[0].host.empty()) {
    facts.funds[0].host = facts.host;  // the partner whose role is host, as the register says
  }
  ReadTerm(FieldOf(root, "term"), facts);
  return facts;
}

}  // namespace s75

#include "outturn/terms.h"

#include <algorithm>
#include <variant>

#include "common/join.h"
#include "common/rule_ids.h"
#include "compile/placeholder.h"
#include "schema/format.h"

namespace s75 {

namespace {

// The text of a valid scalar, "" when absent or rejected by the loader.
std::string TextOf(const Node* n) {
  return n != nullptr && !n->invalid && n->kind == NodeKind::kScalar ? n->text : "";
}

// Where field `field` of `map` would be written: for a format 1 fund, the
// section it belongs in; else the mapping itself.
const Node* Home(const Node* map, std::string_view field) {
  int index = map->spec != nullptr ? map->spec->FieldIndex(field) : -1;
  return index >= 0 ? map->HomeOf(static_cast<size_t>(index)) : map;
}

// The fault of a value the loader rejected.
CannotAllocate Rejected(const Terms& t, const Node* n, std::string_view what) {
  return t.Fault(kDocWrongType, n,
                 "'" + n->text + "' (" + NodePath(n) + ") is not " + std::string(what) +
                     ": correct it as the DOC.04 finding of `s75check check` says");
}

// A money value written at `n` (present), or the loader's fault.
std::optional<CannotAllocate> ReadMoney(const Terms& t, const Node* n, Decimal& out) {
  const Decimal* d = n->invalid ? nullptr : std::get_if<Decimal>(&n->typed);
  if (d == nullptr) {
    return Rejected(t, n, "an amount of money");
  }
  out = *d;
  return std::nullopt;
}

// The contributions of `fund` that count for `year`: all of them, or for a
// fund with `years` those of that year.
std::optional<CannotAllocate> ContributionsFor(const Terms& t, const Node* fund,
                                               std::optional<FinancialYear> year,
                                               std::vector<const Node*>& out) {
  const Node* list = FieldOf(fund, "contributions");
  bool by_year = FieldOf(fund, "years") != nullptr;
  for (const Node* c : list != nullptr ? list->items : std::vector<Node*>{}) {
    const Node* y = FieldOf(c, "year");
    if (by_year && y != nullptr && y->invalid) {
      return Rejected(t, y, "a financial year");
    }
    const auto* fy = y != nullptr ? std::get_if<FinancialYear>(&y->typed) : nullptr;
    if (!by_year || (fy != nullptr && year && *fy == *year)) {
      out.push_back(c);
    }
  }
  return std::nullopt;
}

// The amount of contribution `c`, which the budget or a proportional
// approach needs.
std::optional<CannotAllocate> ContributionAmount(const Terms& t, const Node* fund, const Node* c,
                                                 Decimal& amount) {
  const Node* n = FieldOf(c, "amount");
  if (n == nullptr) {
    std::string who = TextOf(FieldOf(c, "partner"));
    return t.Fault(kRuleYearEnd, c,
                   "the contribution of '" + who + "' has no amount (" +
                       t.Key(fund, "contributions") + "[].amount): give its amount");
  }
  return ReadMoney(t, n, amount);
}

// The vocabulary of `side`'s approach in the format.
const std::vector<std::string>& Approaches(std::string_view side) {
  const FieldSpec& root = AgreementFormat();
  const FieldSpec& fund = *root.fields[static_cast<size_t>(root.FieldIndex("funds"))].element;
  const FieldSpec& mapping = fund.fields[static_cast<size_t>(fund.FieldIndex(side))];
  return mapping.fields[static_cast<size_t>(mapping.FieldIndex("approach"))].vocabulary;
}

// "host, proportional or risk_fund".
std::string OneOf(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return out;
}

}  // namespace

Terms::Terms(const Document& document) : doc(document) {
  const Node* list = FieldOf(doc.root, "partners");
  for (const Node* p : list != nullptr ? list->items : std::vector<Node*>{}) {
    std::string id = TextOf(FieldOf(p, "id"));
    if (!id.empty() && !PartnerIndex(id)) {
      partners.push_back({id, TextOf(FieldOf(p, "name")), TextOf(FieldOf(p, "kind"))});
    }
  }
}

std::optional<size_t> Terms::PartnerIndex(std::string_view id) const {
  for (size_t i = 0; i < partners.size(); ++i) {
    if (partners[i].id == id) {
      return i;
    }
  }
  return std::nullopt;
}

std::string Terms::Key(const Node* fund, std::string_view key) const {
  if (doc.version == 1) {
    return key == "host" ? "host.partner" : "finance." + std::string(key);
  }
  return "funds[" + FundId(fund) + "]." + std::string(key);
}

SourceRange Terms::Where(const Node* at) const {
  return {doc.file, at != nullptr ? at->line : 1, at != nullptr ? at->column : 1};
}

CannotAllocate Terms::Fault(std::string_view rule, const Node* at, std::string message) const {
  return {std::string(rule), Where(at), at != nullptr ? NodePath(at) : "", std::move(message)};
}

const Node* NodeAt(const Node* map, std::string_view key) {
  const Node* at = map;
  while (!key.empty()) {
    size_t dot = key.find('.');
    std::string_view field = key.substr(0, dot);
    const Node* next = FieldOf(at, field);
    if (next == nullptr) {
      return Home(at, field);
    }
    at = next;
    key = dot == std::string_view::npos ? std::string_view() : key.substr(dot + 1);
  }
  return at;
}

std::string FundId(const Node* fund) { return TextOf(FieldOf(fund, "id")); }

std::vector<FinancialYear> FundYears(const Node* fund) {
  std::vector<FinancialYear> out;
  const Node* years = FieldOf(fund, "years");
  for (const Node* y : years != nullptr ? years->items : std::vector<Node*>{}) {
    if (const auto* fy = std::get_if<FinancialYear>(&y->typed); fy != nullptr && !y->invalid) {
      out.push_back(*fy);
    }
  }
  const Node* year = FieldOf(fund, "year");
  if (years == nullptr && year != nullptr && !year->invalid) {
    if (const auto* fy = std::get_if<FinancialYear>(&year->typed)) {
      out.push_back(*fy);
    }
  }
  return out;
}

std::optional<CannotAllocate> ReadBudget(const Terms& t, const Node* fund,
                                         std::optional<FinancialYear> year, Decimal& budget) {
  if (const Node* years = FieldOf(fund, "years")) {
    std::vector<FinancialYear> listed = FundYears(fund);
    if (!year || std::find(listed.begin(), listed.end(), *year) == listed.end()) {
      std::vector<std::string> names;
      names.reserve(listed.size());
      for (FinancialYear y : listed) {
        names.push_back(y.ToString());
      }
      return t.Fault(kRuleYearEnd, years,
                     "the fund's figures are for " + Join(names, ", ") + " (" +
                         t.Key(fund, "years") + "), so it has no budget for " +
                         (year ? year->ToString() : "a spend of no year") +
                         ": give the year's contributions, or ask for one of those years");
    }
  }
  if (const Node* total = FieldOf(fund, "pool_total")) {
    return ReadMoney(t, total, budget);
  }
  std::vector<const Node*> list;
  if (auto fault = ContributionsFor(t, fund, year, list)) {
    return fault;
  }
  if (list.empty()) {
    return t.Fault(kRuleYearEnd, NodeAt(fund, "contributions"),
                   "the budget is not known: there is no pool total (" + t.Key(fund, "pool_total") +
                       ") and no contributions (" + t.Key(fund, "contributions") +
                       "): give each partner's contribution");
  }
  budget = Decimal();
  for (const Node* c : list) {
    Decimal amount;
    if (auto fault = ContributionAmount(t, fund, c, amount)) {
      return fault;
    }
    budget = budget.Add(amount).value_or(budget);
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ReadContributions(const Terms& t, const Node* fund,
                                                std::optional<FinancialYear> year,
                                                std::vector<Decimal>& weights) {
  std::vector<const Node*> list;
  if (auto fault = ContributionsFor(t, fund, year, list)) {
    return fault;
  }
  if (list.empty()) {
    return t.Fault(kRuleYearEnd, NodeAt(fund, "contributions"),
                   "no contributions are listed (" + t.Key(fund, "contributions") +
                       "), and the approach shares in proportion to them: list each partner's "
                       "contribution with its amount");
  }
  weights.assign(t.partners.size(), Decimal());
  for (const Node* c : list) {
    const Node* who = FieldOf(c, "partner");
    std::optional<size_t> i = t.PartnerIndex(TextOf(who));
    if (!i) {
      return t.Fault(kRuleContributor, who != nullptr ? who : c,
                     "a contribution is from '" + (who != nullptr ? who->text : "") + "' (" +
                         t.Key(fund, "contributions") +
                         "[].partner), which is not the id of any partner: give the id of the "
                         "partner that makes it");
    }
    Decimal amount;
    if (auto fault = ContributionAmount(t, fund, c, amount)) {
      return fault;
    }
    if (amount.IsNegative()) {
      return t.Fault(kRuleAmounts, FieldOf(c, "amount"),
                     "the contribution of '" + who->text + "' is " + amount.ToString() +
                         ": an amount must be more than zero");
    }
    weights[*i] = weights[*i].Add(amount).value_or(weights[*i]);
  }
  if (std::all_of(weights.begin(), weights.end(), [](const Decimal& w) { return w.IsZero(); })) {
    return t.Fault(kRuleAmounts, NodeAt(fund, "contributions"),
                   "the contributions (" + t.Key(fund, "contributions") +
                       ") add up to zero, so there is nothing to share in proportion to: give "
                       "each partner's contribution");
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ReadShares(const Terms& t, const Node* owner, const std::string& key,
                                         std::vector<Decimal>& shares) {
  const Node* map = FieldOf(owner, "shares");
  if (map == nullptr) {
    return t.Fault(kRuleShares, owner,
                   "no shares are given (" + key +
                       ".shares): give each partner's share, e.g. shares: {a: 0.6, b: 0.4}");
  }
  shares.assign(t.partners.size(), Decimal());
  Decimal sum;
  for (const auto& [name, value] : map->entries) {
    std::optional<size_t> i = t.PartnerIndex(name->text);
    if (!i) {
      return t.Fault(kRuleShares, value,
                     "the shares (" + key + ".shares) give a share to '" + name->text +
                         "', which is not the id of any partner");
    }
    const Decimal* d = value->invalid ? nullptr : std::get_if<Decimal>(&value->typed);
    if (d == nullptr) {
      return Rejected(t, value, "a share");
    }
    shares[*i] = shares[*i].Add(*d).value_or(shares[*i]);
    sum = sum.Add(*d).value_or(sum);
  }
  if (sum != Decimal::FromInt(1)) {
    return t.Fault(kRuleShares, map,
                   "the shares (" + key + ".shares) sum to " + sum.ToString() +
                       ", not 1: make them add up to exactly 1");
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ReadHost(const Terms& t, const Node* fund, size_t& host) {
  const Node* n = FieldOf(fund, "host");
  if (n == nullptr) {
    return t.Fault(kRuleHost, NodeAt(fund, "host"),
                   "no host partner is named (" + t.Key(fund, "host") +
                       "), and the approach needs the host: give the id of the partner that "
                       "leads on delivery");
  }
  std::optional<size_t> i = t.PartnerIndex(TextOf(n));
  if (!i) {
    return t.Fault(kRuleHost, n,
                   "the host (" + t.Key(fund, "host") + ") is '" + n->text +
                       "', which is not the id of any partner");
  }
  host = *i;
  return std::nullopt;
}

std::optional<CannotAllocate> ReadApproach(const Terms& t, const Node* fund, std::string_view side,
                                           std::string& approach, const Node*& mapping) {
  std::string key = t.Key(fund, std::string(side) + ".approach");
  std::vector<std::string> words = Approaches(side);
  if (t.doc.version == 1) {
    std::erase(words, "risk_fund");  // format 1 has no risk_fund to draw on
  }
  mapping = FieldOf(fund, side);
  const Node* n = FieldOf(mapping, "approach");
  if (n == nullptr) {
    return t.Fault(kRuleYearEnd, NodeAt(fund, std::string(side) + ".approach"),
                   "no approach for " + std::string(side) + "s at year end (" + key +
                       "): agree one of " + OneOf(words));
  }
  if (IsPlaceholder(n->text, false)) {
    return t.Fault(kRuleYearEnd, n,
                   "the " + std::string(side) + " approach (" + key + ") is a placeholder ('" +
                       n->text + "'): agree one of " + OneOf(words));
  }
  if (n->invalid) {
    return Rejected(t, n, "an " + std::string(side) + " approach (" + OneOf(words) + ")");
  }
  approach = n->text;
  return std::nullopt;
}

std::optional<CannotAllocate> ReadHostFirst(const Terms& t, const Node* fund, Decimal& amount) {
  const Node* n = FieldOf(FieldOf(fund, "overspend"), "host_first_amount");
  std::string key = t.Key(fund, "overspend.host_first_amount");
  if (n == nullptr) {
    return t.Fault(kRuleHostFirst, NodeAt(fund, "overspend.host_first_amount"),
                   "the overspend approach is host_first_then_proportional but the amount the "
                   "host bears first (" +
                       key + ") is missing: give it, e.g. host_first_amount: 280000");
  }
  if (auto fault = ReadMoney(t, n, amount)) {
    return fault;
  }
  if (amount.IsNegative()) {
    return t.Fault(kRuleHostFirst, n,
                   "the amount the host bears first (" + key + ") is negative (" +
                       amount.ToString() + "): give zero or more");
  }
  return std::nullopt;
}

std::optional<CannotAllocate> ReadRiskFund(const Terms& t, const Node* fund,
                                           std::vector<Decimal>& shares,
                                           std::optional<Decimal>& amount) {
  const Node* risk = FieldOf(t.doc.root, "risk_fund");
  if (FieldOf(risk, "shares") == nullptr) {
    return t.Fault(kRuleYearEnd, NodeAt(fund, "overspend.approach"),
                   "the overspend approach (" + t.Key(fund, "overspend.approach") +
                       ") is risk_fund but the agreement sets up no risk fund with shares "
                       "(risk_fund.shares): give risk_fund with each partner's share");
  }
  if (auto fault = ReadShares(t, risk, "risk_fund", shares)) {
    return fault;
  }
  amount.reset();
  if (const Node* n = FieldOf(risk, "amount")) {
    Decimal value;
    if (auto fault = ReadMoney(t, n, value)) {
      return fault;
    }
    if (value.IsNegative()) {
      return t.Fault(kRuleAmounts, n,
                     "the risk fund's amount (risk_fund.amount) is " + value.ToString() +
                         ": an amount must be zero or more");
    }
    amount = value;
  }
  return std::nullopt;
}

}  // namespace s75

#include "driver/facts.h"

#include <initializer_list>

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

// finance.pool_total, else the sum of the valid contributions (none: absent).
void ReadPool(const Node* finance, AgreementFacts& facts) {
  facts.pool_total = Typed<Decimal>(FieldOf(finance, "pool_total"));
  if (facts.pool_total) {
    return;
  }
  std::optional<Decimal> sum;
  for (const Node* c : Items(FieldOf(finance, "contributions"))) {
    if (std::optional<Decimal> amount = Typed<Decimal>(FieldOf(c, "amount"))) {
      sum = sum ? sum->Add(*amount) : amount;
      if (!sum) {
        return;  // beyond Decimal's range: better absent than wrong
      }
    }
  }
  facts.pool_total = sum;
  facts.pool_from_contributions = sum.has_value();
}

void ReadTerm(const Node* term, AgreementFacts& facts) {
  facts.commencement = Typed<Date>(FieldOf(term, "commencement"));
  facts.expiry = Typed<Date>(FieldOf(term, "expiry"));
  std::optional<Decimal> months = Typed<Decimal>(FieldOf(term, "duration_months"));
  if (!facts.expiry && facts.commencement && months && months->ToInt()) {
    facts.expiry = facts.commencement->Moved(*months->ToInt(), -1);  // nullopt past 9999
  }
}

}  // namespace

AgreementFacts ReadFacts(const Document& doc) {
  AgreementFacts facts;
  const Node* root = doc.root;
  const Node* agreement = FieldOf(root, "agreement");
  facts.title = Text(FieldOf(agreement, "title"));
  facts.status = Text(FieldOf(agreement, "status"));
  facts.legal_basis = Text(FieldOf(agreement, "legal_basis"));
  facts.financial_model = Text(FieldOf(agreement, "financial_model"));
  facts.arrangements = Texts(FieldOf(agreement, "arrangements"));
  facts.client_groups = Texts(At(root, {"scope", "client_groups"}));
  facts.partners = Partners(root);
  facts.host = Text(At(root, {"host", "partner"}));
  for (const PartnerFacts& p : facts.partners) {
    if (facts.host.empty() && p.role == "host") {
      facts.host = p.id;
    }
  }
  ReadPool(FieldOf(root, "finance"), facts);
  ReadTerm(FieldOf(root, "term"), facts);
  return facts;
}

}  // namespace s75

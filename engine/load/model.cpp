#include "load/model.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "common/join.h"
#include "common/rule_ids.h"
#include "load/doc_rules.h"

namespace s75 {

namespace {

constexpr Format1Source kFormat1Fund[] = {
    {"host", "host", "partner"},
    {"host_support", "host", "support"},
    {"manager", "management", "pooled_fund_manager"},
    {"year", "finance", "year"},
    {"pooled", "finance", "pooled"},
    {"split_elements", "finance", "split_elements"},
    {"pool_total", "finance", "pool_total"},
    {"contributions", "finance", "contributions"},
    {"overspend", "finance", "overspend"},
    {"underspend", "finance", "underspend"},
    {"outturns", "finance", "outturns"},
    {"year_end_disclosure", "finance", "year_end_disclosure"},
    {"reporting", "management", "reporting"},  // format 1 has one list for all reports
};

size_t Index(const FieldSpec& spec, std::string_view name) {
  return static_cast<size_t>(spec.FieldIndex(name));
}

// A node the model adds, placed where `like` is for findings and paths.
Node* NewModelNode(Document& doc, NodeKind kind, const FieldSpec& spec, const Node& like) {
  Node* n = doc.NewNode();
  n->kind = kind;
  n->spec = &spec;
  n->line = like.line;
  n->column = like.column;
  n->parent = like.parent;
  n->index = like.index;
  return n;
}

// The arrangement the one fund of a format 1 file has: `pooled_fund` when the
// agreement lists it, else the first arrangement listed.
const Node* Format1Arrangement(const Node* arrangements) {
  if (arrangements == nullptr || arrangements->kind != NodeKind::kSeq ||
      arrangements->items.empty()) {
    return nullptr;
  }
  for (const Node* item : arrangements->items) {
    if (item->kind == NodeKind::kScalar && !item->invalid && item->text == "pooled_fund") {
      return item;
    }
  }
  return arrangements->items.front();
}

void BuildFormat1Fund(Document& doc) {
  const FieldSpec& root = *doc.root->spec;
  const FieldSpec& funds_spec = root.fields[Index(root, "funds")];
  const FieldSpec& fund_spec = *funds_spec.element;
  Node* fund = NewModelNode(doc, NodeKind::kMap, fund_spec, *doc.root);
  fund->slots.assign(fund_spec.fields.size(), nullptr);
  Format1Homes& homes = *doc.format1_homes.emplace_back(std::make_unique<Format1Homes>());
  fund->format1 = &homes;
  homes.homes.assign(fund_spec.fields.size(), doc.root);
  homes.fields.assign(fund_spec.fields.size(), nullptr);
  fund->slots[Index(fund_spec, "arrangement")] =
      Format1Arrangement(FieldOf(FieldOf(doc.root, "agreement"), "arrangements"));
  for (const Format1Source& source : kFormat1Fund) {
    size_t i = Index(fund_spec, source.fund_field);
    const Node* section = FieldOf(doc.root, source.section);
    const FieldSpec& section_spec = root.fields[Index(root, source.section)];
    if (section != nullptr && section->kind == NodeKind::kMap && !section->invalid) {
      homes.homes[i] = section;
      fund->slots[i] = FieldOf(section, source.key);
      homes.fields[i] = &section_spec.fields[Index(section_spec, source.key)];
    } else if (section == nullptr) {
      homes.fields[i] = &section_spec;
    }
  }
  Node* list = NewModelNode(doc, NodeKind::kSeq, funds_spec, *doc.root);
  list->items.push_back(fund);
  doc.root->slots[Index(root, "funds")] = list;
}

// The arrangements of the funds, each once, in the order first used.
std::vector<const Node*> FundArrangements(const Node* funds) {
  std::vector<const Node*> out;
  for (const Node* fund : funds->items) {
    const Node* a = FieldOf(fund, "arrangement");
    if (a == nullptr || a->invalid) {
      continue;
    }
    if (std::none_of(out.begin(), out.end(), [&](const Node* o) { return o->text == a->text; })) {
      out.push_back(a);
    }
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<const Node*>& nodes) {
  std::vector<std::string> out;
  out.reserve(nodes.size());
  for (const Node* n : nodes) {
    out.push_back(n->text);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Format 2: `agreement.arrangements`, when left out, is the set of the
// funds' arrangements; when given, its fund arrangements must be exactly
// those (care_trust and grant, which no fund has, may be listed besides).
void CompleteArrangements(Document& doc, std::vector<Finding>& out) {
  const Node* funds = FieldOf(doc.root, "funds");
  // The document's own node, which the loader owns and completes here.
  Node* agreement = const_cast<Node*>(FieldOf(doc.root, "agreement"));
  if (funds == nullptr || funds->kind != NodeKind::kSeq || agreement == nullptr ||
      agreement->slots.empty()) {
    return;
  }
  std::vector<const Node*> used = FundArrangements(funds);
  const FieldSpec& spec = *agreement->spec;
  size_t slot = Index(spec, "arrangements");
  const Node* given = agreement->slots[slot];
  if (given == nullptr || given->IsNull()) {
    Node* list = NewModelNode(doc, NodeKind::kSeq, spec.fields[slot], *funds);
    for (const Node* a : used) {
      list->items.push_back(const_cast<Node*>(a));  // the document's own node; read only
    }
    agreement->slots[slot] = list;
    return;
  }
  if (given->kind != NodeKind::kSeq || given->invalid) {
    return;
  }
  const auto& fund_kinds =
      funds->spec->element->fields[Index(*funds->spec->element, "arrangement")].vocabulary;
  std::vector<const Node*> listed;
  for (const Node* item : given->items) {
    if (item->invalid ||
        std::find(fund_kinds.begin(), fund_kinds.end(), item->text) == fund_kinds.end()) {
      continue;
    }
    if (std::none_of(listed.begin(), listed.end(),
                     [&](const Node* o) { return o->text == item->text; })) {
      listed.push_back(item);
    }
  }
  std::vector<std::string> a = Texts(listed);
  std::vector<std::string> b = Texts(used);
  if (a != b) {
    out.push_back(DocFinding(
        kDocWrongType, doc.file, given->line, given->column, NodePath(given),
        "`agreement.arrangements` lists " + (a.empty() ? "no fund arrangement" : Join(a, ", ")) +
            " but the funds' arrangements are " + (b.empty() ? "none" : Join(b, ", ")) +
            ": list exactly the funds' arrangements, or leave `agreement.arrangements` out"));
  }
}

}  // namespace

std::span<const Format1Source> Format1FundSources() { return kFormat1Fund; }

void BuildModel(Document& doc, std::vector<Finding>& out) {
  if (doc.root == nullptr || doc.root->slots.empty()) {
    return;
  }
  if (doc.version == 1) {
    BuildFormat1Fund(doc);
  } else {
    CompleteArrangements(doc, out);
  }
}

}  // namespace s75

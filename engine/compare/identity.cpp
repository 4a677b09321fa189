#include "compare/identity.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "load/model.h"

namespace s75 {

namespace {

// The field named `name` of a mapping: a field of the format, else a key of
// a map (a share by partner).
const Node* Child(const Node* node, std::string_view name) {
  if (node == nullptr) {
    return nullptr;
  }
  if (const Node* field = FieldOf(node, name)) {
    return field;
  }
  for (const auto& [key, value] : node->entries) {
    if (key->text == name) {
      return value;
    }
  }
  return nullptr;
}

// The fields that identify an entry of a list without an `id`, tried in order.
constexpr std::array<std::string_view, 4> kIdentifyingFields = {"partner", "year", "rule",
                                                                "report"};

// The identity of the entry `item` at position `index` of its list: its `id`
// where its kind of entry has one (the fund a format 1 file is read as is
// `main`), else the first identifying field it gives, else its position.
std::string EntryIdentity(const Node* item, size_t index) {
  std::string position = "#" + std::to_string(index);
  if (item->spec != nullptr && item->spec->FieldIndex("id") >= 0) {
    const Node* id = FieldOf(item, "id");
    return id != nullptr ? id->text : item->format1 != nullptr ? "main" : position;
  }
  for (std::string_view field : kIdentifyingFields) {
    const Node* value = FieldOf(item, field);
    if (value != nullptr && value->kind == NodeKind::kScalar && !value->text.empty()) {
      return value->text;
    }
  }
  return position;
}

// A format 1 path under a section the model reads into fund `main` as the
// fund's: "finance.contributions[1]" -> "funds[0].contributions[1]". Reports
// are the exception: format 2 keeps `management.reporting` agreement-wide.
std::string ModelPath(const Document& doc, std::string_view path) {
  if (doc.version != 1) {
    return std::string(path);
  }
  for (const Format1Source& source : Format1FundSources()) {
    if (source.fund_field == "reporting") {
      continue;
    }
    std::string from = std::string(source.section) + "." + std::string(source.key);
    bool under = path.starts_with(from) && (path.size() == from.size() ||
                                            path[from.size()] == '.' || path[from.size()] == '[');
    if (under) {
      return "funds[0]." + std::string(source.fund_field) + std::string(path.substr(from.size()));
    }
  }
  return std::string(path);
}

// Walks `path` from the root; `identity`, when given, receives the path with
// each index replaced by the entry's identity.
const Node* Walk(const Document& doc, std::string_view path, std::string* identity) {
  std::string model = ModelPath(doc, path);
  const Node* node = doc.root;
  size_t i = 0;
  while (i < model.size()) {
    if (model[i] == '[') {
      size_t close = model.find(']', i);
      size_t index = 0;
      bool number =
          close != std::string::npos &&
          std::from_chars(model.data() + i + 1, model.data() + close, index).ec == std::errc();
      bool found =
          number && node != nullptr && node->kind == NodeKind::kSeq && index < node->items.size();
      node = found ? node->items[index] : nullptr;
      if (identity != nullptr) {
        *identity +=
            "[" + (found ? EntryIdentity(node, index) : model.substr(i + 1, close - i - 1)) + "]";
      }
      i = close == std::string::npos ? model.size() : close + 1;
      continue;
    }
    size_t start = model[i] == '.' ? i + 1 : i;
    size_t end = std::min(model.find_first_of(".[", start), model.size());
    node = Child(node, std::string_view(model).substr(start, end - start));
    if (identity != nullptr) {
      *identity += model.substr(i, end - i);
    }
    i = end;
  }
  return node;
}

}  // namespace

std::string IdentityPath(const Document& doc, std::string_view path) {
  std::string identity;
  Walk(doc, path, &identity);
  return identity;
}

const Node* NodeAtPath(const Document& doc, std::string_view path) {
  return Walk(doc, path, nullptr);
}

}  // namespace s75

#include "load/document.h"

namespace s75 {

const Node* FieldOf(const Node* map, std::string_view name) {
  if (map == nullptr || map->spec == nullptr || map->slots.empty()) {
    return nullptr;
  }
  int index = map->spec->FieldIndex(name);
  if (index < 0) {
    return nullptr;
  }
  const Node* value = map->slots[static_cast<size_t>(index)];
  return value != nullptr && !value->IsNull() ? value : nullptr;
}

std::string NodePath(const Node* node) {
  std::vector<const Node*> chain;
  for (const Node* n = node; n != nullptr && n->parent != nullptr; n = n->parent) {
    chain.push_back(n);
  }
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* n = *it;
    if (n->parent->kind == NodeKind::kSeq) {
      path += "[" + std::to_string(n->index) + "]";
    } else {
      if (!path.empty()) {
        path += ".";
      }
      path += n->parent->entries[static_cast<size_t>(n->index)].first->text;
    }
  }
  return path;
}

}  // namespace s75

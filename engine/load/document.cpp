#include "load/document.h"

#include <algorithm>
#include <utility>

namespace s75 {

namespace {

constexpr size_t kFirstBlock = 64;
constexpr size_t kLargestBlock = 4096;
constexpr size_t kSpareBlocks = 8;  // the most a thread keeps

using Block = std::vector<Node>;

// The emptied blocks of the documents a thread has freed. `spare_blocks` is
// a plain pointer, set while the thread's pool exists, so that a document
// freed after the pool (a static one, at exit) finds it null rather than
// destroyed.
thread_local std::vector<Block>* spare_blocks = nullptr;

struct SparePool {
  std::vector<Block> blocks;
  SparePool() { spare_blocks = &blocks; }
  ~SparePool() { spare_blocks = nullptr; }
  SparePool(const SparePool&) = delete;
  SparePool& operator=(const SparePool&) = delete;
  SparePool(SparePool&&) = delete;
  SparePool& operator=(SparePool&&) = delete;
};

// The thread's spare blocks, once its pool is made; null after it is gone.
std::vector<Block>* SpareBlocks() {
  thread_local SparePool pool;
  return spare_blocks;
}

}  // namespace

void NodeArena::AddBlock() {
  size_t size =
      blocks_.empty() ? kFirstBlock : std::min(2 * blocks_.back().capacity(), kLargestBlock);
  if (std::vector<Block>* spares = SpareBlocks()) {
    // The smallest spare that holds `size` nodes.
    auto best = spares->end();
    for (auto it = spares->begin(); it != spares->end(); ++it) {
      if (it->capacity() >= size && (best == spares->end() || it->capacity() < best->capacity())) {
        best = it;
      }
    }
    if (best != spares->end()) {
      blocks_.push_back(std::move(*best));
      spares->erase(best);
      return;
    }
  }
  blocks_.emplace_back().reserve(size);
}

NodeArena::~NodeArena() {
  for (Block& block : blocks_) {
    block.clear();
    if (spare_blocks != nullptr && spare_blocks->size() < kSpareBlocks) {
      spare_blocks->push_back(std::move(block));
    }
  }
}

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

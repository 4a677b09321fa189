// Objects a command keeps to the end of the process and never destroys.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace s75 {

// Keeps `object` alive until the process exits, without destroying it, as
// LLVM's BuryPointer does for a compiler's large structures: the compiled
// packs are about 10,000 nodes, and destroying them as `check` returned was
// 1.8 M of a one-file check's 34 M instructions, to free memory the process
// gives back when it exits a moment later. The object stays reachable, so a
// leak checker does not report it.
template <typename T>
void Bury(std::unique_ptr<T> object) {
  static std::mutex lock;
  static auto* graveyard = new std::vector<const void*>();  // never destroyed either
  std::lock_guard<std::mutex> hold(lock);
  graveyard->push_back(object.release());
}

}  // namespace s75

// Parallel work whose results are used in order: how a sweep checks files on
// several threads yet reports them in path order, the same bytes whatever -j.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <type_traits>

namespace s75 {

// ForEachInOrder for any result: `work(i)` does item i's work and returns
// what hands its result on, which is called in index order, one at a time.
void ForEachIndexInOrder(size_t count, int threads,
                         const std::function<std::function<void()>(size_t)>& work);

// Runs `work(i)` for every i below `count` on up to `threads` threads
// (the calling one included) and hands each result to `emit` in index order,
// one at a time, as soon as it and every result before it are done. A worker
// more than a few results ahead of the next one to hand on waits, so memory
// does not grow with `count`.
template <typename Work, typename Emit>
void ForEachInOrder(size_t count, int threads, Work&& work, Emit&& emit) {
  using Result = std::invoke_result_t<Work&, size_t>;
  ForEachIndexInOrder(count, threads, [&](size_t i) -> std::function<void()> {
    auto result = std::make_shared<Result>(work(i));
    return [&emit, result] { emit(std::move(*result)); };
  });
}

}  // namespace s75

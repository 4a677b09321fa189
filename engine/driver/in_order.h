// Parallel work whose results are used in order: how a sweep checks files on
// several threads yet reports them in path order, the same bytes whatever -j.
#pragma once

#include <cstddef>
#include <functional>

#include "report/check_report.h"

namespace s75 {

// Runs `work(i)` for every i below `count` on up to `threads` threads
// (the calling one included) and hands each result to `emit` in index order,
// one at a time, as soon as it and every result before it are done. A worker
// more than a few results ahead of the next one to hand on waits, so memory
// does not grow with `count`.
void ForEachInOrder(size_t count, int threads, const std::function<FileResult(size_t)>& work,
                    const std::function<void(FileResult)>& emit);

}  // namespace s75

#include "driver/in_order.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace s75 {

namespace {

// Hands results on in index order, holding those that finish early. A worker
// whose item is `window` or more past the next one to hand on waits, so at
// most `window` results are held whatever the number of items.
class InOrder {
 public:
  InOrder(size_t window, const std::function<void(FileResult)>& emit)
      : window_(window), emit_(emit) {}

  void WaitForTurn(size_t index) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return index < next_ + window_; });
  }

  // Results leave under the lock, so `emit` sees them one at a time.
  void Done(size_t index, FileResult result) {
    std::unique_lock lock(mutex_);
    held_.emplace(index, std::move(result));
    while (!held_.empty() && held_.begin()->first == next_) {
      emit_(std::move(held_.begin()->second));
      held_.erase(held_.begin());
      ++next_;
    }
    turn_.notify_all();
  }

 private:
  size_t window_;
  const std::function<void(FileResult)>& emit_;
  std::mutex mutex_;
  std::condition_variable turn_;
  size_t next_ = 0;
  std::map<size_t, FileResult> held_;
};

}  // namespace

void ForEachInOrder(size_t count, int threads, const std::function<FileResult(size_t)>& work,
                    const std::function<void(FileResult)>& emit) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(count)));
  InOrder in_order(4 * static_cast<size_t>(threads), emit);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) {
      in_order.WaitForTurn(i);
      in_order.Done(i, work(i));
    }
  };
  std::vector<std::thread> workers;
  for (int j = 1; j < threads; ++j) {
    workers.emplace_back(worker);
  }
  worker();
  for (std::thread& t : workers) {
    t.join();
  }
}

}  // namespace s75

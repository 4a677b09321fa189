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
  explicit InOrder(size_t window) : window_(window) {}

  void WaitForTurn(size_t index) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return index < next_ + window_; });
  }

  // Results leave under the lock, so `emit` sees them one at a time.
  void Done(size_t index, std::function<void()> emit) {
    std::unique_lock lock(mutex_);
    held_.emplace(index, std::move(emit));
    while (!held_.empty() && held_.begin()->first == next_) {
      held_.begin()->second();
      held_.erase(held_.begin());
      ++next_;
    }
    turn_.notify_all();
  }

 private:
  size_t window_;
  std::mutex mutex_;
  std::condition_variable turn_;
  size_t next_ = 0;
  std::map<size_t, std::function<void()>> held_;
};

}  // namespace

void ForEachIndexInOrder(size_t count, int threads,
                         const std::function<std::function<void()>(size_t)>& work) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(count)));
  InOrder in_order(4 * static_cast<size_t>(threads));
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

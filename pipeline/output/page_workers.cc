#include "pipeline/output/page_workers.h"

#include <algorithm>
#include <locale>

namespace kpix {

PageWorkers::PageWorkers(int threads) {
  // libstdc++ fills std::ctype<char>::narrow's cache lazily and unsynchronised
  // (GCC PR 77704), and std::regex calls it on any thread: filled here first,
  // the threads only read it.
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(char(c), '\0');
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

PageWorkers::~PageWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  posted_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PageWorkers::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.push_back(std::move(task));
  }
  posted_.notify_one();
}

void PageWorkers::run() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      posted_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
      if (stop_) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

int worker_count(int jobs) { return jobs > 0 ? jobs : int(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace kpix

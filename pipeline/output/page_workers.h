// Threads that read pages for the extractor: one pool, shared by every
// document being extracted at once (kpix ingest), so that a long book gets
// the cores the short reports are done with. Tasks run in the order posted.
//
//   kpix::PageWorkers workers(jobs - 1);     // the extracting thread is the last worker
//   kpix::Extractor ex;
//   ex.share_workers(&workers);
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kpix {

class PageWorkers {
 public:
  // `threads` may be 0: then whoever reads a document's pages does each one.
  explicit PageWorkers(int threads);
  // Tasks still queued are dropped (they belong to finished documents).
  ~PageWorkers();
  PageWorkers(const PageWorkers&) = delete;
  PageWorkers& operator=(const PageWorkers&) = delete;

  int threads() const { return int(threads_.size()); }
  // `task` must not throw.
  void post(std::function<void()> task);

 private:
  void run();

  std::mutex mu_;
  std::condition_variable posted_;
  std::deque<std::function<void()>> tasks_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// The number of cores, or `jobs` where it is positive (-j).
int worker_count(int jobs);

}  // namespace kpix

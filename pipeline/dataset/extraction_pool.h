// Extraction on worker threads for `kpix ingest`: workers take files in a
// given order and extract them; the thread that owns the database takes the
// outcomes as they finish.
//
//   ExtractionPool pool(files, order, known, build, progress, jobs);
//   for (size_t n = 0; n < files.size(); ++n) store(pool.take());
//   pool.join();
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/dataset/progress.h"
#include "pipeline/output/extractor.h"

namespace kpix {

// What a worker hands the writer: an extraction, or the line saying why not.
struct Outcome {
  size_t index = 0;  // into the files
  std::optional<Extraction> extraction;
  std::string error;
  bool skipped = false;  // already in the dataset
};

class ExtractionPool {
 public:
  // Starts `jobs` workers on `files` in `order`; a file whose SHA-256 is in
  // `known` is skipped unread. Every worker reads its document's pages with
  // the help of `pages`, shared by all, so that a long book gets the cores
  // the short documents are done with.
  ExtractionPool(const std::vector<std::string>& files, const std::vector<size_t>& order,
                 const std::set<std::string>& known, const BuildOptions& build, IngestProgress& progress, int jobs,
                 PageWorkers& pages);
  // Should the writer throw, the workers stop taking files and are joined.
  ~ExtractionPool();
  ExtractionPool(const ExtractionPool&) = delete;
  ExtractionPool& operator=(const ExtractionPool&) = delete;

  // The next outcome to finish; keeps the progress bar moving while it waits.
  // Call once per file.
  Outcome take();
  void join();

 private:
  void work();

  const std::vector<std::string>& files_;
  const std::vector<size_t>& order_;
  const std::set<std::string>& known_;
  const BuildOptions& build_;
  IngestProgress& progress_;
  PageWorkers& pages_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Outcome> done_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> workers_;
};

}  // namespace kpix

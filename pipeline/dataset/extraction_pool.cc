#include "pipeline/dataset/extraction_pool.h"

#include <chrono>
#include <filesystem>
#include <locale>

#include "pipeline/load/pdf_loader.h"
#include "pipeline/model/error.h"

namespace kpix {

ExtractionPool::ExtractionPool(const std::vector<std::string>& files, const std::vector<size_t>& order,
                               const std::set<std::string>& known, const BuildOptions& build,
                               IngestProgress& progress, int jobs, PageWorkers& pages)
    : files_(files), order_(order), known_(known), build_(build), progress_(progress), pages_(pages) {
  // libstdc++ fills std::ctype<char>::narrow's cache lazily and unsynchronised
  // (GCC PR 77704), and std::regex (the schema validator's patterns) calls it
  // in every worker: filled here first, the workers only read it.
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  for (int c = 0; c < 256; ++c) ctype.narrow(char(c), '\0');
  for (int j = 0; j < jobs; ++j) workers_.emplace_back([this] { work(); });
}

ExtractionPool::~ExtractionPool() {
  next_ = files_.size();
  join();
}

void ExtractionPool::join() {
  for (auto& w : workers_)
    if (w.joinable()) w.join();
}

void ExtractionPool::work() {
  Extractor ex;
  ex.share_workers(&pages_);
  for (size_t n; (n = next_++) < files_.size();) {
    const size_t i = order_[n];
    Outcome out;
    out.index = i;
    try {
      std::error_code ec;
      if (std::filesystem::is_regular_file(files_[i], ec) && known_.count(file_sha256(files_[i])))
        out.skipped = true;
      else
        out.extraction = ex.extract(files_[i], build_, [this, i](int page, int pages) { progress_.page(i, page, pages); });
    } catch (const InputError& e) {
      out.error = e.what();
    } catch (const std::exception& e) {
      out.error = files_[i] + ": internal error: " + e.what();
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_.push_back(std::move(out));
    ready_.notify_one();
  }
}

Outcome ExtractionPool::take() {
  std::unique_lock<std::mutex> lock(mu_);
  // Wake now and then to keep the bar moving through a long document.
  while (!ready_.wait_for(lock, std::chrono::milliseconds(250), [&] { return !done_.empty(); })) {
    lock.unlock();
    progress_.tick();
    lock.lock();
  }
  Outcome out = std::move(done_.front());
  done_.pop_front();
  return out;
}

}  // namespace kpix

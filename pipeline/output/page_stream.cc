#include "pipeline/output/page_stream.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>

#include "pipeline/layout/page_layout.h"

namespace kpix {

struct PageStream::Shared {
  enum class State { queued, running, done };
  struct Slot {
    State state = State::queued;
    std::optional<Page> page;
    std::exception_ptr error;
  };

  const PdfSource* pdf = nullptr;  // used only while `cancelled` is false
  std::vector<int> indexes;
  std::mutex mu;
  std::condition_variable done;
  std::map<size_t, Slot> slots;  // by position in `indexes`: posted, not yet taken
  std::vector<std::unique_ptr<PageReader>> idle_readers;
  bool cancelled = false;
  int running = 0;  // pages being read by workers

  // A worker's turn at the page at `pos`, unless the reader took it first
  // or the stream is gone.
  void work(size_t pos);
};

void PageStream::Shared::work(size_t pos) {
  std::unique_ptr<PageReader> reader;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = slots.find(pos);
    if (cancelled || it == slots.end() || it->second.state != State::queued) return;
    it->second.state = State::running;
    ++running;
    if (!idle_readers.empty()) {
      reader = std::move(idle_readers.back());
      idle_readers.pop_back();
    }
  }
  std::optional<Page> page;
  std::exception_ptr error;
  try {
    if (!reader) reader = pdf->open_reader();
    page = lay_out_page(PdfSource::load_page(*reader, indexes[pos]));
  } catch (...) {
    error = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    Slot& slot = slots[pos];
    slot.page = std::move(page);
    slot.error = error;
    slot.state = State::done;
    if (reader) idle_readers.push_back(std::move(reader));
    --running;
  }
  done.notify_all();
}

PageStream::PageStream(const PdfSource& pdf, std::vector<int> indexes, PageWorkers* workers)
    : pdf_(pdf), workers_(workers && workers->threads() > 0 ? workers : nullptr), s_(std::make_shared<Shared>()) {
  s_->pdf = &pdf;
  s_->indexes = std::move(indexes);
  if (workers_) window_ = size_t(kPagesPerWorker) * size_t(workers_->threads() + 1);
}

PageStream::~PageStream() {
  std::unique_lock<std::mutex> lock(s_->mu);
  s_->cancelled = true;
  s_->done.wait(lock, [this] { return s_->running == 0; });
  // Closed here, while the source (and Poppler's global state) is alive.
  s_->idle_readers.clear();
  s_->slots.clear();
}

int PageStream::size() const { return int(s_->indexes.size()); }

void PageStream::post_ahead() {
  size_t until = std::min(s_->indexes.size(), next_ + window_);
  for (; posted_ < until; ++posted_) {
    {
      std::lock_guard<std::mutex> lock(s_->mu);
      s_->slots[posted_];
    }
    if (workers_) workers_->post([s = s_, pos = posted_] { s->work(pos); });
  }
}

Page PageStream::next() {
  post_ahead();
  const size_t pos = next_++;
  std::unique_lock<std::mutex> lock(s_->mu);
  while (true) {
    Shared::Slot& slot = s_->slots.at(pos);
    if (slot.state == Shared::State::done) {
      std::exception_ptr error = slot.error;
      std::optional<Page> page = std::move(slot.page);
      s_->slots.erase(pos);
      if (error) std::rethrow_exception(error);
      return std::move(*page);
    }
    // The page wanted, if no worker has started it; else, while a worker
    // reads it, the first page posted after it that none has started: a
    // reading thread that only waited would leave the workers one page
    // ahead of it and do none of the pages itself.
    auto todo = s_->slots.find(pos);
    if (todo->second.state != Shared::State::queued) {
      todo = std::find_if(std::next(todo), s_->slots.end(),
                          [](const auto& kv) { return kv.second.state == Shared::State::queued; });
    }
    if (todo == s_->slots.end()) {
      s_->done.wait(lock, [&] { return slot.state == Shared::State::done; });
      continue;
    }
    const size_t at = todo->first;
    todo->second.state = Shared::State::running;
    lock.unlock();
    std::optional<Page> page;
    std::exception_ptr error;
    try {
      page = lay_out_page(pdf_.load_page(s_->indexes[at]));
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    Shared::Slot& read = s_->slots.at(at);
    read.page = std::move(page);
    read.error = error;
    read.state = Shared::State::done;
  }
}

}  // namespace kpix

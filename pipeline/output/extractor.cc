#include "pipeline/output/extractor.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "pipeline/layout/page_layout.h"
#include "pipeline/model/error.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"
#include "pipeline/output/concepts.h"

namespace kpix {
namespace {

// Pages of a PDF read on a second thread, at most kAhead pages ahead of the
// reader of the queue. The reading thread is the only one that touches
// Poppler; the caller lays the pages out.
class PageReadAhead {
 public:
  static constexpr size_t kAhead = 3;

  explicit PageReadAhead(const PdfSource& pdf) : pdf_(pdf), thread_([this] { run(); }) {}
  ~PageReadAhead() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // The next page in order; rethrows what reading it threw.
  PdfSource::RawPage next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || error_; });
    if (queue_.empty()) std::rethrow_exception(error_);
    PdfSource::RawPage raw = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return raw;
  }

 private:
  void run() {
    try {
      for (int i = 0; i < pdf_.info().page_count; ++i) {
        PdfSource::RawPage raw = pdf_.read_page(i);
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return queue_.size() < kAhead || stop_; });
        if (stop_) return;
        queue_.push_back(std::move(raw));
        changed_.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = std::current_exception();
      changed_.notify_all();
    }
  }

  const PdfSource& pdf_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PdfSource::RawPage> queue_;
  std::exception_ptr error_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace

Extractor::Extractor() = default;
Extractor::~Extractor() = default;

Extraction Extractor::extract(const std::string& path, const BuildOptions& options,
                              const std::function<void(int, int)>& on_page) const {
  auto src = open_source(path);
  Extraction out;
  out.info = src->info();
  bool from_text = out.info.kind == SourceKind::text;
  RecordBuilder builder;
  size_t glyphs = 0;
  int images = 0;
  const auto* pdf = dynamic_cast<const PdfSource*>(src.get());
  std::optional<PageReadAhead> ahead;
  PlanTally plans;
  if (overlap_pages_ && pdf && out.info.page_count > 1) ahead.emplace(*pdf);
  for (int i = 0; i < out.info.page_count; ++i) {
    Page page = lay_out_page(ahead ? PdfSource::finish_page(ahead->next()) : src->load_page(i));
    glyphs += from_text ? page.lines.size() : page.glyph_count;
    images += page.images;
    for (const Line& line : page.lines) plans.observe(line.text());
    builder.add_page(page, from_text);
    ++out.pages;
    if (on_page) on_page(i + 1, out.info.page_count);
  }
  if (glyphs == 0)
    throw InputError(path, images > 0 ? "no text layer (scanned images only); OCR is not supported" : "no text in the document");
  std::vector<KpiRecord> records = builder.finish(out.info, options, municipalities_);
  attach_concepts(records);
  out.notes = builder.summary().notes;
  out.plan = plans.result();
  if (records.empty()) out.notes.push_back("no KPI tables found");
  // Every record is checked against the schema before anyone sees it; one
  // that fails is a kpix bug, reported and held back rather than written.
  for (size_t i = 0; i < records.size(); ++i) {
    nlohmann::json j = records[i].to_json();
    std::vector<SchemaFault> faults = validator_.validate(j);
    if (faults.empty()) {
      out.records.push_back(std::move(j));
      continue;
    }
    std::string message = faults[0].message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    out.rejected.push_back("record " + std::to_string(i + 1) + " (" + records[i].indicator + ") fails the schema at " +
                           faults[0].pointer + ": " + message);
  }
  return out;
}

}  // namespace kpix

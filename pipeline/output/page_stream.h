// The pages of one PDF, loaded and laid out (the costly part of extraction:
// Poppler's text pass, lines and cells) on the shared PageWorkers, handed
// back in page order. The thread that reads the stream lays out pages too:
// when the page it needs next has not been started, it does that page
// itself, so a stream never waits on a queue and `-j 1` (no worker threads)
// reads every page on the calling thread, the same way.
//
// Memory stays bounded: at most kPagesPerWorker pages per worker are posted
// ahead of the reader (a reorder window), and a laid-out page keeps its lines
// and cells, not its glyphs. Each thread reads with a Poppler document of its
// own (PdfSource::open_reader), opened the first time it reads a page of this
// file and kept for the file's next pages.
//
//   kpix::PageStream pages(pdf, kpix::select_pages({}, n), &workers);
//   for (int i = 0; i < pages.size(); ++i) use(pages.next());   // in order
#pragma once

#include <memory>
#include <vector>

#include "pipeline/load/pdf_loader.h"
#include "pipeline/model/document.h"
#include "pipeline/output/page_workers.h"

namespace kpix {

// Pages posted ahead of the reader, per worker (the reading thread counts as
// one): enough that no worker idles while the reader is busy with the
// records of a page, few enough that memory stays that of a handful of pages.
inline constexpr int kPagesPerWorker = 3;

class PageStream {
 public:
  // `indexes`: 0-based pages of `pdf`, in the order wanted. `workers` may be
  // null (every page on the reading thread). `pdf` must outlive the stream.
  PageStream(const PdfSource& pdf, std::vector<int> indexes, PageWorkers* workers);
  // Pages queued and not started are dropped; pages being read are waited for.
  ~PageStream();
  PageStream(const PageStream&) = delete;
  PageStream& operator=(const PageStream&) = delete;

  int size() const;
  // The next page, laid out; rethrows what reading it threw (InputError).
  Page next();

 private:
  struct Shared;  // with the posted tasks, which may run after the stream is gone
  void post_ahead();

  const PdfSource& pdf_;
  PageWorkers* workers_;
  std::shared_ptr<Shared> s_;
  size_t next_ = 0, posted_ = 0, window_ = 1;
};

}  // namespace kpix

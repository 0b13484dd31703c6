// What `kpix ingest` shows while it works. On a terminal: one bar redrawn in
// place (files done / total, pages per second, time left), with problems and
// notes printed above it; otherwise one line per document, for logs.
//
//   IngestProgress p(stderr, isatty(2), sizes);   // sizes: bytes of each file
//   p.page(i, 3, 10);            // any thread: file i has read page 3 of 10
//   p.document(i, "a.pdf: 12 records, 40 values");   // writer thread
//   p.problem("kpix: b.pdf: not a PDF");              // always printed
//   p.tick();                    // writer thread, now and then: redraw if due
//   p.finish();
//
// Time left is estimated from bytes: the bytes of finished files plus the read
// fraction of those in flight, against the bytes still to go. Files found
// already in the dataset leave both sides of the estimate.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace kpix {

class IngestProgress {
 public:
  IngestProgress(std::FILE* out, bool terminal, std::vector<std::uintmax_t> sizes);

  // Any thread: file `index` has read page `page` of `pages`.
  void page(size_t index, int page, int pages);
  // Writer thread only, from here down.
  void document(size_t index, const std::string& line);  // a file is done; `line` (if any) for logs
  void skipped(size_t index, const std::string& line);   // already stored: no work was done
  void problem(const std::string& line);                  // a failure or a note: printed in both modes
  void tick();                                            // redraws the bar when due (terminal only)
  void finish();

  // The bar as drawn, for tests: `[#####.....] 3/10 files  42 pages/s  12 s left`.
  static std::string bar(size_t done, size_t total, double pages_per_second, double seconds_left, int width = 30);

 private:
  void draw(bool force);
  std::FILE* out_;
  bool terminal_;
  std::vector<std::uintmax_t> sizes_;
  std::unique_ptr<std::atomic<float>[]> fraction_;  // read share of each file, 0..1
  std::vector<bool> skipped_;
  std::atomic<long> pages_{0};
  size_t done_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace kpix

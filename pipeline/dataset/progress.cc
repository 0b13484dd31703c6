#include "pipeline/dataset/progress.h"

#include "pipeline/model/shown_name.h"

#include <cmath>

namespace kpix {

IngestProgress::IngestProgress(std::FILE* out, bool terminal, std::vector<std::uintmax_t> sizes)
    : out_(out),
      terminal_(terminal),
      sizes_(std::move(sizes)),
      fraction_(new std::atomic<float>[sizes_.size()]),
      skipped_(sizes_.size(), false),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  for (size_t i = 0; i < sizes_.size(); ++i) fraction_[i] = 0;
}

void IngestProgress::page(size_t index, int page, int pages) {
  ++pages_;
  if (index < sizes_.size() && pages > 0) fraction_[index] = float(page) / float(pages);
}

void IngestProgress::document(size_t index, const std::string& line) {
  ++done_;
  if (index < sizes_.size()) fraction_[index] = 1;
  if (terminal_) {
    draw(true);
  } else if (!line.empty()) {
    std::fprintf(out_, "%s\n", shown_name(line).c_str());
    std::fflush(out_);
  }
}

void IngestProgress::skipped(size_t index, const std::string& line) {
  if (index < sizes_.size()) skipped_[index] = true;
  document(index, line);
}

void IngestProgress::problem(const std::string& line) {
  if (terminal_ && drawn_) std::fprintf(out_, "\r\033[K");
  std::fprintf(out_, "%s\n", shown_name(line).c_str());
  drawn_ = false;
  if (terminal_) draw(true);
  std::fflush(out_);
}

void IngestProgress::tick() {
  if (terminal_) draw(false);
}

void IngestProgress::finish() {
  if (terminal_) {
    draw(true);
    std::fprintf(out_, "\n");
    std::fflush(out_);
  }
}

std::string IngestProgress::bar(size_t done, size_t total, double pps, double left, int width) {
  int filled = total ? int(double(width) * double(done) / double(total)) : width;
  std::string s = "[" + std::string(size_t(filled), '#') + std::string(size_t(width - filled), '.') + "] ";
  char tail[96];
  std::snprintf(tail, sizeof tail, "%zu/%zu files  %.0f pages/s", done, total, pps);
  s += tail;
  if (done < total) {
    if (std::isfinite(left) && left >= 0) {
      long secs = std::lround(left);
      if (secs >= 60) std::snprintf(tail, sizeof tail, "  %ld min %02ld s left", secs / 60, secs % 60);
      else std::snprintf(tail, sizeof tail, "  %ld s left", secs);
      s += tail;
    } else {
      s += "  time left unknown";
    }
  }
  return s;
}

void IngestProgress::draw(bool force) {
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  // Bytes done (finished files and the read share of those in flight) against
  // bytes to go; files already stored took no time and count on neither side.
  double done_bytes = 0, total_bytes = 0;
  for (size_t i = 0; i < sizes_.size(); ++i) {
    if (skipped_[i]) continue;
    double size = double(sizes_[i]) + 1;  // an empty file still takes a moment
    total_bytes += size;
    done_bytes += size * double(fraction_[i].load());
  }
  double left = done_bytes > 0 ? secs * (total_bytes - done_bytes) / done_bytes : NAN;
  double pps = secs > 0 ? double(pages_.load()) / secs : 0;
  std::fprintf(out_, "\r\033[K%s", bar(done_, sizes_.size(), pps, left).c_str());
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace kpix

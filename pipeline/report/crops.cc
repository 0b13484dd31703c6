#include "pipeline/report/crops.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "pipeline/load/pdf_loader.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

// Wide enough to read a row of a landscape slide (900 pt → 1,200 px).
constexpr double kDpi = 96;
constexpr double kMargin = 6;  // points around the row

// The part of a rendered page inside `box` (points), as its own image:
// poppler::image::copy does not cut (it returns the whole image).
poppler::image cut(const poppler::image& page, const Box& box) {
  const double s = kDpi / 72.0;
  int x0 = std::clamp(int(std::floor(box.x0 * s)), 0, page.width()), y0 = std::clamp(int(std::floor(box.y0 * s)), 0, page.height());
  int x1 = std::clamp(int(std::ceil(box.x1 * s)), 0, page.width()), y1 = std::clamp(int(std::ceil(box.y1 * s)), 0, page.height());
  if (x1 <= x0 || y1 <= y0) return poppler::image();
  poppler::image out(x1 - x0, y1 - y0, poppler::image::format_argb32);
  for (int y = y0; y < y1; ++y)
    std::memcpy(out.data() + size_t(y - y0) * out.bytes_per_row(), page.const_data() + size_t(y) * page.bytes_per_row() + size_t(x0) * 4,
                size_t(x1 - x0) * 4);
  return out;
}

}  // namespace

CropMaker::CropMaker(fs::path site_dir, bool enabled, int jobs)
    : site_dir_(std::move(site_dir)), enabled_(enabled), jobs_(std::max(1, jobs)) {}

std::optional<CropMaker::Request> CropMaker::request_of(const SiteDocument& doc, const nlohmann::json& record) const {
  if (!enabled_ || !doc.pdf) return std::nullopt;
  const nlohmann::json src = record.value("source", nlohmann::json::object());
  if (!src.contains("bbox") || !src["bbox"].is_array() || src["bbox"].size() != 4) return std::nullopt;
  Request r;
  r.page = src.value("page", 1);
  const auto& b = src["bbox"];
  r.box = {b[0].get<double>() - kMargin, b[1].get<double>() - kMargin, b[2].get<double>() + kMargin,
           b[3].get<double>() + kMargin};
  char name[96];
  std::snprintf(name, sizeof name, "crops/%.12s-p%d-%08zx.png", doc.sha256.c_str(), r.page,
                std::hash<std::string>{}(b.dump()) & 0xffffffffu);
  r.name = name;
  return r;
}

void CropMaker::want(const SiteDocument& doc, const nlohmann::json& record) {
  std::optional<Request> r = request_of(doc, record);
  if (!r || present_.count(r->name)) return;
  std::error_code ec;
  if (fs::exists(site_dir_ / r->name, ec)) {
    present_.insert(r->name);
    ++reused_;
    return;
  }
  auto& list = wanted_[&doc];
  if (std::none_of(list.begin(), list.end(), [&](const Request& q) { return q.name == r->name; })) list.push_back(*r);
}

// Renders each page of `requests` once and cuts its rows; returns the number
// of crops written. Nothing when the file is gone or holds other bytes.
int CropMaker::render_document(const SiteDocument& doc, std::vector<Request>& requests) const {
  std::unique_ptr<PdfSource> pdf;
  try {
    std::error_code ec;
    if (!fs::is_regular_file(doc.path, ec)) return 0;
    pdf = std::make_unique<PdfSource>(doc.path);
    if (pdf->info().sha256 != doc.sha256) return 0;  // the crop would show another document
  } catch (const std::exception&) {
    return 0;
  }
  std::sort(requests.begin(), requests.end(), [](const Request& a, const Request& b) { return a.page < b.page; });
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  int written = 0;
  for (size_t i = 0; i < requests.size();) {
    int page = requests[i].page;
    poppler::image img;
    if (page >= 1 && page <= pdf->info().page_count) {
      try {
        std::unique_ptr<poppler::page> p(pdf->poppler_document_for(page - 1).create_page(page - 1));
        if (p) img = renderer.render_page(p.get(), kDpi, kDpi);
      } catch (const InputError&) {
        // A font past Poppler's means: the page is not drawn, and its rows get no crop.
      }
    }
    for (; i < requests.size() && requests[i].page == page; ++i) {
      if (!img.is_valid()) continue;
      poppler::image part = cut(img, requests[i].box);
      if (part.is_valid() && part.save((site_dir_ / requests[i].name).string(), "png")) ++written;
    }
  }
  return written;
}

void CropMaker::make() {
  if (wanted_.empty()) return;
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::create_directories(site_dir_ / "crops", ec);
  std::vector<std::pair<const SiteDocument*, std::vector<Request>*>> work;
  for (auto& [doc, list] : wanted_) work.push_back({doc, &list});
  std::atomic<size_t> next{0};
  std::atomic<int> written{0};
  auto run = [&] {
    for (size_t i; (i = next++) < work.size();) written += render_document(*work[i].first, *work[i].second);
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < std::min<int>(jobs_, int(work.size())); ++j) threads.emplace_back(run);
  run();
  for (auto& t : threads) t.join();
  for (auto& [doc, list] : wanted_)
    for (const Request& r : list)
      if (fs::exists(site_dir_ / r.name, ec)) present_.insert(r.name);
  rendered_ += written;
  wanted_.clear();
  seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::optional<std::string> CropMaker::crop(const SiteDocument& doc, const nlohmann::json& record) const {
  std::optional<Request> r = request_of(doc, record);
  if (!r || !present_.count(r->name)) return std::nullopt;
  return r->name;
}

}  // namespace kpix

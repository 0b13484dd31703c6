#include "pipeline/load/page_render.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace kpix {

bool render_page_png(const poppler::document& doc, int index, double dpi, const std::vector<Outline>& outlines,
                     const std::string& out_path, Box crop) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return false;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  double scale = dpi / 72.0;
  int cx = -1, cy = -1, cw = -1, ch = -1;
  if (!crop.empty()) {
    cx = int(std::floor(crop.x0 * scale));
    cy = int(std::floor(crop.y0 * scale));
    cw = int(std::ceil(crop.width() * scale));
    ch = int(std::ceil(crop.height() * scale));
  }
  poppler::image img = renderer.render_page(page.get(), dpi, dpi, cx, cy, cw, ch);
  if (!img.is_valid()) return false;
  int w = img.width(), h = img.height(), stride = img.bytes_per_row();
  char* data = img.data();
  auto put = [&](int x, int y, unsigned int rgb) {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    // argb32 is stored as native 32-bit words 0xAARRGGBB.
    auto* px = reinterpret_cast<uint32_t*>(data + size_t(y) * stride) + x;
    *px = 0xff000000u | rgb;
  };
  double ox = crop.empty() ? 0 : cx, oy = crop.empty() ? 0 : cy;
  for (const Outline& o : outlines) {
    int x0 = int(std::lround(o.box.x0 * scale - ox)), x1 = int(std::lround(o.box.x1 * scale - ox));
    int y0 = int(std::lround(o.box.y0 * scale - oy)), y1 = int(std::lround(o.box.y1 * scale - oy));
    for (int t = 0; t < o.width; ++t) {
      for (int x = x0; x <= x1; ++x) {
        put(x, y0 + t, o.rgb);
        put(x, y1 - t, o.rgb);
      }
      for (int y = y0; y <= y1; ++y) {
        put(x0 + t, y, o.rgb);
        put(x1 - t, y, o.rgb);
      }
    }
  }
  return img.save(out_path, "png");
}

}  // namespace kpix

#include "pipeline/load/page_render.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "pipeline/load/bitmap_font.h"

namespace kpix {
namespace {

constexpr unsigned int kLabelBacking = 0xffffff;

// The rendered image and the mapping from points to its pixels.
class Canvas {
 public:
  Canvas(poppler::image& img, double scale, double ox, double oy)
      : data_(img.data()), w_(img.width()), h_(img.height()), stride_(img.bytes_per_row()), scale_(scale), ox_(ox), oy_(oy) {}

  int px(double x) const { return int(std::lround(x * scale_ - ox_)); }
  int py(double y) const { return int(std::lround(y * scale_ - oy_)); }

  // argb32 is stored as native 32-bit words 0xAARRGGBB.
  void put(int x, int y, unsigned int rgb) {
    if (uint32_t* p = at(x, y)) *p = 0xff000000u | rgb;
  }
  void blend(int x, int y, unsigned int rgb, double alpha) {
    uint32_t* p = at(x, y);
    if (!p) return;
    auto mix = [&](int shift) {
      double under = (*p >> shift) & 0xff, over = (rgb >> shift) & 0xff;
      return uint32_t(std::lround(under + (over - under) * alpha)) << shift;
    };
    *p = 0xff000000u | mix(16) | mix(8) | mix(0);
  }
  void fill_rect(int x0, int y0, int x1, int y1, unsigned int rgb, double alpha) {
    for (int y = std::max(0, y0); y <= std::min(h_ - 1, y1); ++y)
      for (int x = std::max(0, x0); x <= std::min(w_ - 1, x1); ++x) blend(x, y, rgb, alpha);
  }

 private:
  uint32_t* at(int x, int y) {
    if (x < 0 || y < 0 || x >= w_ || y >= h_) return nullptr;
    return reinterpret_cast<uint32_t*>(data_ + size_t(y) * size_t(stride_)) + x;
  }
  char* data_;
  int w_, h_, stride_;
  double scale_, ox_, oy_;
};

void draw_outline(Canvas& c, const Outline& o) {
  int x0 = c.px(o.box.x0) + o.inset, x1 = c.px(o.box.x1) - o.inset;
  int y0 = c.py(o.box.y0) + o.inset, y1 = c.py(o.box.y1) - o.inset;
  if (x1 < x0) x1 = x0;
  if (y1 < y0) y1 = y0;
  for (int t = 0; t < o.width; ++t) {
    for (int x = x0; x <= x1; ++x) {
      c.put(x, y0 + t, o.rgb);
      c.put(x, y1 - t, o.rgb);
    }
    for (int y = y0; y <= y1; ++y) {
      c.put(x0 + t, y, o.rgb);
      c.put(x1 - t, y, o.rgb);
    }
  }
}

void draw_label(Canvas& c, const Label& l) {
  int s = std::max(1, l.scale);
  int x0 = c.px(l.x), y0 = c.py(l.y);
  c.fill_rect(x0, y0, x0 + label_width_px(l.text, s) + 2 * s - 1, y0 + (kGlyphRows + 2) * s - 1, kLabelBacking,
              l.backing);
  int x = x0 + s;
  for (char ch : l.text) {
    for (int gy = 0; gy < kGlyphRows; ++gy)
      for (int gx = 0; gx < kGlyphColumns; ++gx)
        if (glyph_pixel(ch, gx, gy))
          for (int dy = 0; dy < s; ++dy)
            for (int dx = 0; dx < s; ++dx) c.put(x + gx * s + dx, y0 + s + gy * s + dy, l.rgb);
    x += (kGlyphColumns + 1) * s;
  }
}

}  // namespace

int label_width_px(const std::string& text, int scale) {
  return text.empty() ? 0 : int(text.size()) * (kGlyphColumns + 1) * scale - scale;
}

bool render_page_png(const poppler::document& doc, int index, double dpi, const Drawing& drawing,
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
  Canvas canvas(img, scale, crop.empty() ? 0 : cx, crop.empty() ? 0 : cy);
  // A fill ends a pixel short of its right and bottom edges: two cells side
  // by side tint the rule between them once.
  for (const Fill& f : drawing.fills)
    canvas.fill_rect(canvas.px(f.box.x0), canvas.py(f.box.y0), canvas.px(f.box.x1) - 1, canvas.py(f.box.y1) - 1, f.rgb,
                     f.alpha);
  for (const Outline& o : drawing.outlines) draw_outline(canvas, o);
  for (const Label& l : drawing.labels) draw_label(canvas, l);
  return img.save(out_path, "png");
}

bool render_page_png(const poppler::document& doc, int index, double dpi, const std::vector<Outline>& outlines,
                     const std::string& out_path, Box crop) {
  Drawing d;
  d.outlines = outlines;
  return render_page_png(doc, index, dpi, d, out_path, crop);
}

}  // namespace kpix

// Pages drawn by Poppler with marks on top, saved as PNG: what
// `kpix inspect --png` shows a person (translucent cells, glyph boxes,
// labels), and the crops of `kpix check` reports (outlines).
//
//   kpix::Drawing d;
//   d.fills.push_back({cell, 0x1a7f37, 0.22});       // translucent: the page shows through
//   d.outlines.push_back({cell, 0x1a7f37, 2, 1});    // 2 px, 1 px inside the box: not hidden by a black rule
//   d.labels.push_back({cell.x0, cell.y0, "ACT 2020", 0x1a7f37});
//   kpix::render_page_png(doc, 0, 150, d, "page1.png");
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/geometry.h"

namespace poppler {
class document;
}

namespace kpix {

struct Outline {
  Box box;                  // PDF points, top-left origin, displayed page
  unsigned int rgb = 0xff0000;
  int width = 1;            // pixels
  int inset = 0;            // pixels inside the box's edge the outline starts
};

struct Fill {
  Box box;
  unsigned int rgb = 0xff0000;
  double alpha = 0.25;  // 0 transparent … 1 opaque
};

// Text in the 5×7 bitmap font (bitmap_font.h: capitals, digits, a little
// punctuation), its top-left corner at (x, y) in points, on a pale backing
// so that it reads over the page.
struct Label {
  double x = 0, y = 0;
  std::string text;
  unsigned int rgb = 0x000000;
  int scale = 1;          // pixels per font pixel
  double backing = 0.65;  // opacity of the pale backing: the page shows a little
};

// Drawn in this order: fills, outlines, labels.
struct Drawing {
  std::vector<Fill> fills;
  std::vector<Outline> outlines;
  std::vector<Label> labels;
};

// Renders page `index` (0-based) at `dpi`, optionally cropped to `crop`
// (points; empty box = whole page), draws on it, writes a PNG to `out_path`.
// Returns false when Poppler cannot render or write it.
bool render_page_png(const poppler::document& doc, int index, double dpi, const Drawing& drawing,
                     const std::string& out_path, Box crop = {});
bool render_page_png(const poppler::document& doc, int index, double dpi, const std::vector<Outline>& outlines,
                     const std::string& out_path, Box crop = {});

// Width in pixels of a label's text at `scale` (without its backing).
int label_width_px(const std::string& text, int scale);

}  // namespace kpix

// Pages drawn by Poppler with boxes outlined on top, saved as PNG: what
// `kpix inspect --png` shows a person, and the crops of `kpix check` reports.
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
};

// Renders page `index` (0-based) at `dpi`, optionally cropped to `crop` (points;
// empty box = whole page), draws the outlines, writes a PNG to `out_path`.
// Returns false when Poppler cannot render or write it.
bool render_page_png(const poppler::document& doc, int index, double dpi, const std::vector<Outline>& outlines,
                     const std::string& out_path, Box crop = {});

}  // namespace kpix

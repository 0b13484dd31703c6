// Glyphs of made-up text for layout tests built from positions, not PDFs.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

// Glyphs for `text` (one per code point, full width `w`, half width w / 2,
// `h` high; 10 pt by default) from x on a line whose top is y.
inline std::vector<Glyph> word(const std::string& text, double x, double y, double w = 10, double h = 10) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    double gw = n == 1 ? w / 2 : w;
    out.push_back({text.substr(i, n), {x, y, x + gw, y + h}});
    x += gw;
    i += n;
  }
  return out;
}

// The words' glyphs, one after another.
inline std::vector<Glyph> glyphs_of(std::initializer_list<std::vector<Glyph>> words) {
  std::vector<Glyph> g;
  for (const auto& w : words) g.insert(g.end(), w.begin(), w.end());
  return g;
}

// The first line whose first cell is `first_cell`, or nullptr.
inline const Line* line_headed(const std::vector<Line>& lines, const std::string& first_cell) {
  for (const Line& l : lines)
    if (!l.cells.empty() && l.cells[0].text == first_cell) return &l;
  return nullptr;
}

// The first line whose first cell starts with `text`, or nullptr.
inline const Line* line_starting(const std::vector<Line>& lines, const std::string& text) {
  for (const Line& l : lines)
    if (!l.cells.empty() && l.cells[0].text.rfind(text, 0) == 0) return &l;
  return nullptr;
}

}  // namespace kpix

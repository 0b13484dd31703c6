#include "pipeline/layout/spilled_lines.h"

#include "pipeline/layout/glyph_lines.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace kpix::layout_parts {
namespace {

using layout_params::kEmsPerHalfWidth;
using layout_params::kOverprintShare;
using layout_params::kWideGlyphSizeByWidth;
using layout_params::kSpillShare;

// Two glyphs drawn over each other: their boxes overlap by more than
// kOverprintShare of the smaller box's width and height.
bool overprint(const Box& a, const Box& b) {
  return a.overlap_x(b) > kOverprintShare * std::min(a.width(), b.width()) &&
         a.overlap_y(b) > kOverprintShare * std::min(a.height(), b.height());
}

// A glyph's box cut to its size (Type 3 fonts' boxes are taller than their
// glyphs: Chromium's): as tall as it is wide for a full-width glyph (times
// kWideGlyphSizeByWidth), twice as tall for a half-width one, centred; and,
// where the grid's em is known (em_per_size), never taller than its em (times
// kWideGlyphSizeByWidth): letter spacing widens a half-width glyph's box by
// the spacing, and a spaced-out `( K P I )` would reach across its row's rule.
Box core_of(const Glyph& g, double em_per_size) {
  double w = g.box.width();
  double s = std::min(g.box.height(), w * (is_wide(g) ? kWideGlyphSizeByWidth : kEmsPerHalfWidth));
  if (em_per_size > 0 && g.size > 0) s = std::min(s, g.size * em_per_size * kWideGlyphSizeByWidth);
  return {g.box.x0, g.box.cy() - s / 2, g.box.x1, g.box.cy() + s / 2};
}

// The em of a font size, as the grid's full-width glyphs show it (they are an
// em wide): the median of their widths over their sizes; 0 without one. A
// producer's font size need not be the em: Chromium's are twice it.
double em_per_size(const std::vector<const Glyph*>& glyphs) {
  std::vector<double> ratios;
  for (const Glyph* g : glyphs)
    if (g->size > 0 && is_wide(*g)) ratios.push_back(g->box.width() / g->size);
  if (ratios.empty()) return 0;
  auto mid = ratios.begin() + long(ratios.size() / 2);
  std::nth_element(ratios.begin(), mid, ratios.end());
  return *mid;
}

}  // namespace

std::vector<size_t> glyph_rows(const Grid& g, const std::vector<const Glyph*>& glyphs) {
  size_t nr = g.ys.size() - 1, n = glyphs.size();
  std::vector<size_t> row(n);
  for (size_t i = 0; i < n; ++i) row[i] = std::min(band_of(g.ys, glyphs[i]->box.cy()), nr - 1);
  if (nr < 2) return row;
  std::vector<Box> core(n);
  double em = em_per_size(glyphs);
  for (size_t i = 0; i < n; ++i) core[i] = core_of(*glyphs[i], em);
  // A line spills across an edge only when one of its glyphs' cores reaches
  // past it (the line's box is the union of its cores): most grids have no
  // such glyph and need no visual lines.
  bool past_edge = false;
  for (size_t i = 0; i < n && !past_edge; ++i)
    past_edge = core[i].y1 > g.ys[row[i] + 1] || core[i].y0 < g.ys[row[i]];
  if (!past_edge) return row;
  // Visual lines: glyphs of one row with the same top and bottom (one run of
  // text), next to each other left to right.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  // Keys made once (a budget book's page sorts thousands of glyphs).
  std::vector<std::tuple<size_t, double, double>> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = {row[i], std::round(glyphs[i]->box.y0 * 2), glyphs[i]->box.x0};
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  // Sorted by row first: each row's glyphs are one run of `order`, from
  // row_start[r] to row_start[r + 1].
  std::vector<size_t> row_start(nr + 1, n);
  for (size_t k = n; k-- > 0;) row_start[row[order[k]]] = k;
  for (size_t r = nr; r-- > 0;) row_start[r] = std::min(row_start[r], row_start[r + 1]);
  std::vector<size_t> moved(row);
  for (size_t s = 0; s < n;) {
    const Box& first = glyphs[order[s]]->box;
    size_t e = s + 1;
    double x1 = first.x1;
    while (e < n) {
      const Box& b = glyphs[order[e]]->box;
      if (row[order[e]] != row[order[s]] || std::fabs(b.y0 - first.y0) > 0.5 || std::fabs(b.y1 - first.y1) > 0.5 ||
          b.x0 - x1 > b.height())
        break;
      x1 = std::max(x1, b.x1);
      ++e;
    }
    size_t r = row[order[s]];
    // Measured on the glyphs' cores: Type 3 boxes reach past any rule.
    Box line;
    for (size_t k = s; k < e; ++k) line = line.united(core[order[k]]);
    double h = line.height(), x0 = first.x0;
    double below = line.y1 - g.ys[r + 1], above = g.ys[r] - line.y0;
    // Which edge the line spills across, if one: the row beyond it.
    long to = -1;
    if (r + 1 < nr && below > kSpillShare * h && below < h / 2 && above <= kSpillShare * h &&
        has_rule(rules_at(g.h, g.ys[r + 1]), x0, x1))
      to = long(r + 1);
    else if (r > 0 && above > kSpillShare * h && above < h / 2 && below <= kSpillShare * h &&
             has_rule(rules_at(g.h, g.ys[r]), x0, x1))
      to = long(r - 1);
    if (to >= 0) {
      bool over = false;
      // Against the row's other glyphs (the line is order[s … e)).
      for (size_t k = s; k < e && !over; ++k)
        for (size_t p = row_start[r]; p < row_start[r + 1] && !over; ++p)
          if ((p < s || p >= e) && overprint(core[order[k]], core[order[p]])) over = true;
      if (over)
        for (size_t k = s; k < e; ++k) moved[order[k]] = size_t(to);
    }
    s = e;
  }
  return moved;
}

}  // namespace kpix::layout_parts

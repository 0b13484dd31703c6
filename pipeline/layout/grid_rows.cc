#include "pipeline/layout/grid_rows.h"

#include <algorithm>
#include <string>

namespace kpix::layout_parts {

using layout_params::kMaxHeaderRowsOverOneRow;
using layout_params::kMinUncutRows;

GridRows::GridRows(const Grid& grid, const std::vector<Glyph>& glyphs)
    : grid(grid), glyphs(glyphs), nr(grid.ys.size() - 1), inner(grid.xs.size() > 2 ? grid.xs.size() - 2 : 0) {
  drawn.resize(nr * inner);
  for (size_t c = 1; c + 1 < grid.xs.size(); ++c) {
    std::vector<const Rule*> on = rules_at(grid.v, grid.xs[c]);
    for (size_t r = 0; r < nr; ++r) drawn[r * inner + c - 1] = has_rule(on, grid.ys[r], grid.ys[r + 1]);
  }
  lo.assign(nr, 1e300);
  hi.assign(nr, -1e300);
  for (const Glyph& gl : glyphs) {
    size_t r = row_of(gl);
    if (r == nr) continue;
    lo[r] = std::min(lo[r], gl.box.cx());
    hi[r] = std::max(hi[r], gl.box.cx());
  }
}

// Rows above and below uncut rows that share fewer than half their inner
// borders are two tables (a sheet's tables stacked on one grid).
bool GridRows::apart(size_t above, size_t below) const {
  size_t shared = 0, any = 0;
  for (size_t c = 0; c < inner; ++c) {
    shared += cuts(above)[c] && cuts(below)[c];
    any += cuts(above)[c] || cuts(below)[c];
  }
  return 2 * shared < any;
}

// The row of a glyph whose centre lies inside the grid; nr for any other.
size_t GridRows::row_of(const Glyph& gl) const {
  double cx = gl.box.cx(), cy = gl.box.cy();
  if (!(cx > grid.xs.front() && cx < grid.xs.back() && cy > grid.ys.front() && cy < grid.ys.back())) return nr;
  return std::min(band_of(grid.ys, cy), nr - 1);
}

const GridRows::RowGlyphs& GridRows::row_glyphs(size_t r) const {
  if (in_row.empty()) {
    in_row.resize(nr);
    for (const Glyph& gl : glyphs)
      if (size_t k = row_of(gl); k < nr) in_row[k].emplace_back(gl.box.cx(), &gl.text);
  }
  return in_row[r];
}

// The text of a row's first cell (left of the first rule drawn in it),
// its glyphs left to right.
std::string GridRows::first_cell_text(size_t r) const {
  double end = grid.xs.back();
  for (size_t c = 1; c + 1 < grid.xs.size(); ++c)
    if (cuts(r)[c - 1]) {
      end = grid.xs[c];
      break;
    }
  RowGlyphs g;
  for (const auto& p : row_glyphs(r))
    if (p.first < end) g.push_back(p);
  std::stable_sort(g.begin(), g.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string t;
  for (const auto& [x, text] : g) t += *text;
  return t;
}

bool GridRows::one_text_cell(size_t r) const {
  for (size_t c = 1; c + 1 < grid.xs.size(); ++c)
    if (cuts(r)[c - 1] && grid.xs[c] > lo[r] && grid.xs[c] < hi[r]) return false;
  return true;
}

// Whether row r's text is closed by a rule drawn on grid line k (its top
// or bottom) where the text lies; a row without text is.
bool GridRows::closed(size_t r, size_t k) const {
  return lo[r] > hi[r] || has_rule(rules_at(grid.h, grid.ys[k]), lo[r], hi[r]);
}

// The rows that stay in the grid for the inner rules that cut them (see
// add_cut_rows).
std::vector<bool> rows_kept_uncut(const GridRows& g) {
  size_t nr = g.nr;
  std::vector<bool> keep(nr, true);
  for (size_t r = 0; r < nr;) {
    size_t e = r;
    while (e < nr && !g.cut(e)) ++e;
    // Uncut rows between rows ruled alike are the table's own (section rows
    // across it); a run at the top or bottom is a table of its own, or the
    // body under a ruled header. One uncut row under a few ruled ones: a
    // header and the one body row under it.
    bool edge = r == 0 || e == nr;
    bool header_and_row = e == nr && e - r == 1 && r <= kMaxHeaderRowsOverOneRow;
    bool between_tables = !edge && e > r && g.apart(r - 1, e);
    if (((edge || between_tables) && e - r >= kMinUncutRows) || header_and_row)
      std::fill(keep.begin() + long(r), keep.begin() + long(e), false);
    r = e == r ? r + 1 : e;
  }
  return keep;
}

}  // namespace kpix::layout_parts

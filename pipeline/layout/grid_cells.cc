#include "pipeline/layout/grid_cells.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/spilled_lines.h"

namespace kpix::layout_parts {

Block grid_block(const Grid& g, const std::vector<Glyph>& glyphs, std::vector<bool>& used, int table,
                 const LayoutOptions& o) {
  size_t nr = g.ys.size() - 1, nc = g.xs.size() - 1;
  auto id = [nc](size_t r, size_t c) { return int(r * nc + c); };
  DisjointSet ds(int(nr * nc));
  // The rules on each inner grid line, found once.
  std::vector<std::vector<const Rule*>> on_x(nc), on_y(nr);
  for (size_t c = 0; c + 1 < nc; ++c) on_x[c + 1] = rules_at(g.v, g.xs[c + 1]);
  for (size_t r = 0; r + 1 < nr; ++r) on_y[r + 1] = rules_at(g.h, g.ys[r + 1]);
  for (size_t r = 0; r < nr; ++r) {
    for (size_t c = 0; c + 1 < nc; ++c)
      if (!has_rule(on_x[c + 1], g.ys[r], g.ys[r + 1])) ds.unite(id(r, c), id(r, c + 1));
  }
  for (size_t c = 0; c < nc; ++c) {
    for (size_t r = 0; r + 1 < nr; ++r)
      if (!has_rule(on_y[r + 1], g.xs[c], g.xs[c + 1])) ds.unite(id(r, c), id(r + 1, c));
  }
  // Each row's inner column edges where that row's own rules are drawn.
  // Rules closer than kSnap are one grid line, but tables stacked on one
  // grid (a spreadsheet's, whose sheet columns are the union of every table's
  // column edges) may draw their edges a point or two apart: the snapped
  // line is the leftmost, and a right-aligned number's last digit in a row
  // ruled at the other would fall into the next cell.
  // One array for all rows (a budget book's grids have thousands of rows).
  std::vector<double> edges;
  edges.reserve(nr * (nc + 1));
  for (size_t r = 0; r < nr; ++r) {
    edges.insert(edges.end(), g.xs.begin(), g.xs.end());
    double* xs = edges.data() + r * (nc + 1);
    for (size_t c = 1; c < nc; ++c) xs[c] = std::max(xs[c - 1], drawn_at(on_x[c], g.ys[r], g.ys[r + 1], g.xs[c]));
  }
  auto row_xs = [&](size_t r) { return std::span<const double>(edges.data() + r * (nc + 1), nc + 1); };
  Box area = g.box();
  std::vector<const Glyph*> inside;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    if (used[i] || !area.contains_point(glyphs[i].box.cx(), glyphs[i].box.cy())) continue;
    inside.push_back(&glyphs[i]);
    used[i] = true;
  }
  // Each glyph's row: its centre's, or the row its spilled line comes from.
  std::vector<size_t> rows = glyph_rows(g, inside);
  // Each merged cell's glyphs, in the order found: grouped by cell in one
  // array (a counting sort), cell k's from first[k] to first[k + 1]; most
  // grid cells of a spreadsheet's grid hold none.
  std::vector<int> cell_of(inside.size());
  std::vector<size_t> first(nr * nc + 1, 0);
  for (size_t i = 0; i < inside.size(); ++i) {
    size_t r = rows[i];
    cell_of[i] = ds.find(id(r, std::min(band_of(row_xs(r), inside[i]->box.cx()), nc - 1)));
    ++first[size_t(cell_of[i]) + 1];
  }
  for (size_t k = 0; k < nr * nc; ++k) first[k + 1] += first[k];
  std::vector<const Glyph*> grouped(inside.size());
  {
    std::vector<size_t> next(first.begin(), first.end() - 1);
    for (size_t i = 0; i < inside.size(); ++i) grouped[next[size_t(cell_of[i])]++] = inside[i];
  }
  auto members = [&](int root) {
    return std::vector<const Glyph*>(grouped.begin() + long(first[size_t(root)]),
                                     grouped.begin() + long(first[size_t(root) + 1]));
  };
  // Region of each merged cell, and its top-left grid cell.
  std::vector<Box> region(nr * nc);
  std::vector<int> top_left(nr * nc, -1);
  for (size_t r = 0; r < nr; ++r)
    for (size_t c = 0; c < nc; ++c) {
      int root = ds.find(id(r, c));
      region[root] = region[root].united({row_xs(r)[c], g.ys[r], row_xs(r)[c + 1], g.ys[r + 1]});
      if (top_left[root] < 0) top_left[root] = id(r, c);
    }
  Block b;
  b.top = g.ys.front();
  b.left = g.xs.front();
  // Whether a merged cell starting at grid cell (r, c) holds a glyph.
  auto starts_text = [&](size_t r, size_t c) {
    int root = ds.find(id(r, c));
    return top_left[root] == id(r, c) && first[size_t(root) + 1] > first[size_t(root)];
  };
  for (size_t r = 0; r < nr; ++r) {
    // A row no glyph starts a cell in has no text, and is not kept: not built
    // (most rows of a sheet's grid over a page).
    bool any_glyph = false;
    for (size_t c = 0; c < nc && !any_glyph; ++c) any_glyph = starts_text(r, c);
    if (!any_glyph) continue;
    Line line;
    line.cells.reserve(nc);
    line.table = table;
    line.box = {g.xs.front(), g.ys[r], g.xs.back(), g.ys[r + 1]};
    for (size_t c = 0; c < nc; ++c) {
      int root = ds.find(id(r, c));
      Cell cell;
      cell.column = int(c);
      if (top_left[root] == id(r, c)) {
        cell.box = region[root];
        std::vector<const Glyph*> glyphs = members(root);
        for (const Glyph* gl : glyphs) cell.ink = cell.ink.united(gl->box);
        cell.text = join_glyph_text(glyphs, o);
      } else {
        cell.box = {row_xs(r)[c], g.ys[r], row_xs(r)[c + 1], g.ys[r + 1]};
      }
      line.cells.push_back(std::move(cell));
    }
    bool any_text = std::any_of(line.cells.begin(), line.cells.end(), [](const Cell& c) { return !c.text.empty(); });
    if (any_text) b.lines.push_back(std::move(line));
  }
  return b;
}

}  // namespace kpix::layout_parts

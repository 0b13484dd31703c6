// A table's grid (row and column boundaries and the rules drawn on them) and
// the small helpers every grid builder and reader shares. A grid comes from
// drawn rules (ruled_grids) or is rebuilt from text (text_column_grids,
// borderless_grids); grid_cells reads any of them the same way. Internal to
// layout; pure.
//
// Entry points: Grid, stacked (a header's grid over a body's),
// cluster_positions (rule positions to boundaries), band_of, rules_at,
// has_rule and drawn_at (which rules are drawn where).
#pragma once

#include <algorithm>
#include <numeric>
#include <span>
#include <vector>

#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// A table's grid: boundaries and the rules drawn on them.
struct Grid {
  std::vector<double> ys, xs;  // row and column boundaries
  std::vector<const Rule*> h, v;
  Box box() const { return {xs.front(), ys.front(), xs.back(), ys.back()}; }
  // rules_at looks rules up by position.
  void sort_rules() {
    auto by_pos = [](const Rule* a, const Rule* b) { return a->pos < b->pos; };
    std::stable_sort(h.begin(), h.end(), by_pos);
    std::stable_sort(v.begin(), v.end(), by_pos);
  }
};

// `header` on top of `body`: its rows over the body's, the columns of both
// (a header cell spans the body's columns where no rule of its own parts
// them; a header border the body's text runs across parts no body cell).
Grid stacked(const Grid& header, const Grid& body);

// Union-find over 0 … n-1: rules that cross, grid cells no rule parts.
struct DisjointSet {
  std::vector<int> parent;
  explicit DisjointSet(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void unite(int a, int b) { parent[find(a)] = find(b); }
};

// Positions sorted, those closer than layout_params::kSnap to the one before dropped.
std::vector<double> cluster_positions(std::vector<double> v);
// Index of the band of `bounds` (sorted) that x falls in.
size_t band_of(std::span<const double> bounds, double x);
// The rules of `rules` (sorted by position: Grid::h and Grid::v) that lie on
// the grid line at `pos` (within layout_params::kSnap).
std::vector<const Rule*> rules_at(const std::vector<const Rule*>& rules, double pos);
// Whether one of the rules on a grid line (rules_at) is drawn across the band
// [lo, hi] (a row, for a vertical line; a column, for a horizontal one):
// across its middle, within layout_params::kTouch, or less in a thin band
// (layout_params::kTouchShareOfBand).
bool has_rule(const std::vector<const Rule*>& on_line, double lo, double hi);
// Where one of the rules on a grid line (rules_at) is drawn across the band
// [lo, hi] (as has_rule): the position of the one nearest `line` (the grid
// line's snapped position), or `line` when none is drawn there.
double drawn_at(const std::vector<const Rule*>& on_line, double lo, double hi, double line);

}  // namespace kpix::layout_parts

#include "pipeline/layout/ruled_grids.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/grid_rows.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kEmsPerHalfWidth;
using layout_params::kOpenRowMin;
using layout_params::kSnap;
using layout_params::kTouch;
using layout_params::kUnderlineDropEm;
using layout_params::kUnderlineEndSlack;

bool crosses(const Rule& h, const Rule& v) {
  return v.pos >= h.from - kTouch && v.pos <= h.to + kTouch && h.pos >= v.from - kTouch && h.pos <= v.to + kTouch;
}

// Each run of kept rows a grid of its own, with the vertical rules that
// reach it.
void add_kept_runs(const Grid& grid, const std::vector<bool>& keep, std::vector<Grid>& out) {
  size_t nr = keep.size();
  for (size_t a = 0; a < nr;) {
    if (!keep[a]) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b < nr && keep[b]) ++b;
    Grid sub;
    sub.ys.assign(grid.ys.begin() + long(a), grid.ys.begin() + long(b) + 1);
    sub.h = grid.h;
    std::vector<double> xs;
    for (const Rule* v : grid.v)
      if (v->from < sub.ys.back() - kTouch && v->to > sub.ys.front() + kTouch) {
        sub.v.push_back(v);
        xs.push_back(v->pos);
      }
    sub.xs = cluster_positions(xs);
    if (sub.xs.size() >= 3 || (sub.xs.size() == 2 && sub.ys.size() >= 3)) out.push_back(std::move(sub));
    a = b;
  }
}

// A ruled region's columns come from its vertical rules only where those
// rules cut its rows. Rows that no inner vertical rule cuts (a frame around a
// table whose rows only are ruled: Word's and many report templates' style)
// are not each one cell as wide as the frame: runs of kMinUncutRows of them
// are left out of the grid, for text_column_grids to find their columns from
// the text as for tables with horizontal rules only. The rows that inner
// rules cut stay grids of their own (a ruled header over such a body), each
// with the columns of the vertical rules that reach it. Uncut rows between
// rows ruled alike (section rows across the table) stay in the grid, and so
// does a lone uncut row (a note across the table), unless it is the last row
// under at most kMaxHeaderRowsOverOneRow ruled ones: a header and the one
// body row under it.
void add_cut_rows(const Grid& grid, const std::vector<Glyph>& glyphs, std::vector<Grid>& out) {
  GridRows rows(grid, glyphs);
  // 1. Runs of rows no inner rule cuts.
  std::vector<bool> keep = rows_kept_uncut(rows);
  // 2. A sheet's text between its tables.
  leave_text_rows(rows, keep);
  if (std::all_of(keep.begin(), keep.end(), [](bool k) { return k; })) {
    out.push_back(grid);
    return;
  }
  // 3. What is left, grids of their own.
  add_kept_runs(grid, keep, out);
}

// A row the page break split: the grid's outer vertical rules run on past
// its last horizontal rule to the foot of the page (or start above its first,
// at the top) and no rule closes the row there. The nearer end of the two
// outer rules closes it, so the row's text is a row of the grid.
void add_open_rows(Grid& g) {
  // How far down (up) the vertical rules on grid line x reach; nullopt for
  // none there.
  auto reach = [&](double x, bool down) -> std::optional<double> {
    std::optional<double> far;
    for (const Rule* v : g.v)
      if (std::fabs(v->pos - x) <= kSnap) {
        double end = down ? v->to : v->from;
        far = !far ? end : down ? std::max(*far, end) : std::min(*far, end);
      }
    return far;
  };
  auto left_down = reach(g.xs.front(), true), right_down = reach(g.xs.back(), true);
  auto left_up = reach(g.xs.front(), false), right_up = reach(g.xs.back(), false);
  if (left_down && right_down) {
    double bottom = std::min(*left_down, *right_down);
    if (bottom > g.ys.back() + kOpenRowMin) g.ys.push_back(bottom);
  }
  if (left_up && right_up) {
    double top = std::max(*left_up, *right_up);
    if (top < g.ys.front() - kOpenRowMin) g.ys.insert(g.ys.begin(), top);
  }
}

}  // namespace

std::vector<Grid> find_grids(const std::vector<Rule>& rules, const std::vector<Glyph>& glyphs) {
  int n = int(rules.size());
  DisjointSet ds(n);
  // Each horizontal rule meets only the vertical rules whose position lies
  // within its extent: look those up in the verticals sorted by position
  // instead of testing every pair, and join them in index order as the pairwise
  // loop did (the grids' order follows from it). A position that is not a
  // number crosses nothing and stays out of the sorted list.
  std::vector<int> verticals;
  for (int j = 0; j < n; ++j)
    if (!rules[j].horizontal && !std::isnan(rules[j].pos)) verticals.push_back(j);
  std::sort(verticals.begin(), verticals.end(), [&](int a, int b) { return rules[a].pos < rules[b].pos; });
  std::vector<int> met;
  for (int i = 0; i < n; ++i) {
    if (!rules[i].horizontal) continue;
    const Rule& h = rules[i];
    auto it = std::lower_bound(verticals.begin(), verticals.end(), h.from - kTouch,
                               [&](int j, double x) { return rules[j].pos < x; });
    met.clear();
    for (; it != verticals.end() && rules[*it].pos <= h.to + kTouch; ++it)
      if (crosses(h, rules[*it])) met.push_back(*it);
    std::sort(met.begin(), met.end());
    for (int j : met) ds.unite(i, j);
  }
  std::vector<std::vector<int>> groups(n);
  for (int i = 0; i < n; ++i) groups[ds.find(i)].push_back(i);
  std::vector<Grid> grids;
  for (auto& g : groups) {
    // Two rows and two columns need at least four rules: most groups are one
    // rule alone (underlines, frames, text decoration).
    if (g.size() < 4) continue;
    Grid grid;
    std::vector<double> ys, xs;
    for (int i : g) {
      if (rules[i].horizontal) {
        grid.h.push_back(&rules[i]);
        ys.push_back(rules[i].pos);
      } else {
        grid.v.push_back(&rules[i]);
        xs.push_back(rules[i].pos);
      }
    }
    grid.ys = cluster_positions(ys);
    grid.xs = cluster_positions(xs);
    if (grid.ys.size() < 2 || grid.xs.size() < 2) continue;
    // A lone framed box (a slide frame, a boxed heading) is not a table: its
    // text reads better as free lines.
    if (grid.ys.size() == 2 && grid.xs.size() == 2) continue;
    // (A rule whose position is not a number crosses nothing, so it is
    // alone in its group.)
    add_open_rows(grid);
    grid.sort_rules();
    add_cut_rows(grid, glyphs, grids);
  }
  return grids;
}

// Underlines (Writer's <u>, emphasis in slides) are drawn like borders and
// would cut a cell into rows. An underline starts at the first glyph and ends
// at the last glyph of the text just above it; a border reaches past its text
// to the cell edges. Glyph heights are unreliable (Type 3 boxes), so "just
// above" is measured with centres and the em.
std::vector<Rule> without_underlines(const std::vector<Rule>& rules, const std::vector<Glyph>& glyphs) {
  // The glyphs by centre height, each with the em it is measured by, so that a
  // rule looks only at those that can be just above it (within
  // kUnderlineDropEm of the largest em). Glyphs whose centre or em is not a number are looked at by
  // every rule, as before.
  struct Near {
    double cy, em, x0, x1;
  };
  std::vector<Near> near, odd;
  near.reserve(glyphs.size());
  double max_em = 0;
  bool any_horizontal = false;
  for (const Rule& r : rules) any_horizontal = any_horizontal || r.horizontal;
  if (any_horizontal) {
    for (const Glyph& g : glyphs) {
      double em = is_wide(g) ? g.box.width() : g.box.width() * kEmsPerHalfWidth;
      Near n{g.box.cy(), em, g.box.x0, g.box.x1};
      if (!std::isfinite(n.cy) || !std::isfinite(em)) {
        odd.push_back(n);
        continue;
      }
      max_em = std::max(max_em, em);
      near.push_back(n);
    }
    std::sort(near.begin(), near.end(), [](const Near& a, const Near& b) { return a.cy < b.cy; });
  }
  std::vector<Rule> out;
  for (const Rule& r : rules) {
    if (!r.horizontal) {
      out.push_back(r);
      continue;
    }
    double first = 1e18, last = -1e18;
    auto look = [&](const Near& g) {
      double above = r.pos - g.cy;
      if (above <= 0 || above > kUnderlineDropEm * g.em) return;
      if (g.x1 < r.from - kUnderlineEndSlack || g.x0 > r.to + kUnderlineEndSlack) return;
      first = std::min(first, g.x0);
      last = std::max(last, g.x1);
    };
    if (std::isnan(r.pos)) {  // every glyph passes the test then
      for (const Near& g : near) look(g);
    } else {
      // Only centres in [pos - kUnderlineDropEm max em, pos] can pass; a
      // margin either side for rounding.
      double margin = 1 + 1e-9 * (std::fabs(r.pos) + max_em);
      auto it = std::lower_bound(near.begin(), near.end(), r.pos - kUnderlineDropEm * max_em - margin,
                                 [](const Near& g, double y) { return g.cy < y; });
      for (; it != near.end() && it->cy <= r.pos + margin; ++it) look(*it);
    }
    for (const Near& g : odd) look(g);
    bool underline = std::fabs(first - r.from) <= kUnderlineEndSlack && std::fabs(last - r.to) <= kUnderlineEndSlack;
    if (!underline) out.push_back(r);
  }
  return out;
}

}  // namespace kpix::layout_parts

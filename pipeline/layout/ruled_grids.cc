#include "pipeline/layout/ruled_grids.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "pipeline/layout/glyph_lines.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kEmsPerHalfWidth;
using layout_params::kMaxHeaderRowsOverOneRow;
using layout_params::kMinSheetTextRows;
using layout_params::kMinUncutRows;
using layout_params::kOpenRowMin;
using layout_params::kSnap;
using layout_params::kTouch;
using layout_params::kUnderlineDropEm;
using layout_params::kUnderlineEndSlack;

bool crosses(const Rule& h, const Rule& v) {
  return v.pos >= h.from - kTouch && v.pos <= h.to + kTouch && h.pos >= v.from - kTouch && h.pos <= v.to + kTouch;
}

// A ruled grid's rows: which of its inner grid lines a rule is drawn on in
// each, and where each one's text lies.
struct GridRows {
  using RowGlyphs = std::vector<std::pair<double, const std::string*>>;

  GridRows(const Grid& grid, const std::vector<Glyph>& glyphs);
  std::span<const char> cuts(size_t r) const { return std::span<const char>(drawn.data() + r * inner, inner); }
  bool cut(size_t r) const { return std::ranges::find(cuts(r), char(true)) != cuts(r).end(); }
  bool apart(size_t above, size_t below) const;
  size_t row_of(const Glyph& gl) const;
  const RowGlyphs& row_glyphs(size_t r) const;
  std::string first_cell_text(size_t r) const;
  bool one_text_cell(size_t r) const;
  bool closed(size_t r, size_t k) const;

  const Grid& grid;
  const std::vector<Glyph>& glyphs;
  size_t nr, inner;
  // Which inner grid lines a rule is drawn on in each row.
  // One array, row after row (a sheet's grid has thousands of rows).
  std::vector<char> drawn;
  std::vector<double> lo, hi;  // the centres of each row's glyphs, leftmost and rightmost
  // Each row's glyphs (centre x, text), in page order: made when a first
  // cell's text is first asked for (few grids have a run of one-cell rows).
  mutable std::vector<RowGlyphs> in_row;
};

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

// Runs of rows whose text is one cell between rows of several cells:
// [begin, end).
std::vector<std::pair<size_t, size_t>> one_cell_runs(const GridRows& g, const std::vector<bool>& keep) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t r = 1; r < g.nr;) {
    if (!keep[r] || !g.one_text_cell(r) || !keep[r - 1] || g.one_text_cell(r - 1)) {
      ++r;
      continue;
    }
    size_t e = r;
    while (e < g.nr && keep[e] && g.one_text_cell(e)) ++e;
    if (e < g.nr && keep[e]) runs.emplace_back(r, e);
    r = e;
  }
  return runs;
}

// The rows that head a table of the grid, for telling whether the row under
// a one-cell run heads another table: a sheet's tables of one layout stand
// on the same sheet columns, ruled alike, and what parts them is the next
// one's header. A header is told by where it stands (the grid's first row
// of several cells, or the row under another such run) and by being ruled
// alike with the same first cell (`具体的な施策` over `基準値 (R4)` and over `基準値
// (H30)`). Then one row is a run too (a note under each table).
std::vector<size_t> header_rows(const GridRows& g, const std::vector<bool>& keep,
                                const std::vector<std::pair<size_t, size_t>>& runs) {
  std::vector<size_t> heads;
  for (size_t h = 0; h < g.nr; ++h)
    if (keep[h] && !g.one_text_cell(h)) {
      heads.push_back(h);
      break;
    }
  for (const auto& run : runs) heads.push_back(run.second);
  return heads;
}

bool repeats_header(const GridRows& g, const std::vector<size_t>& heads, size_t e) {
  std::string first = g.first_cell_text(e);
  if (first.empty()) return false;
  for (size_t h : heads)
    if (h != e && std::ranges::equal(g.cuts(h), g.cuts(e)) && g.first_cell_text(h) == first) return true;
  return false;
}

// A run that holds a note (`※…`) with text after it that is no note: the
// notes under the table above, then the document going on (a heading)
// before the next table. A note alone between rows is the row's own.
bool notes_then_text(const GridRows& g, size_t r, size_t e) {
  auto is_note = [&](size_t k) {
    std::string t = g.first_cell_text(k);
    return t.starts_with("※") || t.starts_with("注");
  };
  for (size_t k = r; k < e; ++k)
    if (is_note(k))
      for (size_t j = k + 1; j < e; ++j)
        if (!is_note(j)) return true;
  return false;
}

// A spreadsheet prints its grid over the whole sheet: the document's
// headings, notes and paragraphs between two tables are rows of it, cut at
// every sheet column although their text is one cell. Rows whose text is
// one cell (no rule drawn in the row between their glyphs) leave the grid
// when they part two tables: ruled apart (as uncut rows do above), the
// second headed as another table of the grid is, the first's notes and
// then other text between them, or more text than a table's section rows.
void leave_text_rows(const GridRows& g, std::vector<bool>& keep) {
  size_t nr = g.nr;
  std::vector<std::pair<size_t, size_t>> runs = one_cell_runs(g, keep);
  std::vector<size_t> heads = header_rows(g, keep, runs);
  std::vector<bool> leaves(nr, false);
  for (const auto& [r, e] : runs) {
    // Not when a cell runs on across the run's top or bottom edge (a
    // header cell that starts in the gap between two tables stacked on one
    // grid and ends in the lower one's header row).
    bool two_tables = (e - r >= kMinUncutRows && g.apart(r - 1, e)) || repeats_header(g, heads, e) ||
                      notes_then_text(g, r, e) || e - r >= kMinSheetTextRows;
    if (two_tables && g.closed(r, r) && g.closed(e - 1, e))
      std::fill(leaves.begin() + long(r), leaves.begin() + long(e), true);
  }
  // The same at the grid's top: the sheet's title and headings over its
  // first table (at least kMinUncutRows of them; one is a caption of the
  // table), each starting in the grid's first column (text further right at
  // a page's top is the tail of a row the page break split).
  size_t top = 0;
  while (top < nr && keep[top] && g.one_text_cell(top) && g.lo[top] < g.grid.xs[1]) ++top;
  if (top >= kMinUncutRows && top < nr && keep[top] && g.closed(top - 1, top))
    std::fill(leaves.begin(), leaves.begin() + long(top), true);
  for (size_t r = 0; r < nr; ++r)
    if (leaves[r]) keep[r] = false;
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
  auto outer_end = [&](bool lower) -> std::optional<double> {
    std::optional<double> left, right;
    for (const Rule* v : g.v) {
      double end = lower ? v->to : v->from;
      for (auto [edge, side] : {std::pair{g.xs.front(), &left}, std::pair{g.xs.back(), &right}})
        if (std::fabs(v->pos - edge) <= kSnap)
          *side = !*side ? end : lower ? std::max(**side, end) : std::min(**side, end);
    }
    if (!left || !right) return std::nullopt;
    return lower ? std::min(*left, *right) : std::max(*left, *right);
  };
  if (auto bottom = outer_end(true); bottom && *bottom > g.ys.back() + kOpenRowMin) g.ys.push_back(*bottom);
  if (auto top = outer_end(false); top && *top < g.ys.front() - kOpenRowMin) g.ys.insert(g.ys.begin(), *top);
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

#include "pipeline/layout/page_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

#include "pipeline/layout/layout_parts.h"
#include "pipeline/layout/text_grids.h"
#include "pipeline/load/rule_finder.h"
#include "pipeline/model/orientation.h"

namespace kpix {
namespace layout_parts {

using layout_params::kColumnStartNudge;
using layout_params::kCoreHalfEm;
using layout_params::kEmsPerHalfWidth;
using layout_params::kFallbackEm;
using layout_params::kMaxValueCellChars;
using layout_params::kMinEm;
using layout_params::kMinGlyphSize;
using layout_params::kSameLineShare;
using layout_params::kSameTop;
using layout_params::kSnap;
using layout_params::kTouch;
using layout_params::kUnderlineDropEm;
using layout_params::kUnderlineEndSlack;
using layout_params::kWideGlyphSizeByWidth;

// First code point of a UTF-8 string.
char32_t first_code_point(const std::string& s) {
  if (s.empty()) return 0;
  unsigned char c = s[0];
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> n);
  for (int i = 1; i <= n && i < int(s.size()); ++i) cp = (cp << 6) | (s[i] & 0x3F);
  return cp;
}

// Full-width characters are about one em wide whatever their box height, so
// their width measures the font size even where a Type 3 font gives boxes far
// taller than the text (Chromium).
bool is_wide(const Glyph& g) {
  char32_t cp = first_code_point(g.text);
  // CJK ideographs and kana, full-width forms, and the symbols CJK fonts draw
  // full width: ① ⑴, ▲ △ ○ ■, → ⇒, ※.
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60) ||
         (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
         (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x203B;
}

// Reorders v.
double median(std::vector<double>& v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The median width of the full-width glyphs, or without any the median height.
double em_of(const std::vector<const Glyph*>& glyphs) {
  std::vector<double> sizes;
  sizes.reserve(glyphs.size());
  for (const Glyph* g : glyphs)
    if (is_wide(*g)) sizes.push_back(g->box.width());
  if (sizes.empty())
    for (const Glyph* g : glyphs) sizes.push_back(g->box.height());
  double em = median(sizes);
  return em > kMinEm ? em : kFallbackEm;
}

// Vertical size used to decide whether two glyphs share a line.
double glyph_size(const Glyph& g) {
  // Half-width glyphs are about half an em wide, so twice their width bounds
  // their size where a Type 3 box is far taller than the text.
  double h = std::min(g.box.height(), g.box.width() * (is_wide(g) ? kWideGlyphSizeByWidth : kEmsPerHalfWidth));
  return std::max(h, kMinGlyphSize);
}

std::vector<std::vector<const Glyph*>> visual_lines(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.cy() < b->box.cy(); });
  std::vector<std::vector<const Glyph*>> lines;
  double line_cy = 0, line_size = 0;
  for (const Glyph* g : glyphs) {
    double s = glyph_size(*g);
    // The smaller of the two sizes: one odd glyph must not widen a line
    // enough to swallow the next one.
    if (!lines.empty() && std::fabs(g->box.cy() - line_cy) <= kSameLineShare * std::min(s, line_size)) {
      auto& cur = lines.back();
      cur.push_back(g);
      line_cy += (g->box.cy() - line_cy) / double(cur.size());
      continue;
    }
    lines.push_back({g});
    line_cy = g->box.cy();
    line_size = s;
  }
  for (auto& l : lines)
    std::sort(l.begin(), l.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  if (lines.size() < 2) return lines;
  // Lines by mean centre height, each mean computed once (the same sums as
  // before, so the same comparisons and the same order).
  std::vector<std::pair<double, size_t>> order(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    double y = 0;
    for (const Glyph* g : lines[i]) y += g->box.cy();
    order[i] = {y / lines[i].size(), i};
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<const Glyph*>> sorted;
  sorted.reserve(lines.size());
  for (auto& [y, i] : order) sorted.push_back(std::move(lines[i]));
  return sorted;
}

Box box_of(const std::vector<const Glyph*>& glyphs) {
  Box b;
  for (const Glyph* g : glyphs) b = b.united(g->box);
  return b;
}

// One visual line's glyphs (sorted by x) to text, a space at wide gaps.
std::string line_text(const std::vector<const Glyph*>& line, double em, const LayoutOptions& o) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i) {
      bool cross = is_wide(*line[i]) != is_wide(*line[i - 1]);
      double gap = line[i]->box.x0 - line[i - 1]->box.x1;
      if (gap > (cross ? o.cross_script_space_gap_em : o.space_gap_em) * em) out += ' ';
    }
    out += line[i]->text;
  }
  return out;
}

struct DisjointSet {
  std::vector<int> parent;
  explicit DisjointSet(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void unite(int a, int b) { parent[find(a)] = find(b); }
};

std::vector<double> cluster_positions(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (!out.empty() && x - out.back() < kSnap) continue;
    out.push_back(x);
  }
  return out;
}

bool crosses(const Rule& h, const Rule& v) {
  return v.pos >= h.from - kTouch && v.pos <= h.to + kTouch && h.pos >= v.from - kTouch && h.pos <= v.to + kTouch;
}

std::vector<Grid> find_grids(const std::vector<Rule>& rules) {
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
    grid.sort_rules();
    grids.push_back(std::move(grid));
  }
  return grids;
}

// The rules of `rules` (sorted by position: Grid::h and Grid::v) that lie on
// the grid line at `pos`.
std::vector<const Rule*> rules_at(const std::vector<const Rule*>& rules, double pos) {
  std::vector<const Rule*> out;
  // The search window is a point wider than kSnap either side (rounding);
  // the test inside decides.
  auto it = std::lower_bound(rules.begin(), rules.end(), pos - kSnap - 1,
                             [](const Rule* r, double x) { return r->pos < x; });
  for (; it != rules.end() && (*it)->pos <= pos + kSnap + 1; ++it)
    if (std::fabs((*it)->pos - pos) < kSnap) out.push_back(*it);
  return out;
}

// Whether one of the rules on a grid line (rules_at) is drawn at `along`.
bool has_rule(const std::vector<const Rule*>& on_line, double along) {
  for (const Rule* r : on_line)
    if (along >= r->from - kTouch && along <= r->to + kTouch) return true;
  return false;
}

size_t band_of(const std::vector<double>& bounds, double x) {
  auto it = std::upper_bound(bounds.begin(), bounds.end(), x);
  return size_t(std::max<std::ptrdiff_t>(0, it - bounds.begin() - 1));
}

// x-intervals of a band's glyphs, joined where they are closer than `gap`.
std::vector<Span> spans_of(std::vector<const Glyph*> glyphs, double gap) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  std::vector<Span> out;
  for (const Glyph* g : glyphs) {
    if (!out.empty() && g->box.x0 - out.back().x1 < gap) {
      out.back().x1 = std::max(out.back().x1, g->box.x1);
      continue;
    }
    out.push_back({g->box.x0, g->box.x1});
  }
  return out;
}

struct Block {
  double top = 0, left = 0;
  std::vector<Line> lines;
};

// Rows of one ruled grid; glyphs inside it are marked used.
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
    double ymid = (g.ys[r] + g.ys[r + 1]) / 2;
    for (size_t c = 0; c + 1 < nc; ++c)
      if (!has_rule(on_x[c + 1], ymid)) ds.unite(id(r, c), id(r, c + 1));
  }
  for (size_t c = 0; c < nc; ++c) {
    double xmid = (g.xs[c] + g.xs[c + 1]) / 2;
    for (size_t r = 0; r + 1 < nr; ++r)
      if (!has_rule(on_y[r + 1], xmid)) ds.unite(id(r, c), id(r + 1, c));
  }
  std::vector<std::vector<const Glyph*>> members(nr * nc);
  Box area = g.box();
  for (size_t i = 0; i < glyphs.size(); ++i) {
    if (used[i] || !area.contains_point(glyphs[i].box.cx(), glyphs[i].box.cy())) continue;
    size_t r = std::min(band_of(g.ys, glyphs[i].box.cy()), nr - 1);
    size_t c = std::min(band_of(g.xs, glyphs[i].box.cx()), nc - 1);
    members[ds.find(id(r, c))].push_back(&glyphs[i]);
    used[i] = true;
  }
  // Region of each merged cell, and its top-left grid cell.
  std::vector<Box> region(nr * nc);
  std::vector<int> top_left(nr * nc, -1);
  for (size_t r = 0; r < nr; ++r)
    for (size_t c = 0; c < nc; ++c) {
      int root = ds.find(id(r, c));
      region[root] = region[root].united({g.xs[c], g.ys[r], g.xs[c + 1], g.ys[r + 1]});
      if (top_left[root] < 0) top_left[root] = id(r, c);
    }
  Block b;
  b.top = g.ys.front();
  b.left = g.xs.front();
  for (size_t r = 0; r < nr; ++r) {
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
        cell.text = join_glyph_text(members[root], o);
      } else {
        cell.box = {g.xs[c], g.ys[r], g.xs[c + 1], g.ys[r + 1]};
      }
      line.cells.push_back(std::move(cell));
    }
    bool any_text = std::any_of(line.cells.begin(), line.cells.end(), [](const Cell& c) { return !c.text.empty(); });
    if (any_text) b.lines.push_back(std::move(line));
  }
  return b;
}

// A short cell with a digit: a value, whatever its unit.
bool numeric_cell(const Cell& c) {
  size_t chars = 0;
  bool digit = false;
  for (unsigned char ch : c.text) {
    chars += (ch & 0xC0) != 0x80;
    digit = digit || (ch >= '0' && ch <= '9');
  }
  return digit && chars <= kMaxValueCellChars;
}

// Two lines with values one above the other are two rows, however close.
bool stacked_numbers(const Line& a, const Line& b) {
  for (const Cell& x : a.cells)
    for (const Cell& y : b.cells)
      if (x.box.overlap_x(y.box) > 0 && numeric_cell(x) && numeric_cell(y)) return true;
  return false;
}

// Free glyphs to lines cut into cells at wide gaps.
std::vector<Block> free_blocks(const std::vector<Glyph>& glyphs, const std::vector<bool>& used,
                               const LayoutOptions& o) {
  std::vector<const Glyph*> rest;
  for (size_t i = 0; i < glyphs.size(); ++i)
    if (!used[i]) rest.push_back(&glyphs[i]);
  std::vector<Block> blocks;
  double core_bottom = -1e18;  // of the previous visual line
  for (auto& vl : visual_lines(rest)) {
    double em = em_of(vl);
    double cy = 0;
    for (const Glyph* g : vl) cy += g->box.cy();
    cy /= double(vl.size());
    Line line;
    std::vector<const Glyph*> run;
    auto flush = [&] {
      if (run.empty()) return;
      Cell c;
      c.text = line_text(run, em, o);
      c.box = box_of(run);
      line.cells.push_back(std::move(c));
      run.clear();
    };
    for (size_t i = 0; i < vl.size(); ++i) {
      if (i && vl[i]->box.x0 - vl[i - 1]->box.x1 > o.cell_gap_em * em) flush();
      run.push_back(vl[i]);
    }
    flush();
    line.box = box_of(vl);
    // Lines whose cores (centre ± half an em) overlap belong to one row of an
    // unruled table: a value centred beside a name wrapped onto two lines.
    // A wrapped cell's lines join with '\n', other cells stand beside them.
    bool same_row = !blocks.empty() && cy - kCoreHalfEm * em < core_bottom &&
                    !stacked_numbers(blocks.back().lines.back(), line);
    core_bottom = std::max(same_row ? core_bottom : -1e18, cy + kCoreHalfEm * em);
    if (same_row) {
      Line& prev = blocks.back().lines.back();
      for (Cell& c : line.cells) {
        auto above = std::find_if(prev.cells.begin(), prev.cells.end(),
                                  [&](const Cell& p) { return p.box.overlap_x(c.box) > 0; });
        if (above != prev.cells.end()) {
          bool below = c.box.cy() > above->box.cy();
          above->text = below ? above->text + "\n" + c.text : c.text + "\n" + above->text;
          above->box = above->box.united(c.box);
        } else {
          prev.cells.push_back(std::move(c));
        }
      }
      std::sort(prev.cells.begin(), prev.cells.end(), [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
      prev.box = prev.box.united(line.box);
      continue;
    }
    Block b;
    b.top = line.box.y0;
    b.left = line.box.x0;
    b.lines.push_back(std::move(line));
    blocks.push_back(std::move(b));
  }
  return blocks;
}

// Consecutive free lines of two or more cells that share their gaps are an
// unruled table: give their cells column indexes from the common gaps.
void index_unruled_columns(std::vector<Line>& lines, int& next_table) {
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].table >= 0 || lines[i].cells.size() < 2) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && lines[j].table < 0 && lines[j].cells.size() >= 2) ++j;
    if (j - i >= 2) {
      std::vector<std::pair<double, double>> spans;
      for (size_t k = i; k < j; ++k)
        for (auto& c : lines[k].cells) spans.emplace_back(c.box.x0, c.box.x1);
      std::sort(spans.begin(), spans.end());
      std::vector<double> starts;  // left edge of each column band
      double reach = -1e9;
      for (auto& [a, b] : spans) {
        if (a > reach) starts.push_back(a);
        reach = std::max(reach, b);
      }
      int table = next_table++;
      for (size_t k = i; k < j; ++k) {
        lines[k].table = table;
        for (auto& c : lines[k].cells) c.column = int(band_of(starts, c.box.x0 + kColumnStartNudge));
      }
    }
    i = j;
  }
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

}  // namespace layout_parts

using namespace layout_parts;

std::string join_glyph_text(std::vector<const Glyph*> glyphs, const LayoutOptions& o) {
  if (glyphs.empty()) return {};
  if (glyphs.size() == 1) return glyphs[0]->text;  // one line of one glyph
  // Visual lines of a cell are kept apart by '\n': a heading and its
  // description, or a number that wrapped, are told apart downstream
  // (flatten_cell_text).
  std::string out;
  for (auto& vl : visual_lines(std::move(glyphs))) {
    if (!out.empty()) out += '\n';
    out += line_text(vl, em_of(vl), o);
  }
  return out;
}

std::vector<Line> analyze_layout(const std::vector<Glyph>& glyphs, const std::vector<Rule>& rules,
                                 const LayoutOptions& o) {
  std::vector<bool> used(glyphs.size(), false);
  std::vector<Block> blocks;
  int table = 0;
  std::vector<Rule> borders = without_underlines(rules, glyphs);
  std::vector<Grid> grids = find_grids(borders);
  std::deque<Rule> made;  // column boundaries of tables ruled by rows only
  std::vector<Grid> row_ruled = text_column_grids(borders, grids, glyphs, o, made);
  std::vector<Grid> taken = grids;
  taken.insert(taken.end(), row_ruled.begin(), row_ruled.end());
  std::vector<Grid> borderless = o.borderless_tables ? borderless_grids(glyphs, taken, o, made) : std::vector<Grid>{};
  for (const Grid& g : grids) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  for (const Grid& g : row_ruled) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  for (const Grid& g : borderless) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  for (Block& b : free_blocks(glyphs, used, o)) blocks.push_back(std::move(b));
  std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    if (std::fabs(a.top - b.top) > kSameTop) return a.top < b.top;
    return a.left < b.left;
  });
  std::vector<Line> lines;
  for (Block& b : blocks)
    for (Line& l : b.lines) lines.push_back(std::move(l));
  index_unruled_columns(lines, table);
  return lines;
}

Page lay_out_page(Page page, const LayoutOptions& o) {
  if (page.glyphs.empty() && !page.lines.empty()) return page;
  std::vector<Glyph> glyphs = std::move(page.glyphs);
  page.glyphs = {};
  const std::vector<Rule>* rules = &page.rules;  // as displayed
  std::vector<Rule> upright;
  if (page.text_turn != 0) {
    Frame frame{page.text_turn, page.width, page.height};
    for (Glyph& gl : glyphs) gl.box = frame.to_upright(gl.box);
    for (const Rule& r : page.rules) upright.push_back(frame.to_upright(r));
    upright = merge_rules(std::move(upright));
    rules = &upright;
  }
  page.lines = analyze_layout(glyphs, *rules, o);
  return page;
}

}  // namespace kpix

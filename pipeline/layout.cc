#include "pipeline/layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

#include "pipeline/ruled_rows.h"
#include "pipeline/text_columns.h"
#include "pipeline/text_rows.h"

namespace kpix {
namespace {

// Rules closer than this are one border; rows or columns thinner than this are
// double-line artefacts, not bands of their own.
constexpr double kSnap = 3.0;
// A rule end may stop this short of the rule it meets and still join it.
constexpr double kTouch = 3.0;

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
  return em > 0.5 ? em : 1.0;
}

// Vertical size used to decide whether two glyphs share a line.
double glyph_size(const Glyph& g) {
  // Half-width glyphs are about half an em wide, so twice their width bounds
  // their size where a Type 3 box is far taller than the text.
  double h = std::min(g.box.height(), g.box.width() * (is_wide(g) ? 1.2 : 2.0));
  return std::max(h, 1.0);
}

std::vector<std::vector<const Glyph*>> visual_lines(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.cy() < b->box.cy(); });
  std::vector<std::vector<const Glyph*>> lines;
  double line_cy = 0, line_size = 0;
  for (const Glyph* g : glyphs) {
    double s = glyph_size(*g);
    // The smaller of the two sizes: one odd glyph must not widen a line
    // enough to swallow the next one.
    if (!lines.empty() && std::fabs(g->box.cy() - line_cy) <= 0.45 * std::min(s, line_size)) {
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

// The glyphs of each band between consecutive `ys` inside [x0, x1].
std::vector<std::vector<const Glyph*>> glyphs_in_bands(const std::vector<Glyph>& glyphs, const std::vector<double>& ys,
                                                       double x0, double x1, const std::vector<Grid>& ruled) {
  std::vector<std::vector<const Glyph*>> in_band(ys.size() - 1);
  for (const Glyph& gl : glyphs) {
    double x = gl.box.cx(), y = gl.box.cy();
    if (x < x0 || x > x1 || y < ys.front() || y > ys.back()) continue;
    if (std::any_of(ruled.begin(), ruled.end(), [&](const Grid& g) { return g.box().contains_point(x, y); })) continue;
    in_band[std::min(band_of(ys, y), ys.size() - 2)].push_back(&gl);
  }
  return in_band;
}

// Column boundaries of bands [from, to) (text_columns.h).
std::vector<double> band_columns(const std::vector<std::vector<const Glyph*>>& in_band, size_t from, size_t to,
                                 double x0, double x1, const LayoutOptions& o) {
  // Each visual line is one piece of evidence: a band may hold several rows
  // (a group between shaded section rows), and the values of one row must not
  // be taken for columns beside the values of another.
  // A band whose every line is one piece of text (a heading row over the
  // table, a section row) shows no columns; it counts only if no band does.
  std::vector<std::vector<Span>> spans, plain;
  for (size_t b = from; b < to; ++b) {
    std::vector<std::vector<Span>> band;
    bool columns = false;
    for (const auto& line : visual_lines(in_band[b])) {
      // Narrower than the gap that cuts free text into cells: text that
      // fills its column comes within two paddings of the next column's.
      band.push_back(spans_of(line, o.column_gap_em * em_of(line)));
      columns = columns || band.back().size() >= 2;
    }
    auto& into = columns ? spans : plain;
    into.insert(into.end(), band.begin(), band.end());
  }
  return find_text_columns(spans.empty() ? plain : spans, x0, x1);
}

// A value: short, and mostly digits (`36.0`, `1,498千円`, `△562`), unlike a
// wrapped name that holds a number (`／36.7%(令和元年)`).
bool number_text(const std::vector<const Glyph*>& glyphs) {
  size_t digits = 0;
  for (const Glyph* g : glyphs) {
    char32_t cp = first_code_point(g->text);
    digits += (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
  }
  return glyphs.size() <= 12 && digits * 5 >= glyphs.size() * 2;
}

// A line's glyphs by the column (between `cuts`) their centre falls in.
std::vector<std::vector<const Glyph*>> by_column(const std::vector<const Glyph*>& line,
                                                 const std::vector<double>& cuts) {
  std::vector<std::vector<const Glyph*>> out(cuts.size() + 1);
  for (const Glyph* g : line)
    out[size_t(std::upper_bound(cuts.begin(), cuts.end(), g->box.cx()) - cuts.begin())].push_back(g);
  return out;
}

// Where new rows begin among `glyphs` (one borderless table), given its
// column boundaries: each break's height
// and, per column, whether a wrapped or spanning cell runs across it.
struct RowBreak {
  double y;
  std::vector<bool> crossed;  // per column
};

std::vector<RowBreak> text_row_breaks(std::vector<const Glyph*> glyphs, const std::vector<double>& cuts) {
  auto lines = visual_lines(std::move(glyphs));
  std::vector<double> cys;
  std::vector<TextRun> runs;
  for (size_t k = 0; k < lines.size(); ++k) {
    double em = em_of(lines[k]), cy = 0;
    for (const Glyph* g : lines[k]) cy += g->box.cy();
    cy /= double(lines[k].size());
    cys.push_back(cy);
    auto cells = by_column(lines[k], cuts);
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty()) runs.push_back({k, c, cy - em / 2, cy + em / 2, number_text(cells[c])});
  }
  TextRows rows = find_text_rows(runs);
  std::vector<RowBreak> out;
  for (size_t k : rows.breaks) {
    RowBreak b{(cys[k] + cys[k + 1]) / 2, std::vector<bool>(cuts.size() + 1, false)};
    for (const TextCell& x : rows.cells)
      if (x.first_line <= k && x.last_line > k) b.crossed[x.column] = true;
    out.push_back(std::move(b));
  }
  return out;
}

// Whether `glyphs` hold two lines of values (numbers in two columns or more
// on each), one over the other: rows a band drawn around them holds several of.
bool stacks_value_rows(std::vector<const Glyph*> glyphs, const std::vector<double>& cuts) {
  struct ValueLine {
    double cy, em;
    std::vector<bool> number;  // per column
  };
  std::vector<ValueLine> lines;
  for (const auto& line : visual_lines(std::move(glyphs))) {
    auto cells = by_column(line, cuts);
    double cy = 0;
    for (const Glyph* g : line) cy += g->box.cy();
    ValueLine v{cy / double(line.size()), em_of(line), std::vector<bool>(cells.size())};
    for (size_t c = 0; c < cells.size(); ++c) v.number[c] = !cells[c].empty() && number_text(cells[c]);
    lines.push_back(std::move(v));
  }
  for (size_t a = 0; a < lines.size(); ++a)
    for (size_t b = a + 1; b < lines.size(); ++b) {
      // Glyphs of one line whose boxes sit a little apart are not two rows.
      if (lines[b].cy - lines[a].cy < std::max(lines[a].em, lines[b].em)) continue;
      int both = 0;
      for (size_t c = 0; c < lines[a].number.size(); ++c) both += lines[a].number[c] && lines[b].number[c];
      if (both >= 2) return true;
    }
  return false;
}

// A ruled header's column borders, where the body's text leaves them free,
// stand for the body's own boundaries in the same gap: the body's cells then
// line up with its header's. Boundaries the header lacks
// (a header cell over a group label and a name) stay.
std::vector<double> with_header_columns(const std::vector<double>& cuts, const Grid* header,
                                        const std::vector<std::vector<const Glyph*>>& in_band, size_t from,
                                        size_t to) {
  if (!header) return cuts;
  std::vector<double> borders;
  for (size_t i = 1; i + 1 < header->xs.size(); ++i) {
    size_t crossed = 0, rows = 0;
    for (size_t b = from; b < to; ++b) {
      if (in_band[b].empty()) continue;
      ++rows;
      crossed += covered(spans_of(in_band[b], 0), header->xs[i]);
    }
    if (crossed * 4 <= rows) borders.push_back(header->xs[i]);
  }
  // A boundary found from the text and a header border with no text between
  // them (in all but a quarter of the rows) part the same two columns.
  auto same_gap = [&](double a, double b) {
    if (a > b) std::swap(a, b);
    size_t crossed = 0, rows = 0;
    for (size_t k = from; k < to; ++k) {
      if (in_band[k].empty()) continue;
      ++rows;
      for (const Span& s : spans_of(in_band[k], 0))
        if (s.x1 > a && s.x0 < b) {
          ++crossed;
          break;
        }
    }
    return crossed * 4 <= rows;
  };
  std::vector<double> out = borders;
  for (double c : cuts)
    if (std::none_of(borders.begin(), borders.end(), [&](double x) { return same_gap(x, c); })) out.push_back(c);
  std::sort(out.begin(), out.end());
  return out;
}

// Grids for tables whose rows are ruled and whose columns are not: the
// rules give the rows, the text's common gaps the columns (text_columns.h).
// A column boundary is drawn only in the rows whose text leaves it free, so
// text running across it (a heading over several columns) stays one merged
// cell, as in a ruled grid. The boundaries are kept in `made`.
std::vector<Grid> text_column_grids(const std::vector<Rule>& borders, const std::vector<Grid>& ruled,
                                    const std::vector<Glyph>& glyphs, const LayoutOptions& o,
                                    std::deque<Rule>& made) {
  auto in_ruled = [&](double x, double y) {
    return std::any_of(ruled.begin(), ruled.end(), [&](const Grid& g) { return g.box().contains_point(x, y); });
  };
  std::vector<Grid> out;
  // Bands [from, to) of `ys` as one grid, when they are a table.
  auto add_grid = [&](const RuledRows& t, const std::vector<double>& ys, size_t from, size_t to,
                      const std::vector<std::vector<const Glyph*>>& in_band, const std::vector<double>& cuts) {
    // One row is no table, unless it is the body under a ruled header.
    auto header = std::find_if(ruled.begin(), ruled.end(), [&](const Grid& g) {
      return std::fabs(g.ys.back() - ys[from]) < kSnap && g.xs.front() < t.x1 && g.xs.back() > t.x0;
    });
    if (to - from < (header != ruled.end() ? 1u : 2u) || cuts.empty()) return;
    Grid g;
    g.ys.assign(ys.begin() + long(from), ys.begin() + long(to) + 1);
    g.xs.push_back(t.x0);
    for (double c : with_header_columns(cuts, header != ruled.end() ? &*header : nullptr, in_band, from, to))
      g.xs.push_back(c);
    g.xs.push_back(t.x1);
    g.xs = cluster_positions(g.xs);
    if (g.xs.size() < 3) return;
    for (const Rule* r : t.rules)
      if (r->pos >= g.ys.front() - kSnap && r->pos <= g.ys.back() + kSnap) g.h.push_back(r);
    // A band holding rows of values one over another (rules around groups of
    // rows only: shaded section rows, a LaTeX table's body) is split where
    // its text starts new rows.
    std::vector<double> inner(g.xs.begin() + 1, g.xs.end() - 1);
    std::vector<double> row_ys;
    std::vector<size_t> band_of_row;
    for (size_t b = from; b < to; ++b) {
      row_ys.push_back(ys[b]);
      band_of_row.push_back(b);
      if (!stacks_value_rows(in_band[b], inner)) continue;
      for (const RowBreak& rb : text_row_breaks(in_band[b], inner)) {
        row_ys.push_back(rb.y);
        band_of_row.push_back(b);
        for (size_t c = 0; c + 1 < g.xs.size(); ++c)
          if (!rb.crossed[c]) {
            made.push_back({true, rb.y, g.xs[c], g.xs[c + 1]});
            g.h.push_back(&made.back());
          }
      }
    }
    row_ys.push_back(ys[to]);
    g.ys = row_ys;
    made.push_back({false, t.x0, g.ys.front(), g.ys.back()});
    g.v.push_back(&made.back());
    for (size_t r = 0; r + 1 < g.ys.size(); ++r) {
      std::vector<const Glyph*> row;
      for (const Glyph* gl : in_band[band_of_row[r]])
        if (gl->box.cy() >= g.ys[r] && gl->box.cy() <= g.ys[r + 1]) row.push_back(gl);
      std::vector<Span> ink = spans_of(row, 0);
      for (size_t k = 1; k + 1 < g.xs.size(); ++k)
        if (!covered(ink, g.xs[k])) {
          made.push_back({false, g.xs[k], g.ys[r], g.ys[r + 1]});
          g.v.push_back(&made.back());
        }
    }
    made.push_back({false, t.x1, g.ys.front(), g.ys.back()});
    g.v.push_back(&made.back());
    g.sort_rules();
    out.push_back(std::move(g));
  };
  for (const RuledRows& t : find_ruled_rows(borders)) {
    size_t nb = t.ys.size() - 1;
    for (size_t i = 0; i < nb;) {
      // Bands of a ruled grid (its own horizontal rules are among these)
      // are read with the grid.
      if (in_ruled((t.x0 + t.x1) / 2, (t.ys[i] + t.ys[i + 1]) / 2)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < nb && !in_ruled((t.x0 + t.x1) / 2, (t.ys[j] + t.ys[j + 1]) / 2)) ++j;
      std::vector<double> ys(t.ys.begin() + long(i), t.ys.begin() + long(j) + 1);
      i = j;
      auto in_band = glyphs_in_bands(glyphs, ys, t.x0, t.x1, ruled);
      size_t n = ys.size() - 1;
      std::vector<double> cuts = band_columns(in_band, 0, n, t.x0, t.x1, o);
      if (cuts.empty()) continue;  // one column: text between rules, not a table
      // A paragraph running across every column between two rules is text
      // between two tables (or a note under one), not a row: the tables on
      // either side are read apart, each with its own columns.
      // An empty band is the space between two tables ruled alike (a LaTeX
      // table's bottom rule, then the next one's top rule).
      std::vector<bool> paragraph(n, false);
      bool any = false;
      for (size_t b = 0; b < n; ++b) {
        if (in_band[b].empty()) {
          paragraph[b] = any = true;
          continue;
        }
        std::vector<Span> ink = spans_of(in_band[b], 0);
        auto lines = visual_lines(in_band[b]);
        // ... or, first under the top rule, lines of running text with no
        // gap of a column among them (a heading drawn inside the table).
        bool prose = std::all_of(lines.begin(), lines.end(), [&](const std::vector<const Glyph*>& l) {
          return spans_of(l, o.column_gap_em * em_of(l)).size() == 1;
        });
        bool first = b == 0;
        paragraph[b] = lines.size() >= 2 &&
                       ((prose && first) ||
                        std::all_of(cuts.begin(), cuts.end(), [&](double c) { return covered(ink, c); }));
        any = any || paragraph[b];
      }
      if (!any) {
        add_grid(t, ys, 0, n, in_band, cuts);
        continue;
      }
      for (size_t b = 0; b < n;) {
        if (paragraph[b]) {
          ++b;
          continue;
        }
        size_t e = b;
        while (e < n && !paragraph[e]) ++e;
        add_grid(t, ys, b, e, in_band, band_columns(in_band, b, e, t.x0, t.x1, o));
        b = e;
      }
    }
  }
  return out;
}


// Grids for tables drawn without any borders, from the text alone: the
// columns from the lines' common gaps (text_columns.h), the rows from which
// lines of a column are one wrapped cell (text_rows.h). Boundaries are drawn
// where no text runs across them, so wrapped and spanning cells come out
// merged, as in a ruled grid. The rules are kept in `made`.
std::vector<Grid> borderless_grids(const std::vector<Glyph>& glyphs, const std::vector<Grid>& taken,
                                   const LayoutOptions& o, std::deque<Rule>& made) {
  std::vector<const Glyph*> rest;
  for (const Glyph& g : glyphs) {
    double x = g.box.cx(), y = g.box.cy();
    if (std::none_of(taken.begin(), taken.end(), [&](const Grid& t) { return t.box().contains_point(x, y); }))
      rest.push_back(&g);
  }
  auto lines = visual_lines(std::move(rest));
  struct Info {
    double em, cy;
    size_t cells;
  };
  std::vector<Info> info;
  for (auto& l : lines) {
    double em = em_of(l), cy = 0;
    for (const Glyph* g : l) cy += g->box.cy();
    cy /= double(l.size());
    size_t cells = 1;
    for (size_t i = 1; i < l.size(); ++i) cells += l[i]->box.x0 - l[i - 1]->box.x1 > o.cell_gap_em * em;
    info.push_back({em, cy, cells});
  }
  std::vector<Grid> out;
  // Blocks of lines close together (rows of one table are at most three ems
  // apart); in each, the lines from the first to the last with several cells,
  // when there are two such lines at least (a header and one row).
  for (size_t i = 0; i < lines.size();) {
    size_t j = i + 1;
    while (j < lines.size() && info[j].cy - info[j - 1].cy <= 3 * std::max(info[j].em, info[j - 1].em)) ++j;
    size_t first = j, last = i, multi = 0;
    for (size_t k = i; k < j; ++k)
      if (info[k].cells >= 2) {
        first = std::min(first, k);
        last = k;
        ++multi;
      }
    size_t block_from = i, block_to = j;
    i = j;
    if (multi < 2) continue;
    size_t n = last - first + 1;
    double x0 = 1e18, x1 = -1e18, top = 1e18, bottom = -1e18;
    std::vector<std::vector<Span>> bands(n), ink(n);
    for (size_t k = 0; k < n; ++k) {
      const auto& l = lines[first + k];
      for (const Glyph* g : l) {
        x0 = std::min(x0, g->box.x0);
        x1 = std::max(x1, g->box.x1);
        top = std::min(top, g->box.cy());
        bottom = std::max(bottom, g->box.cy());
      }
      bands[k] = spans_of(l, o.column_gap_em * info[first + k].em);
      ink[k] = spans_of(l, 0);
    }
    x0 -= 1;
    x1 += 1;
    std::vector<double> cuts = find_text_columns(bands, x0, x1);
    if (cuts.empty()) continue;
    // Lines of one cell just above the first or below the last row with
    // several cells (a header wrapped upwards, a description running on
    // under its values) are the table's too: within one column, and a line
    // height from the table.
    auto within_one_column = [&](size_t k) {
      std::vector<Span> spans = spans_of(lines[k], 0);
      if (spans.empty() || spans.front().x0 < x0 || spans.back().x1 > x1) return false;
      return std::none_of(cuts.begin(), cuts.end(), [&](double c) { return covered(spans, c); });
    };
    auto near = [&](size_t a, size_t b) {
      return std::fabs(info[b].cy - info[a].cy) <= 1.5 * std::max(info[a].em, info[b].em);
    };
    while (first > block_from && near(first - 1, first) && within_one_column(first - 1)) --first;
    while (last + 1 < block_to && near(last, last + 1) && within_one_column(last + 1)) ++last;
    if (last - first + 1 != n) {
      n = last - first + 1;
      ink.assign(n, {});
      for (size_t k = 0; k < n; ++k) {
        ink[k] = spans_of(lines[first + k], 0);
        for (const Glyph* g : lines[first + k]) {
          top = std::min(top, g->box.cy());
          bottom = std::max(bottom, g->box.cy());
        }
      }
    }
    std::vector<const Glyph*> region;
    for (size_t k = 0; k < n; ++k) region.insert(region.end(), lines[first + k].begin(), lines[first + k].end());
    std::vector<RowBreak> breaks = text_row_breaks(region, cuts);
    if (breaks.empty()) continue;  // one row is no table
    Grid g;
    g.xs.push_back(x0);
    for (double c : cuts) g.xs.push_back(c);
    g.xs.push_back(x1);
    g.ys.push_back(top - 0.5);
    for (const RowBreak& b : breaks) g.ys.push_back(b.y);
    g.ys.push_back(bottom + 0.5);
    auto add = [&](bool horizontal, double pos, double from, double to, std::vector<const Rule*>& into) {
      made.push_back({horizontal, pos, from, to});
      into.push_back(&made.back());
    };
    add(true, g.ys.front(), x0, x1, g.h);
    for (const RowBreak& b : breaks)
      for (size_t c = 0; c + 1 < g.xs.size(); ++c)
        if (!b.crossed[c]) add(true, b.y, g.xs[c], g.xs[c + 1], g.h);
    add(true, g.ys.back(), x0, x1, g.h);
    add(false, x0, g.ys.front(), g.ys.back(), g.v);
    for (size_t ci = 1; ci + 1 < g.xs.size(); ++ci)
      for (size_t r = 0; r + 1 < g.ys.size(); ++r) {
        // The lines of this row: their centres lie between its boundaries.
        bool crossed = false;
        for (size_t k = 0; k < n && !crossed; ++k) {
          double cy = info[first + k].cy;
          if (cy >= g.ys[r] && cy < g.ys[r + 1]) crossed = covered(ink[k], g.xs[ci]);
        }
        if (!crossed) add(false, g.xs[ci], g.ys[r], g.ys[r + 1], g.v);
      }
    add(false, x1, g.ys.front(), g.ys.back(), g.v);
    g.sort_rules();
    out.push_back(std::move(g));
  }
  return out;
}

// A short cell with a digit: a value, whatever its unit.
bool numeric_cell(const Cell& c) {
  size_t chars = 0;
  bool digit = false;
  for (unsigned char ch : c.text) {
    chars += (ch & 0xC0) != 0x80;
    digit = digit || (ch >= '0' && ch <= '9');
  }
  return digit && chars <= 20;
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
    bool same_row = !blocks.empty() && cy - 0.5 * em < core_bottom &&
                    !stacked_numbers(blocks.back().lines.back(), line);
    core_bottom = std::max(same_row ? core_bottom : -1e18, cy + 0.5 * em);
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
        for (auto& c : lines[k].cells) c.column = int(band_of(starts, c.box.x0 + 0.01));
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
  constexpr double kEndSlack = 1.5;
  // The glyphs by centre height, each with the em it is measured by, so that a
  // rule looks only at those that can be just above it (within 1.2 of the
  // largest em). Glyphs whose centre or em is not a number are looked at by
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
      double em = is_wide(g) ? g.box.width() : g.box.width() * 2;
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
      if (above <= 0 || above > 1.2 * g.em) return;
      if (g.x1 < r.from - kEndSlack || g.x0 > r.to + kEndSlack) return;
      first = std::min(first, g.x0);
      last = std::max(last, g.x1);
    };
    if (std::isnan(r.pos)) {  // every glyph passes the test then
      for (const Near& g : near) look(g);
    } else {
      // Only centres in [pos - 1.2 max em, pos] can pass; a margin either
      // side for rounding.
      double margin = 1 + 1e-9 * (std::fabs(r.pos) + max_em);
      auto it = std::lower_bound(near.begin(), near.end(), r.pos - 1.2 * max_em - margin,
                                 [](const Near& g, double y) { return g.cy < y; });
      for (; it != near.end() && it->cy <= r.pos + margin; ++it) look(*it);
    }
    for (const Near& g : odd) look(g);
    bool underline = std::fabs(first - r.from) <= kEndSlack && std::fabs(last - r.to) <= kEndSlack;
    if (!underline) out.push_back(r);
  }
  return out;
}

}  // namespace

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

std::string flatten_cell_text(std::string_view text) {
  // A line break inside a cell is no space in Japanese, nor inside a number
  // that wrapped (`35.` / `7%`); only between two Latin words is it one.
  auto latin = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    if (!out.empty() && i + 1 < text.size() && latin(out.back()) && latin(text[i + 1])) out += ' ';
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
    if (std::fabs(a.top - b.top) > 2) return a.top < b.top;
    return a.left < b.left;
  });
  std::vector<Line> lines;
  for (Block& b : blocks)
    for (Line& l : b.lines) lines.push_back(std::move(l));
  index_unruled_columns(lines, table);
  return lines;
}

}  // namespace kpix

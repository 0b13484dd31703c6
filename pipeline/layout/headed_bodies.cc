#include "pipeline/layout/headed_bodies.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include "pipeline/layout/borderless_grids.h"
#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/text_columns.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kFooterMaxGlyphs;
using layout_params::kLeadingSlack;
using layout_params::kTableEdgeLineGapEm;
using layout_params::kTableLineGapEm;
using layout_params::kTouchingGapEm;

using VisualLines = std::vector<std::vector<const Glyph*>>;

bool in_a_grid(const Glyph& g, const std::vector<Grid>& grids) {
  double x = g.box.cx(), y = g.box.cy();
  return std::any_of(grids.begin(), grids.end(), [&](const Grid& t) { return t.box().contains_point(x, y); });
}

// Whether a line's text keeps within the columns between `xs`: every glyph's
// centre between the sides, and no run of it (glyphs closer than
// kTouchingGapEm) across a column line, however its glyphs fall about it,
// but a cell merged over the columns of values (`…事業との共通指標`): one
// that starts past the first column, where notes and paragraphs under a
// table start.
bool keeps_within(const std::vector<const Glyph*>& line, const std::vector<double>& xs, double em) {
  for (const Glyph* g : line)
    if (g->box.cx() < xs.front() || g->box.cx() > xs.back()) return false;
  for (const Span& run : spans_of(line, kTouchingGapEm * em))
    if (run.x0 < xs[1] && std::any_of(xs.begin(), xs.end(), [&](double x) { return run.x0 < x && x < run.x1; }))
      return false;
  return true;
}

// The columns (bands of `xs`) a line has text in, a cell merged over
// several (a run of its text across column lines) counted in its first.
std::set<size_t> columns_of(const std::vector<const Glyph*>& line, const std::vector<double>& xs, double em) {
  std::set<size_t> out;
  for (const Span& run : spans_of(line, kTouchingGapEm * em))
    out.insert(band_of(xs, run.x0 + std::min(run.x1 - run.x0, em) / 2));
  return out;
}

// Whether a grid of `grids` starts between the heights `above` and `below`
// across the columns [x0, x1].
bool grid_between(const std::vector<Grid>& grids, double above, double below, double x0, double x1) {
  return std::any_of(grids.begin(), grids.end(), [&](const Grid& t) {
    return t.ys.front() > above && t.ys.front() < below && t.xs.front() < x1 && t.xs.back() > x0;
  });
}

// The lines under `header` among `lines` (free lines under it, top to
// bottom) that keep within its columns, up to a wide gap or another grid.
VisualLines lines_within(const Grid& header, const VisualLines& lines, const std::vector<Grid>& grids) {
  const std::vector<double>& xs = header.xs;
  double prev = header.ys.back();
  size_t n = 0;
  for (const auto& l : lines) {
    double em = em_of(l), c = centre_height(l);
    if (c - prev > kTableLineGapEm * em || grid_between(grids, prev, c, xs.front(), xs.back()) ||
        !keeps_within(l, xs, em))
      break;
    prev = c;
    ++n;
  }
  return VisualLines(lines.begin(), lines.begin() + long(n));
}

// Of `lines`, the body's (see extend_headers_down), its columns between `xs`.
VisualLines body_lines(const VisualLines& lines, const std::vector<double>& xs) {
  std::vector<double> cy;
  std::vector<std::set<size_t>> cols;
  for (const auto& l : lines) {
    cy.push_back(centre_height(l));
    cols.push_back(columns_of(l, xs, em_of(l)));
  }
  // Up to the last line with text in two columns (a row with its values) ...
  size_t end = 0;
  for (size_t k = 0; k < cols.size(); ++k)
    if (cols[k].size() >= 2) end = k + 1;
  if (end == 0) return {};
  // ... and the lines after it that go on cells above: in each of its
  // columns within the column's leading (the least distance of two of its
  // lines so far), or the body's where it has none, and a line height at
  // least.
  constexpr double kNone = std::numeric_limits<double>::infinity();
  std::vector<double> last(xs.size(), kNone), leading(xs.size(), kNone);
  for (size_t k = 0; k < end; ++k)
    for (size_t c : cols[k]) {
      if (last[c] != kNone) leading[c] = std::min(leading[c], cy[k] - last[c]);
      last[c] = cy[k];
    }
  double body_leading = *std::min_element(leading.begin(), leading.end());
  for (size_t k = end; k < cols.size(); ++k) {
    double line_height = kTableEdgeLineGapEm * em_of(lines[k]);
    bool goes_on = std::all_of(cols[k].begin(), cols[k].end(), [&](size_t c) {
      double own = leading[c] == kNone ? body_leading : leading[c];
      double reach = own == kNone ? line_height : std::max(line_height, own * (1 + kLeadingSlack));
      return last[c] != kNone && cy[k] - last[c] <= reach;
    });
    if (!goes_on) break;
    for (size_t c : cols[k]) last[c] = cy[k];
    end = k + 1;
  }
  return VisualLines(lines.begin(), lines.begin() + long(end));
}

// The body's inner column boundaries: the header's, and those the body's
// text shows inside a header cell spanning several of its columns (a
// `重要業績評価指標（KPI）` cell over a group column and the names).
struct BodyColumns {
  std::vector<double> cuts;
  std::vector<double> drawn_ends;  // per column: its right end where the header draws it, else 0
};

BodyColumns body_columns(const Grid& header, const VisualLines& body, const LayoutOptions& o) {
  const std::vector<double>& xs = header.xs;
  std::vector<double> cuts(xs.begin() + 1, xs.end() - 1);
  for (size_t c = 0; c + 1 < xs.size(); ++c) {
    std::vector<LineSpans> bands;
    for (const auto& l : body) {
      std::vector<const Glyph*> in;
      for (const Glyph* g : l)
        if (band_of(xs, g->box.cx()) == c) in.push_back(g);
      if (in.empty()) continue;
      double em = em_of(in);
      bands.push_back({word_spans(in, o.column_gap_em * em, em), centre_height(in), em});
    }
    if (bands.size() < 2) continue;
    for (double x : find_text_columns(bands, xs[c], xs[c + 1])) cuts.push_back(x);
  }
  std::sort(cuts.begin(), cuts.end());
  BodyColumns out{cuts, {}};
  for (size_t c = 0; c <= cuts.size(); ++c) {
    double end = c < cuts.size() ? cuts[c] : xs.back();
    bool drawn = std::any_of(xs.begin(), xs.end(), [&](double x) { return x == end; });
    out.drawn_ends.push_back(drawn ? end : 0);
  }
  return out;
}

// The centres of the visual lines of `glyphs` in column `c` of `xs`.
std::vector<double> line_centres(const std::vector<const Glyph*>& glyphs, const std::vector<double>& xs, size_t c) {
  std::vector<const Glyph*> in;
  for (const Glyph* g : glyphs)
    if (band_of(xs, g->box.cx()) == c) in.push_back(g);
  std::vector<double> out;
  for (const auto& l : visual_lines(std::move(in))) out.push_back(centre_height(l));
  return out;
}

// The least distance of two consecutive lines (none: infinity).
double least_leading(const std::vector<double>& centres) {
  double least = std::numeric_limits<double>::infinity();
  for (size_t i = 1; i < centres.size(); ++i) least = std::min(least, centres[i] - centres[i - 1]);
  return least;
}

// Whether the text of a column of the grid runs on into the lines under it:
// their first line in the column at most the leading of the column's last
// cell in the grid (two lines at least) under that cell's last line. Calc
// prints a cell's overflowing lines under its sheet's grid so; a header's
// text stands apart from its body's, its padding between them.
bool runs_on_under(const Grid& grid, const std::vector<const Glyph*>& inside, const VisualLines& body) {
  std::vector<const Glyph*> under;
  for (const auto& l : body) under.insert(under.end(), l.begin(), l.end());
  for (size_t c = 0; c + 1 < grid.xs.size(); ++c) {
    double lowest = -std::numeric_limits<double>::infinity();
    for (const Glyph* g : inside)
      if (band_of(grid.xs, g->box.cx()) == c) lowest = std::max(lowest, g->box.cy());
    if (!std::isfinite(lowest)) continue;
    size_t row = band_of(grid.ys, lowest);
    std::vector<const Glyph*> cell;
    for (const Glyph* g : inside)
      if (band_of(grid.xs, g->box.cx()) == c && band_of(grid.ys, g->box.cy()) == row) cell.push_back(g);
    std::vector<double> above = line_centres(cell, grid.xs, c);
    std::vector<double> below = line_centres(under, grid.xs, c);
    double leading = least_leading(above);
    if (!below.empty() && std::isfinite(leading) && below.front() - above.back() <= (1 + kLeadingSlack) * leading)
      return true;
  }
  return false;
}

}  // namespace

void extend_headers_down(std::vector<Grid>& ruled, const std::vector<Grid>& others, const std::vector<Glyph>& glyphs,
                         const LayoutOptions& o, std::deque<Rule>& made) {
  std::vector<Grid> grids = ruled;
  grids.insert(grids.end(), others.begin(), others.end());
  std::vector<const Glyph*> free;
  for (const Glyph& g : glyphs)
    if (!in_a_grid(g, grids)) free.push_back(&g);
  if (free.empty()) return;
  for (Grid& header : ruled) {
    double bottom = header.ys.back(), x0 = header.xs.front(), x1 = header.xs.back();
    std::vector<const Glyph*> under;
    for (const Glyph* g : free)
      if (g->box.cy() > bottom && g->box.x1 > x0 && g->box.x0 < x1) under.push_back(g);
    if (under.empty()) continue;
    // The body's rows are told by its own columns (a group's and its names'
    // under one name label), found from all the lines within the header's.
    VisualLines within = lines_within(header, visual_lines(std::move(under)), grids);
    if (within.empty()) continue;
    std::vector<double> xs = body_columns(header, within, o).cuts;
    xs.insert(xs.begin(), x0);
    xs.push_back(x1);
    VisualLines body = body_lines(within, xs);
    size_t glyph_count = 0;
    for (const auto& l : body) glyph_count += l.size();
    if (glyph_count <= kFooterMaxGlyphs) continue;  // a page number (`- 19 -`)
    std::vector<const Glyph*> inside;
    Box box = header.box();
    for (const Glyph& g : glyphs)
      if (box.contains_point(g.box.cx(), g.box.cy())) inside.push_back(&g);
    if (runs_on_under(header, inside, body)) continue;
    BodyColumns columns = body_columns(header, body, o);
    if (std::optional<Grid> g = text_lines_grid(body, x0, x1, columns.cuts, columns.drawn_ends, bottom, made))
      header = stacked(header, *g);
  }
}

}  // namespace kpix::layout_parts

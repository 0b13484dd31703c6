#include "pipeline/layout/text_column_grids.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/row_breaks.h"
#include "pipeline/layout/ruled_rows.h"
#include "pipeline/layout/ruled_rows_edges.h"
#include "pipeline/layout/text_columns.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kLeadingSlack;
using layout_params::kMaxCrossingRows;
using layout_params::kMaxHeaderBorderCrossingRows;
using layout_params::kSnap;
using layout_params::kPieceWidthShare;
using layout_params::kRuledHeadingEmShare;
using layout_params::kSideBySideGapEm;
using layout_params::kValueRowsApartEm;

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

// A band's text, laid out once: its visual lines and the x-intervals its
// glyphs cover.
struct BandText {
  std::vector<std::vector<const Glyph*>> lines;
  std::vector<Span> ink;
};

std::vector<BandText> band_texts(const std::vector<std::vector<const Glyph*>>& in_band) {
  std::vector<BandText> out;
  out.reserve(in_band.size());
  for (const auto& glyphs : in_band) out.push_back({visual_lines(glyphs), spans_of(glyphs, 0)});
  return out;
}

// Column boundaries of bands [from, to) (text_columns.h).
std::vector<double> band_columns(const std::vector<BandText>& text, size_t from, size_t to, double x0, double x1,
                                 const LayoutOptions& o) {
  // Each visual line is one piece of evidence: a band may hold several rows
  // (a group between shaded section rows), and the values of one row must not
  // be taken for columns beside the values of another.
  // A band whose every line is one piece of text (a heading row over the
  // table, a section row) shows no columns; it counts only if no band does.
  std::vector<LineSpans> spans, plain;
  for (size_t b = from; b < to; ++b) {
    std::vector<LineSpans> band;
    bool columns = false;
    for (const auto& line : text[b].lines) {
      // Narrower than the gap that cuts free text into cells: text that
      // fills its column comes within two paddings of the next column's.
      double em = em_of(line);
      band.push_back({word_spans(line, o.column_gap_em * em, em), centre_height(line), em});
      columns = columns || band.back().spans.size() >= 2;
    }
    auto& into = columns ? spans : plain;
    into.insert(into.end(), band.begin(), band.end());
  }
  return find_text_columns(spans.empty() ? plain : spans, x0, x1);
}

// Whether the lines hold two lines of values (numbers in two columns or more
// on each), one over the other and further apart than `apart`: rows a band
// drawn around them holds several of.
bool stacks_value_rows(const ColumnLines& lines, size_t columns, double apart = 0) {
  std::vector<std::vector<bool>> number(lines.cy.size(), std::vector<bool>(columns, false));
  for (const TextRun& r : lines.runs) number[r.line][r.column] = r.number;
  for (size_t a = 0; a < number.size(); ++a)
    for (size_t b = a + 1; b < number.size(); ++b) {
      // Glyphs of one line whose boxes sit a little apart are not two rows.
      double d = lines.cy[b] - lines.cy[a];
      if (d < kValueRowsApartEm * std::max(lines.em[a], lines.em[b]) || d <= apart) continue;
      int both = 0;
      for (size_t c = 0; c < columns; ++c) both += number[a][c] && number[b][c];
      if (both >= 2) return true;
    }
  return false;
}

// Whether the lines hold rows of values further apart than their leading
// (the least distance of two lines of one column, with its slack): rows, not
// a header's wrapped cells (`202` over `3`) at the leading.
bool stacks_rows_apart(const ColumnLines& lines, size_t columns) {
  double leading = std::numeric_limits<double>::infinity();
  std::map<size_t, double> last;  // column -> centre of its last line
  for (size_t k = 0; k < lines.cy.size(); ++k)
    for (const TextRun& r : lines.runs)
      if (r.line == k) {
        auto it = last.find(r.column);
        if (it != last.end()) leading = std::min(leading, lines.cy[k] - it->second);
        last[r.column] = lines.cy[k];
      }
  return std::isfinite(leading) && stacks_value_rows(lines, columns, (1 + kLeadingSlack) * leading);
}

// Whether values (numbers) stand both above height `y` and below it.
bool values_on_both_sides(const ColumnLines& lines, double y) {
  bool above = false, below = false;
  for (const TextRun& r : lines.runs) {
    if (!r.number) continue;
    above = above || lines.cy[r.line] < y;
    below = below || lines.cy[r.line] > y;
  }
  return above && below;
}

// A ruled header's column borders, where the body's text leaves them free,
// stand for the body's own boundaries in the same gap: the body's cells then
// line up with its header's. Boundaries the header lacks
// (a header cell over a group label and a name) stay.
std::vector<double> with_header_columns(const std::vector<double>& cuts, const Grid* header,
                                        const std::vector<BandText>& text, size_t from, size_t to) {
  if (!header) return cuts;
  // Whether at most `share` of the bands with text have text where `hit` says.
  auto at_most = [&](layout_params::Share share, auto hit) {
    size_t crossed = 0, rows = 0;
    for (size_t k = from; k < to; ++k) {
      if (text[k].ink.empty()) continue;
      ++rows;
      crossed += hit(text[k].ink);
    }
    return crossed * share.den <= rows * share.num;
  };
  auto rarely = [&](auto hit) { return at_most(kMaxCrossingRows, hit); };
  // A border the body's text runs across in some rows (a shared KPI's cell
  // merged over the year columns) parts the rest: it is drawn only where a
  // row's text leaves it free (draw_column_borders).
  std::vector<double> borders;
  for (size_t i = 1; i + 1 < header->xs.size(); ++i) {
    double x = header->xs[i];
    if (at_most(kMaxHeaderBorderCrossingRows, [&](const std::vector<Span>& ink) { return covered(ink, x); }))
      borders.push_back(x);
  }
  // A boundary found from the text and a header border with no text between
  // them (in all but kMaxCrossingRows of the rows) part the same two columns.
  auto same_gap = [&](double a, double b) {
    if (a > b) std::swap(a, b);
    return rarely([&](const std::vector<Span>& ink) {
      return std::any_of(ink.begin(), ink.end(), [&](const Span& s) { return s.x1 > a && s.x0 < b; });
    });
  };
  std::vector<double> out = borders;
  for (double c : cuts)
    if (std::none_of(borders.begin(), borders.end(), [&](double x) { return same_gap(x, c); })) out.push_back(c);
  std::sort(out.begin(), out.end());
  return out;
}

// A stretch of a ruled-rows table's bands outside the ruled grids: the
// heights of its rules, the glyphs in each band and their text.
struct Bands {
  std::vector<double> ys;
  std::vector<std::vector<const Glyph*>> glyphs;
  std::vector<BandText> text;
};

// The ruled grid over the table `t` whose bottom border is at `top`: a ruled
// header whose body has ruled rows only.
const Grid* header_above(const std::vector<Grid>& ruled, const RuledRows& t, double top) {
  auto header = std::find_if(ruled.begin(), ruled.end(), [&](const Grid& g) {
    return std::fabs(g.ys.back() - top) < kSnap && g.xs.front() < t.x1 && g.xs.back() > t.x0;
  });
  return header != ruled.end() ? &*header : nullptr;
}

// The rows of bands [from, to) into g.ys: each band's top and, where a band
// holds rows of values one over another (rules around groups of rows only:
// shaded section rows, a LaTeX table's body), the heights its text starts
// new rows at; there row borders are drawn (into g.h, kept in `made`) where
// no cell runs across. Returns the band each row lies in.
std::vector<size_t> split_value_rows(Grid& g, const Bands& bands, size_t from, size_t to, bool carried_body,
                                     std::deque<Rule>& made) {
  std::vector<double> inner(g.xs.begin() + 1, g.xs.end() - 1);
  std::vector<double> row_ys;
  std::vector<size_t> band_of_row;
  // The body under a header, rules only above, under the header and below
  // (booktabs): the last band, under one band or holding more lines than all
  // before it. Its text parts its rows, values or not; the bands over it are
  // its header, whose wrapped cells (`2020実` over `績`, `202` over `3`) are
  // no stacked values.
  // Not where a band over it stacks rows of values itself: the rules then
  // stand around groups of rows (shaded section rows), each band a body's.
  // A table's piece carried to the top of a page (its header on the page
  // before) is such a body too, parted only between rows of values (a name
  // over its description and values stays one row, as its table read it).
  bool body_under_header = carried_body;
  if (to - from >= 2) {
    size_t lines_before = 0;
    for (size_t k = from; k + 1 < to; ++k) lines_before += bands.text[k].lines.size();
    body_under_header = to == from + 2 || bands.text[to - 1].lines.size() > lines_before;
    for (size_t k = from; k + 1 < to && body_under_header; ++k)
      body_under_header = !stacks_rows_apart(column_lines(bands.text[k].lines, inner), inner.size() + 1);
  }
  for (size_t b = from; b < to; ++b) {
    row_ys.push_back(bands.ys[b]);
    band_of_row.push_back(b);
    ColumnLines lines = column_lines(bands.text[b].lines, inner);
    bool body = body_under_header && b + 1 == to;
    if (body_under_header && !body) continue;
    if (!body && !stacks_value_rows(lines, inner.size() + 1)) continue;
    for (const RowBreak& rb : text_row_breaks(lines, inner.size() + 1)) {
      if (carried_body && !values_on_both_sides(lines, rb.y)) continue;
      row_ys.push_back(rb.y);
      band_of_row.push_back(b);
      for (size_t c = 0; c + 1 < g.xs.size(); ++c)
        if (!rb.crossed[c]) {
          made.push_back({true, rb.y, g.xs[c], g.xs[c + 1]});
          g.h.push_back(&made.back());
        }
    }
  }
  row_ys.push_back(bands.ys[to]);
  g.ys = row_ys;
  return band_of_row;
}

// The table's side borders and, in each row, the column boundaries its text
// leaves free (into g.v, kept in `made`).
void draw_column_borders(Grid& g, const RuledRows& t, const Bands& bands, const std::vector<size_t>& band_of_row,
                         std::deque<Rule>& made) {
  made.push_back({false, t.x0, g.ys.front(), g.ys.back()});
  g.v.push_back(&made.back());
  for (size_t r = 0; r + 1 < g.ys.size(); ++r) {
    std::vector<const Glyph*> row;
    for (const Glyph* gl : bands.glyphs[band_of_row[r]])
      if (gl->box.cy() >= g.ys[r] && gl->box.cy() <= g.ys[r + 1]) row.push_back(gl);
    std::vector<Span> ink = ink_spans_of(row);
    for (size_t k = 1; k + 1 < g.xs.size(); ++k)
      if (!covered(ink, g.xs[k])) {
        made.push_back({false, g.xs[k], g.ys[r], g.ys[r + 1]});
        g.v.push_back(&made.back());
      }
  }
  made.push_back({false, t.x1, g.ys.front(), g.ys.back()});
  g.v.push_back(&made.back());
}

// Bands [from, to) as one grid with columns at `cuts`, when they are a table.
// `page_edge`: the bands are the first on the page (no text over them) or the
// last (no text under them); `page_top`: the first.
std::optional<Grid> grid_of_bands(const RuledRows& t, const Bands& bands, size_t from, size_t to,
                                  const std::vector<double>& cuts, const std::vector<Grid>& ruled, bool page_edge,
                                  bool page_top, std::deque<Rule>& made) {
  // One row is no table, unless it is the body under a ruled header, or the
  // piece of a table that the page broke: its header alone at the foot of a
  // page, its last row alone at the top of the next (Chromium draws the
  // table's border over the piece the page carries on).
  const Grid* header = header_above(ruled, t, bands.ys[from]);
  if (!header && to - from == 1 && page_edge) {
    // ... whose text spans the table as a row's does (a page number between
    // the rules of a page's foot does not).
    const std::vector<Span>& ink = bands.text[from].ink;
    page_edge = !ink.empty() && ink.back().x1 - ink.front().x0 >= kPieceWidthShare * (t.x1 - t.x0);
  }
  if (to - from < (header || page_edge ? 1u : 2u) || cuts.empty()) return std::nullopt;
  Grid g;
  g.ys.assign(bands.ys.begin() + long(from), bands.ys.begin() + long(to) + 1);
  g.xs.push_back(t.x0);
  for (double c : with_header_columns(cuts, header, bands.text, from, to)) g.xs.push_back(c);
  g.xs.push_back(t.x1);
  g.xs = cluster_positions(g.xs);
  if (g.xs.size() < 3) return std::nullopt;
  for (const Rule* r : t.rules)
    if (r->pos >= g.ys.front() - kSnap && r->pos <= g.ys.back() + kSnap) g.h.push_back(r);
  bool carried_body = !header && to - from == 1 && page_edge && page_top;
  std::vector<size_t> band_of_row = split_value_rows(g, bands, from, to, carried_body, made);
  draw_column_borders(g, t, bands, band_of_row, made);
  g.sort_rules();
  return g;
}

// Spans from several lines that, put together, leave no gap wider than `gap`.
bool one_column(std::vector<Span> spans, double gap) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.x0 < b.x0; });
  double x1 = spans.empty() ? 0 : spans.front().x1;
  for (const Span& sp : spans) {
    if (sp.x0 > x1 + gap) return false;
    x1 = std::max(x1, sp.x1);
  }
  return true;
}

// Bands that part the tables on either side rather than being rows: a
// paragraph running across every column between two rules (text between two
// tables, or a note under one), an empty band (the space between two tables
// ruled alike: a LaTeX table's bottom rule, then the next one's top rule),
// lines of running text with no gap of a column among them, first under the
// top rule (a heading drawn inside the table) or, one under another, running
// across a column boundary anywhere (paragraphs and headings between two
// tables ruled alike, close enough to be taken for one table's rows: a row's
// text stays in its columns), or one line of one span set larger than the
// bands' text (kRuledHeadingEmShare: a section title over its underline).
// Never the first band at the top of the page
// (`page_top`, nothing over it) whose lines stand side by side
// (kSideBySideGapEm apart): the row of a table the page carried on, whose
// cells, wrapped, are lines of one span each, beside one another, across
// the columns of the tables under it.
std::vector<bool> parting_bands(const Bands& bands, const std::vector<double>& cuts, bool page_top,
                                const LayoutOptions& o) {
  size_t n = bands.ys.size() - 1;
  std::vector<bool> parting(n, false);
  std::vector<double> ems;
  for (size_t b = 0; b < n; ++b)
    for (const std::vector<const Glyph*>& l : bands.text[b].lines) ems.push_back(em_of(l));
  double median_em = 0;
  if (!ems.empty()) {
    std::nth_element(ems.begin(), ems.begin() + long(ems.size() / 2), ems.end());
    median_em = ems[ems.size() / 2];
  }
  for (size_t b = 0; b < n; ++b) {
    if (bands.glyphs[b].empty()) {
      parting[b] = true;
      continue;
    }
    const auto& lines = bands.text[b].lines;
    bool prose = true, across = false;
    std::vector<Span> all;
    double em = 0;
    for (const std::vector<const Glyph*>& l : lines) {
      em = std::max(em, em_of(l));
      std::vector<Span> spans = word_spans(l, o.column_gap_em * em_of(l), em_of(l));
      prose = prose && spans.size() == 1;
      across = across || std::any_of(cuts.begin(), cuts.end(), [&](double c) { return covered(spans, c); });
      all.insert(all.end(), spans.begin(), spans.end());
    }
    bool one_block = one_column(std::move(all), kSideBySideGapEm * em);
    bool first = b == 0;
    bool carried = first && page_top && !one_block;
    bool heading = lines.size() == 1 && prose && median_em > 0 && em >= kRuledHeadingEmShare * median_em;
    parting[b] = heading || (lines.size() >= 2 && !carried &&
                             ((prose && (first || (across && one_block))) ||
                              std::all_of(cuts.begin(), cuts.end(),
                                          [&](double c) { return covered(bands.text[b].ink, c); })));
  }
  return parting;
}

// The heights of the page's highest and lowest glyph centres (NaN centres
// left out): what text stands over a band or under it.
struct TextHeights {
  double top = std::numeric_limits<double>::infinity();
  double bottom = -std::numeric_limits<double>::infinity();
};

TextHeights text_heights(const std::vector<Glyph>& glyphs) {
  TextHeights h;
  for (const Glyph& g : glyphs) {
    double cy = g.box.cy();
    if (cy < h.top) h.top = cy;
    if (cy > h.bottom) h.bottom = cy;
  }
  return h;
}

// The grids of one stretch of `t`'s bands (between `ys`) outside the ruled
// grids: one grid, or where bands part it, one per run of bands between
// them, each with its own columns. `page`: where the page's text stands.
void stretch_grids(const RuledRows& t, std::vector<double> ys, const std::vector<Glyph>& glyphs,
                   const TextHeights& page, const std::vector<Grid>& ruled, const LayoutOptions& o,
                   std::deque<Rule>& made, std::vector<Grid>& out) {
  Bands bands;
  bands.glyphs = glyphs_in_bands(glyphs, ys, t.x0, t.x1, ruled);
  bands.text = band_texts(bands.glyphs);
  bands.ys = std::move(ys);
  size_t n = bands.ys.size() - 1;
  // Nothing of the page over the first band, or under the last.
  bool none_over = !(page.top < bands.ys.front());
  bool none_under = !(page.bottom > bands.ys.back());
  auto add = [&](size_t from, size_t to, const std::vector<double>& cuts) {
    // A piece of a table at the page's edge, parted from the rest of the
    // stretch (a band between rules alone beside a ruled grid is its caption).
    bool top = n > to - from && from == 0 && none_over;
    bool edge = top || (n > to - from && to == n && none_under);
    if (std::optional<Grid> g = grid_of_bands(t, bands, from, to, cuts, ruled, edge, top, made))
      out.push_back(std::move(*g));
  };
  std::vector<double> cuts = band_columns(bands.text, 0, n, t.x0, t.x1, o);
  if (cuts.empty()) return;  // one column: text between rules, not a table
  std::vector<bool> parting = parting_bands(bands, cuts, none_over, o);
  if (std::none_of(parting.begin(), parting.end(), [](bool p) { return p; })) {
    add(0, n, cuts);
    return;
  }
  for (size_t b = 0; b < n;) {
    if (parting[b]) {
      ++b;
      continue;
    }
    size_t e = b;
    while (e < n && !parting[e]) ++e;
    add(b, e, band_columns(bands.text, b, e, t.x0, t.x1, o));
    b = e;
  }
}

}  // namespace

void join_ruled_headers(std::vector<Grid>& ruled, std::vector<Grid>& bodies) {
  for (Grid& body : bodies) {
    auto header = std::find_if(ruled.begin(), ruled.end(), [&](const Grid& h) {
      return std::fabs(h.ys.back() - body.ys.front()) < kSnap && h.xs.front() < body.xs.back() &&
             h.xs.back() > body.xs.front();
    });
    if (header == ruled.end()) continue;
    body = stacked(*header, body);
    ruled.erase(header);
  }
}

std::vector<Grid> text_column_grids(const std::vector<Rule>& borders, const std::vector<Grid>& ruled,
                                    const std::vector<Glyph>& glyphs, const LayoutOptions& o,
                                    std::deque<Rule>& made) {
  auto in_ruled = [&](double x, double y) {
    return std::any_of(ruled.begin(), ruled.end(), [&](const Grid& g) { return g.box().contains_point(x, y); });
  };
  std::vector<Grid> out;
  std::vector<RuledRows> tables = find_ruled_rows(borders);
  if (tables.empty()) return out;
  const TextHeights page = text_heights(glyphs);
  for (RuledRows& t : tables) {
    size_t nb = t.ys.size() - 1;
    // A ruled grid's foot fragment is read with the grid (ruled_grids.h).
    if (!in_ruled((t.x0 + t.x1) / 2, (t.ys[nb - 1] + t.ys[nb]) / 2))
      if (std::optional<double> foot = rows_to_the_foot(t, glyphs, o)) {
        t.ys.push_back(*foot);
        ++nb;
      }
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
      std::vector<Grid> grids;
      stretch_grids(t, ys, glyphs, page, ruled, o, made, grids);
      // The lines over the first rule are the header of a table that starts
      // on that rule (none is drawn over it); over a note, or over no
      // table, they are a row carried from the page before, or text of
      // their own.
      if (i == 0 && !grids.empty() && std::fabs(grids.front().ys.front() - ys.front()) < kSnap &&
          !header_above(ruled, t, t.ys.front()))
        if (std::optional<double> head = header_over_the_top(t, glyphs, ruled, o)) {
          ys.insert(ys.begin(), *head);
          grids.clear();
          stretch_grids(t, ys, glyphs, page, ruled, o, made, grids);
        }
      for (Grid& g : grids) out.push_back(std::move(g));
      i = j;
    }
  }
  return out;
}

}  // namespace kpix::layout_parts

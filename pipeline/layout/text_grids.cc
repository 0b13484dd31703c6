#include "pipeline/layout/text_grids.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/ruled_rows.h"
#include "pipeline/layout/text_rows.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kBorderlessEndPad;
using layout_params::kBorderlessSidePad;
using layout_params::kCoreHalfEm;
using layout_params::kMaxCrossingRows;
using layout_params::kSnap;
using layout_params::kTableEdgeLineGapEm;
using layout_params::kTableLineGapEm;
using layout_params::kValueDigits;
using layout_params::kValueMaxGlyphs;
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
  std::vector<std::vector<Span>> spans, plain;
  for (size_t b = from; b < to; ++b) {
    std::vector<std::vector<Span>> band;
    bool columns = false;
    for (const auto& line : text[b].lines) {
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
  return glyphs.size() <= kValueMaxGlyphs && digits * kValueDigits.den >= glyphs.size() * kValueDigits.num;
}

// A line's glyphs by the column (between `cuts`) their centre falls in.
std::vector<std::vector<const Glyph*>> by_column(const std::vector<const Glyph*>& line,
                                                 const std::vector<double>& cuts) {
  std::vector<std::vector<const Glyph*>> out(cuts.size() + 1);
  for (const Glyph* g : line)
    out[size_t(std::upper_bound(cuts.begin(), cuts.end(), g->box.cx()) - cuts.begin())].push_back(g);
  return out;
}

// Visual lines cut at the column boundaries: each line's centre and em, and
// its text in each column (text_rows.h).
struct ColumnLines {
  std::vector<double> cy, em;
  std::vector<TextRun> runs;
};

ColumnLines column_lines(const std::vector<std::vector<const Glyph*>>& lines, const std::vector<double>& cuts) {
  ColumnLines out;
  for (size_t k = 0; k < lines.size(); ++k) {
    double em = em_of(lines[k]), cy = 0;
    for (const Glyph* g : lines[k]) cy += g->box.cy();
    cy /= double(lines[k].size());
    out.cy.push_back(cy);
    out.em.push_back(em);
    auto cells = by_column(lines[k], cuts);
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty()) out.runs.push_back({k, c, cy - kCoreHalfEm * em, cy + kCoreHalfEm * em, number_text(cells[c])});
  }
  return out;
}

// Where new rows begin among the lines (one borderless table, or a band of
// several rows): each break's height and, per column, whether a wrapped or
// spanning cell runs across it.
struct RowBreak {
  double y;
  std::vector<bool> crossed;  // per column
};

std::vector<RowBreak> text_row_breaks(const ColumnLines& lines, size_t columns) {
  TextRows rows = find_text_rows(lines.runs);
  std::vector<RowBreak> out;
  for (size_t k : rows.breaks) {
    RowBreak b{(lines.cy[k] + lines.cy[k + 1]) / 2, std::vector<bool>(columns, false)};
    for (const TextCell& x : rows.cells)
      if (x.first_line <= k && x.last_line > k) b.crossed[x.column] = true;
    out.push_back(std::move(b));
  }
  return out;
}

// Whether the lines hold two lines of values (numbers in two columns or more
// on each), one over the other: rows a band drawn around them holds several of.
bool stacks_value_rows(const ColumnLines& lines, size_t columns) {
  std::vector<std::vector<bool>> number(lines.cy.size(), std::vector<bool>(columns, false));
  for (const TextRun& r : lines.runs) number[r.line][r.column] = r.number;
  for (size_t a = 0; a < number.size(); ++a)
    for (size_t b = a + 1; b < number.size(); ++b) {
      // Glyphs of one line whose boxes sit a little apart are not two rows.
      if (lines.cy[b] - lines.cy[a] < kValueRowsApartEm * std::max(lines.em[a], lines.em[b])) continue;
      int both = 0;
      for (size_t c = 0; c < columns; ++c) both += number[a][c] && number[b][c];
      if (both >= 2) return true;
    }
  return false;
}

// A ruled header's column borders, where the body's text leaves them free,
// stand for the body's own boundaries in the same gap: the body's cells then
// line up with its header's. Boundaries the header lacks
// (a header cell over a group label and a name) stay.
std::vector<double> with_header_columns(const std::vector<double>& cuts, const Grid* header,
                                        const std::vector<BandText>& text, size_t from, size_t to) {
  if (!header) return cuts;
  // Whether at most kMaxCrossingRows of the bands with text have text where `hit` says.
  auto rarely = [&](auto hit) {
    size_t crossed = 0, rows = 0;
    for (size_t k = from; k < to; ++k) {
      if (text[k].ink.empty()) continue;
      ++rows;
      crossed += hit(text[k].ink);
    }
    return crossed * kMaxCrossingRows.den <= rows * kMaxCrossingRows.num;
  };
  std::vector<double> borders;
  for (size_t i = 1; i + 1 < header->xs.size(); ++i) {
    double x = header->xs[i];
    if (rarely([&](const std::vector<Span>& ink) { return covered(ink, x); })) borders.push_back(x);
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

}  // namespace

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
                      const std::vector<std::vector<const Glyph*>>& in_band, const std::vector<BandText>& text,
                      const std::vector<double>& cuts) {
    // One row is no table, unless it is the body under a ruled header.
    auto header = std::find_if(ruled.begin(), ruled.end(), [&](const Grid& g) {
      return std::fabs(g.ys.back() - ys[from]) < kSnap && g.xs.front() < t.x1 && g.xs.back() > t.x0;
    });
    if (to - from < (header != ruled.end() ? 1u : 2u) || cuts.empty()) return;
    Grid g;
    g.ys.assign(ys.begin() + long(from), ys.begin() + long(to) + 1);
    g.xs.push_back(t.x0);
    for (double c : with_header_columns(cuts, header != ruled.end() ? &*header : nullptr, text, from, to))
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
      ColumnLines lines = column_lines(text[b].lines, inner);
      if (!stacks_value_rows(lines, inner.size() + 1)) continue;
      for (const RowBreak& rb : text_row_breaks(lines, inner.size() + 1)) {
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
      std::vector<BandText> text = band_texts(in_band);
      size_t n = ys.size() - 1;
      std::vector<double> cuts = band_columns(text, 0, n, t.x0, t.x1, o);
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
        const auto& lines = text[b].lines;
        // ... or, first under the top rule, lines of running text with no
        // gap of a column among them (a heading drawn inside the table).
        bool prose = std::all_of(lines.begin(), lines.end(), [&](const std::vector<const Glyph*>& l) {
          return spans_of(l, o.column_gap_em * em_of(l)).size() == 1;
        });
        bool first = b == 0;
        paragraph[b] = lines.size() >= 2 &&
                       ((prose && first) ||
                        std::all_of(cuts.begin(), cuts.end(), [&](double c) { return covered(text[b].ink, c); }));
        any = any || paragraph[b];
      }
      if (!any) {
        add_grid(t, ys, 0, n, in_band, text, cuts);
        continue;
      }
      for (size_t b = 0; b < n;) {
        if (paragraph[b]) {
          ++b;
          continue;
        }
        size_t e = b;
        while (e < n && !paragraph[e]) ++e;
        add_grid(t, ys, b, e, in_band, text, band_columns(text, b, e, t.x0, t.x1, o));
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
  // Blocks of lines close together (rows of one table are at most
  // kTableLineGapEm apart); in each, the lines from the first to the last with several cells,
  // when there are two such lines at least (a header and one row).
  for (size_t i = 0; i < lines.size();) {
    size_t j = i + 1;
    while (j < lines.size() && info[j].cy - info[j - 1].cy <= kTableLineGapEm * std::max(info[j].em, info[j - 1].em)) ++j;
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
    x0 -= kBorderlessSidePad;
    x1 += kBorderlessSidePad;
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
      return std::fabs(info[b].cy - info[a].cy) <= kTableEdgeLineGapEm * std::max(info[a].em, info[b].em);
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
    std::vector<RowBreak> breaks = text_row_breaks(column_lines(visual_lines(std::move(region)), cuts), cuts.size() + 1);
    if (breaks.empty()) continue;  // one row is no table
    Grid g;
    g.xs.push_back(x0);
    for (double c : cuts) g.xs.push_back(c);
    g.xs.push_back(x1);
    g.ys.push_back(top - kBorderlessEndPad);
    for (const RowBreak& b : breaks) g.ys.push_back(b.y);
    g.ys.push_back(bottom + kBorderlessEndPad);
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

}  // namespace kpix::layout_parts

#include "pipeline/layout/borderless_grids.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/row_breaks.h"
#include "pipeline/layout/text_columns.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kBorderlessEndPad;
using layout_params::kBorderlessSidePad;
using layout_params::kHeadingEmShare;
using layout_params::kMinProseLines;
using layout_params::kMinValueRuns;
using layout_params::kParagraphMaxGapEm;
using layout_params::kProseWidthShare;
using layout_params::kTableEdgeLineGapEm;
using layout_params::kTableLineGapEm;

using VisualLines = std::vector<std::vector<const Glyph*>>;

// A visual line's em, centre height and number of cells (cut where free text
// is cut, at LayoutOptions::cell_gap_em).
struct LineInfo {
  double em, cy;
  size_t cells;
};

// Whether a run of text starts as a value does (a digit or a sign: `1 243`,
// `△562`, `28.29%`).
bool starts_a_value(const Glyph& g) {
  char32_t cp = first_code_point(g.text);
  return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x25B3 || cp == 0x25B2 ||
         cp == '-' || cp == 0x2212;
}

std::vector<LineInfo> line_infos(const VisualLines& lines, const LayoutOptions& o) {
  std::vector<LineInfo> info;
  for (auto& l : lines) {
    double em = em_of(l), cy = centre_height(l);
    size_t cells = 1;
    for (size_t i = 1; i < l.size(); ++i) cells += l[i]->box.x0 - l[i - 1]->box.x1 > o.cell_gap_em * em;
    // Values set closer than free text's cells in narrow columns (a table of
    // figures on B5 pages) are cells each, where most runs (at a column gap)
    // start as values.
    if (cells < 2) {
      size_t runs = 0, values = 0;
      for (size_t i = 0; i < l.size(); ++i)
        if (i == 0 || l[i]->box.x0 - l[i - 1]->box.x1 > o.column_gap_em * em) {
          ++runs;
          values += starts_a_value(*l[i]);
        }
      if (runs >= kMinValueRuns && values * 2 > runs) cells = runs;
    }
    info.push_back({em, cy, cells});
  }
  return info;
}

// A borderless table's visual lines [first, last], its sides and its inner
// column boundaries.
struct TableLines {
  size_t first, last;
  double x0, x1;
  std::vector<double> cuts;
};

// In the block of lines [from, to): the lines from the first to the last
// with several cells, when there are two such lines at least (a header and
// one row) and their gaps give columns.
std::optional<TableLines> table_lines(const VisualLines& lines, const std::vector<LineInfo>& info, size_t from,
                                      size_t to, const LayoutOptions& o) {
  size_t first = to, last = from, multi = 0;
  for (size_t k = from; k < to; ++k)
    if (info[k].cells >= 2) {
      first = std::min(first, k);
      last = k;
      ++multi;
    }
  if (multi < 2) return std::nullopt;
  size_t n = last - first + 1;
  double x0 = 1e18, x1 = -1e18;
  std::vector<LineSpans> bands(n);
  for (size_t k = 0; k < n; ++k) {
    const auto& l = lines[first + k];
    for (const Glyph* g : l) {
      x0 = std::min(x0, g->box.x0);
      x1 = std::max(x1, g->box.x1);
    }
    bands[k] = {word_spans(l, o.column_gap_em * info[first + k].em, info[first + k].em), info[first + k].cy, info[first + k].em};
  }
  x0 -= kBorderlessSidePad;
  x1 += kBorderlessSidePad;
  std::vector<double> cuts = find_text_columns(bands, x0, x1);
  if (cuts.empty()) return std::nullopt;
  return TableLines{first, last, x0, x1, std::move(cuts)};
}

// A table found in a block of lines, and the lines [from, to) around it that
// its edge lines may come from (up to the tables beside it).
struct TableRange {
  TableLines t;
  size_t from, to;
};

// Whether line `k` is prose across table `t`: one stretch of text (no gap
// wider than a column gap, LayoutOptions::column_gap_em) as wide as most of
// the table (kProseWidthShare) over one of its boundaries.
bool prose_across(const VisualLines& lines, const std::vector<LineInfo>& info, size_t k, const TableLines& t,
                  const LayoutOptions& o) {
  double wide = kProseWidthShare * (t.x1 - t.x0);
  for (const Span& s : spans_of(lines[k], o.column_gap_em * info[k].em))
    if (s.x1 - s.x0 >= wide && std::any_of(t.cuts.begin(), t.cuts.end(), [&](double c) { return s.x0 < c && c < s.x1; }))
      return true;
  return false;
}

// Whether line `k` is the last line of a paragraph whose line `k - 1` is
// prose across a table: one stretch of text, a line's leading under it
// (kParagraphMaxGapEm) and within its width, as the short last line of a
// note (`※ KPIについては、…令和4年度の` over `設置施設数とする。`) is.
bool paragraph_tail(const VisualLines& lines, const std::vector<LineInfo>& info, size_t k, const LayoutOptions& o) {
  if (k == 0 || info[k].cy - info[k - 1].cy > kParagraphMaxGapEm * std::max(info[k].em, info[k - 1].em)) return false;
  std::vector<Span> tail = spans_of(lines[k], o.column_gap_em * info[k].em);
  if (tail.size() != 1) return false;
  std::vector<Span> above = spans_of(lines[k - 1], o.column_gap_em * info[k - 1].em);
  return std::any_of(above.begin(), above.end(),
                     [&](const Span& s) { return tail[0].x0 >= s.x0 && tail[0].x1 < s.x1; });
}

// The em of table `t`'s body: the median em of its lines with several cells.
double table_em(const std::vector<LineInfo>& info, const TableLines& t) {
  std::vector<double> ems;
  for (size_t k = t.first; k <= t.last; ++k)
    if (info[k].cells >= 2) ems.push_back(info[k].em);
  if (ems.empty()) return 0;
  std::nth_element(ems.begin(), ems.begin() + long(ems.size() / 2), ems.end());
  return ems[ems.size() / 2];
}

// Whether a line is a heading between tables: one cell, set larger than the
// table's body (kHeadingEmShare), as a section title (`2 改訂までの流れ`) is.
bool heading_line(const LineInfo& line, double body_em) {
  return line.cells == 1 && body_em > 0 && line.em >= kHeadingEmShare * body_em;
}

// Table `r` cut at each paragraph across its columns and at each heading
// set larger than its body, each part read again. A paragraph is
// kMinProseLines lines of prose_across or more, its last line counted by
// paragraph_tail (notes under one table, text before the next); a heading
// over the columns is one line, a cell's text running past its boundary is
// narrower. Where none: `r` itself.
std::vector<TableRange> cut_at_paragraphs(const TableRange& r, const VisualLines& lines,
                                          const std::vector<LineInfo>& info, const LayoutOptions& o) {
  std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) between paragraphs
  size_t begin = r.from;
  double body_em = table_em(info, r.t);
  for (size_t k = r.t.first; k <= r.t.last;) {
    size_t run = k;
    while (run <= r.t.last && prose_across(lines, info, run, r.t, o)) ++run;
    if (run > k && run < r.to && paragraph_tail(lines, info, run, o)) ++run;
    bool heading = run == k && heading_line(info[k], body_em);
    if (heading) ++run;
    if (heading || run - k >= kMinProseLines) {
      parts.push_back({begin, k});
      begin = run;
    }
    k = std::max(run, k + 1);
  }
  if (parts.empty()) return {r};
  parts.push_back({begin, r.to});
  std::vector<TableRange> out;
  for (auto [b, e] : parts)
    if (std::optional<TableLines> t = table_lines(lines, info, b, e, o)) out.push_back({*t, b, e});
  return out;
}

// The tables of the block of lines [from, to): the whole block's lines with
// several cells as one table where their gaps give columns; else, where
// prose between tables crosses those columns (a page of report text with
// several small tables and notes under each), runs of them from the first
// down, each as long as its gaps still give columns. Each cut at the
// paragraphs across it.
std::vector<TableRange> table_ranges(const VisualLines& lines, const std::vector<LineInfo>& info, size_t from,
                                     size_t to, const LayoutOptions& o) {
  std::vector<TableRange> found;
  if (std::optional<TableLines> whole = table_lines(lines, info, from, to, o)) {
    found.push_back({*whole, from, to});
  } else {
    std::vector<size_t> multi;
    for (size_t k = from; k < to; ++k)
      if (info[k].cells >= 2) multi.push_back(k);
    for (size_t a = 0; a < multi.size();) {
      std::optional<TableLines> best;
      size_t b = a + 1;
      for (; b < multi.size(); ++b) {
        std::optional<TableLines> t = table_lines(lines, info, multi[a], multi[b] + 1, o);
        if (!t) break;
        best = std::move(t);
      }
      if (!best) {
        ++a;
        continue;
      }
      size_t lo = found.empty() ? from : found.back().t.last + 1;
      found.push_back({std::move(*best), lo, b < multi.size() ? multi[b] : to});
      a = b;
    }
  }
  std::vector<TableRange> out;
  for (const TableRange& r : found)
    for (TableRange& part : cut_at_paragraphs(r, lines, info, o)) out.push_back(std::move(part));
  return out;
}

// Cut `c` moved, within the gap the rows `ink` leave around it (their text
// that runs across it aside), off the spans of `line`: the middle of the
// widest stretch of that gap `line` leaves free. False where it leaves none.
bool cut_clear_of(double& c, const std::vector<std::vector<Span>>& ink, const std::vector<Span>& line) {
  double lo = -1e18, hi = 1e18;
  for (const auto& r : ink)
    for (const Span& s : r) {
      if (s.x1 <= c) lo = std::max(lo, s.x1);
      if (s.x0 >= c) hi = std::min(hi, s.x0);
    }
  double best = -1, at = c, from = lo;
  auto free_until = [&](double to) {
    if (to - from > best) best = to - from, at = (from + to) / 2;
  };
  for (const Span& s : line) {
    if (s.x1 <= lo || s.x0 >= hi) continue;
    free_until(std::min(s.x0, hi));
    from = std::max(from, s.x1);
  }
  free_until(hi);
  if (best <= 0) return false;
  c = at;
  return true;
}

// Lines of one cell just above the first or below the last row with several
// cells (a header wrapped upwards, a description running on under its
// values) are the table's too: within one column, and a line height from the
// table. A line over the gap between two columns moves their boundary within
// that gap (the boundary is placed by the rows alone, and a header's upper
// line may reach past where the rows end). The block of lines is [from, to).
void take_edge_lines(TableLines& t, const VisualLines& lines, const std::vector<LineInfo>& info, size_t from,
                     size_t to) {
  std::vector<std::vector<Span>> ink;
  for (size_t k = t.first; k <= t.last; ++k) ink.push_back(spans_of(lines[k], 0));
  auto within_one_column = [&](size_t k) {
    std::vector<Span> spans = spans_of(lines[k], 0);
    if (spans.empty() || spans.front().x0 < t.x0 || spans.back().x1 > t.x1) return false;
    std::vector<double> cuts = t.cuts;
    for (double& c : cuts)
      if (covered(spans, c) && !cut_clear_of(c, ink, spans)) return false;
    t.cuts = std::move(cuts);
    return true;
  };
  auto near = [&](size_t a, size_t b) {
    return std::fabs(info[b].cy - info[a].cy) <= kTableEdgeLineGapEm * std::max(info[a].em, info[b].em);
  };
  while (t.first > from && near(t.first - 1, t.first) && within_one_column(t.first - 1)) --t.first;
  while (t.last + 1 < to && near(t.last, t.last + 1) && within_one_column(t.last + 1)) ++t.last;
}

// The table's grid (text_lines_grid over its lines).
std::optional<Grid> borderless_grid(const TableLines& t, const VisualLines& lines, std::deque<Rule>& made) {
  VisualLines own(lines.begin() + long(t.first), lines.begin() + long(t.last) + 1);
  return text_lines_grid(own, t.x0, t.x1, t.cuts, {}, std::nullopt, made);
}

}  // namespace

std::vector<Grid> borderless_grids(const std::vector<Glyph>& glyphs, const std::vector<Grid>& taken,
                                   const LayoutOptions& o, std::deque<Rule>& made) {
  std::vector<const Glyph*> rest;
  for (const Glyph& g : glyphs) {
    double x = g.box.cx(), y = g.box.cy();
    if (std::none_of(taken.begin(), taken.end(), [&](const Grid& t) { return t.box().contains_point(x, y); }))
      rest.push_back(&g);
  }
  VisualLines lines = visual_lines(std::move(rest));
  std::vector<LineInfo> info = line_infos(lines, o);
  std::vector<Grid> out;
  // Blocks of lines close together (rows of one table are at most
  // kTableLineGapEm apart), each looked at for a table.
  for (size_t i = 0; i < lines.size();) {
    size_t j = i + 1;
    while (j < lines.size() && info[j].cy - info[j - 1].cy <= kTableLineGapEm * std::max(info[j].em, info[j - 1].em))
      ++j;
    size_t from = i;
    i = j;
    for (const TableRange& r : table_ranges(lines, info, from, j, o)) {
      TableLines t = r.t;
      take_edge_lines(t, lines, info, r.from, r.to);
      if (std::optional<Grid> g = borderless_grid(t, lines, made)) out.push_back(std::move(*g));
    }
  }
  return out;
}

std::optional<Grid> text_lines_grid(const std::vector<std::vector<const Glyph*>>& lines, double x0, double x1,
                                    const std::vector<double>& cuts, const std::vector<double>& drawn_ends,
                                    std::optional<double> top, std::deque<Rule>& made) {
  size_t n = lines.size();
  if (n == 0) return std::nullopt;
  double first = 1e18, last = -1e18;
  std::vector<std::vector<Span>> ink(n);
  std::vector<double> cy(n);
  std::vector<const Glyph*> region;
  for (size_t k = 0; k < n; ++k) {
    const auto& l = lines[k];
    ink[k] = spans_of(l, 0);
    cy[k] = centre_height(l);
    for (const Glyph* g : l) {
      first = std::min(first, g->box.cy());
      last = std::max(last, g->box.cy());
    }
    region.insert(region.end(), l.begin(), l.end());
  }
  std::vector<RowBreak> breaks =
      text_row_breaks(column_lines(visual_lines(std::move(region)), cuts, drawn_ends), cuts.size() + 1);
  // One row of several lines is a table too (a row carried over to the foot
  // of a page, its cells wrapped); one line alone is not, but under a header.
  if (breaks.empty() && n == 1 && !top) return std::nullopt;
  Grid g;
  g.xs.push_back(x0);
  for (double c : cuts) g.xs.push_back(c);
  g.xs.push_back(x1);
  g.ys.push_back(top ? *top : first - kBorderlessEndPad);
  for (const RowBreak& b : breaks) g.ys.push_back(b.y);
  g.ys.push_back(last + kBorderlessEndPad);
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
      for (size_t k = 0; k < n && !crossed; ++k)
        if (cy[k] >= g.ys[r] && cy[k] < g.ys[r + 1]) crossed = covered(ink[k], g.xs[ci]);
      if (!crossed) add(false, g.xs[ci], g.ys[r], g.ys[r + 1], g.v);
    }
  add(false, x1, g.ys.front(), g.ys.back(), g.v);
  g.sort_rules();
  return g;
}

}  // namespace kpix::layout_parts

#include "pipeline/layout/text_columns.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pipeline/layout/params.h"

namespace kpix {
namespace {

using layout_params::kInterleavedLineEm;
using layout_params::kMaxCrossingRows;
using layout_params::kSameRowEm;
using layout_params::kZoneShare;

// Spans sorted and joined where they overlap.
std::vector<Span> united(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.x0 < b.x0; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && s.x0 <= out.back().x1) {
      out.back().x1 = std::max(out.back().x1, s.x1);
      continue;
    }
    out.push_back(s);
  }
  return out;
}

// Pieces of [a, b] with the number of bands that leave each one free.
struct Piece {
  double a, b;
  int free;
};

// The middle of the widest piece of [a, b] that the most bands leave free.
double best_cut(const std::vector<Piece>& pieces, double a, double b) {
  int most = -1;
  double cut = (a + b) / 2, widest = -1;
  for (const Piece& p : pieces) {
    double lo = std::max(p.a, a), hi = std::min(p.b, b);
    if (hi <= lo) continue;
    if (p.free > most || (p.free == most && hi - lo > widest)) {
      most = p.free;
      widest = hi - lo;
      cut = (lo + hi) / 2;
    }
  }
  return cut;
}

// Where each line of the text stands: its table row (lines chained by
// height, -1 where unknown) and its centre's height.
struct LinePlaces {
  std::vector<long> table_row;
  std::vector<double> cy;
};

// Zone `z` of text cut at each stretch that more rows show as a gap (text
// ending and text starting inside `z` on either side of it, none over it)
// than cross it, by kMaxCrossingRows, or that two table rows or more show
// and no more cross, all of them over the rows that show it (`table_row`:
// each row's table row, lines chained by height; -1 where unknown): a
// heading over two columns joined them. A one-row table's spanning header
// (`重要業績評価指標（KPI）` over 基準値 and the years) crosses a third of its
// lines, whose values may stand at heights of their own (`9人` beside a
// wrapped `10人(通 / 算19人)`).
std::vector<Span> parted_at_crossed_gaps(const Span& z, const std::vector<std::vector<Span>>& rows,
                                         const LinePlaces& at) {
  const std::vector<long>& table_row = at.table_row;
  std::vector<double> edges;
  for (const auto& r : rows)
    for (const Span& s : r) {
      if (s.x0 >= z.x0 && s.x0 <= z.x1) edges.push_back(s.x0);
      if (s.x1 >= z.x0 && s.x1 <= z.x1) edges.push_back(s.x1);
    }
  edges.push_back(z.x0);
  edges.push_back(z.x1);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  bool placed = std::all_of(table_row.begin(), table_row.end(), [](long t) { return t >= 0; });
  size_t table_rows = placed && !table_row.empty() ? size_t(*std::max_element(table_row.begin(), table_row.end())) + 1 : 0;
  // Per table row: text left of the gap, right of it, over it.
  std::vector<char> left_of(table_rows), right_of(table_rows), over(table_rows);
  std::vector<Span> parts{{z.x0, z.x0}};
  bool in_gap = false;
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    double a = edges[i], b = edges[i + 1], mid = (a + b) / 2;
    int cross = 0, show = 0;
    // The lowest crossing line, and the highest other line with text in z.
    double lowest_cross = -std::numeric_limits<double>::infinity();
    double highest_other = std::numeric_limits<double>::infinity();
    std::fill(left_of.begin(), left_of.end(), 0);
    std::fill(right_of.begin(), right_of.end(), 0);
    std::fill(over.begin(), over.end(), 0);
    for (size_t k = 0; k < rows.size(); ++k) {
      const auto& r = rows[k];
      bool left = false, right = false;
      for (const Span& s : r) {
        left = left || (s.x1 <= a && s.x1 > z.x0);
        right = right || (s.x0 >= b && s.x0 < z.x1);
      }
      bool crosses = covered(r, mid);
      cross += crosses;
      show += !crosses && left && right;
      if (table_rows) {
        bool in_z = std::any_of(r.begin(), r.end(), [&](const Span& s) { return s.x1 > z.x0 && s.x0 < z.x1; });
        if (crosses) lowest_cross = std::max(lowest_cross, at.cy[k]);
        else if (in_z) highest_other = std::min(highest_other, at.cy[k]);
        size_t t = size_t(table_row[k]);
        over[t] = over[t] || crosses;
        left_of[t] = left_of[t] || left;
        right_of[t] = right_of[t] || right;
      }
    }
    bool gap = show > 0 && cross * kMaxCrossingRows.den <= (cross + show) * kMaxCrossingRows.num;
    // A heading on top of the zone, over the sub-headers that show the gap
    // (`重要業績評価指標（KPI）` over `2020 | 2021`, their dashes set apart).
    if (!gap && table_rows && show > 0 && cross <= show) gap = lowest_cross < highest_other;
    if (!gap && table_rows) {
      size_t shown = 0, crossed = 0, lowest_crossed = 0, highest_shown = table_rows;
      for (size_t t = 0; t < table_rows; ++t) {
        if (over[t]) {
          ++crossed;
          lowest_crossed = t;
        } else if (left_of[t] && right_of[t]) {
          ++shown;
          highest_shown = std::min(highest_shown, t);
        }
      }
      gap = shown >= 2 && crossed <= shown && (crossed == 0 || lowest_crossed < highest_shown);
    }
    if (gap && !in_gap) parts.push_back({b, b});
    if (gap) parts.back().x0 = b;
    if (!gap) parts.back().x1 = b;
    in_gap = gap;
  }
  parts.front().x1 = std::max(parts.front().x1, parts.front().x0);
  std::vector<Span> out;
  for (const Span& p : parts)
    if (p.x1 > p.x0) out.push_back(p);
  return out.empty() ? std::vector<Span>{z} : out;
}

// Zones (sorted, apart) widened over the text that overlaps one of them
// only: a name wider than the header centred over it (`項目` over
// `職業訓練校受講生数`) is that header's column, though in a one-row table
// only the two rows' common stretch is dense. A boundary stays between
// neighbours that grow into each other, halfway.
void grow_over_own_text(std::vector<Span>& zones, const std::vector<std::vector<Span>>& rows) {
  std::vector<Span> grown = zones;
  for (const auto& r : rows)
    for (const Span& s : r) {
      size_t hit = zones.size(), hits = 0;
      for (size_t z = 0; z < zones.size(); ++z)
        if (s.x0 < zones[z].x1 && s.x1 > zones[z].x0) hit = z, ++hits;
      if (hits != 1) continue;
      grown[hit].x0 = std::min(grown[hit].x0, s.x0);
      grown[hit].x1 = std::max(grown[hit].x1, s.x1);
    }
  for (size_t z = 1; z < grown.size(); ++z)
    if (grown[z].x0 < grown[z - 1].x1) {
      double mid = (std::max(grown[z].x0, zones[z - 1].x1) + std::min(grown[z - 1].x1, zones[z].x0)) / 2;
      grown[z - 1].x1 = mid;
      grown[z].x0 = mid;
    }
  zones = std::move(grown);
}

// The row each line is in (numbered from 0): lines chained by centres
// within kSameRowEm of each other.
std::vector<size_t> row_of_lines(const std::vector<LineSpans>& lines) {
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].cy < lines[b].cy; });
  std::vector<size_t> row(lines.size());
  size_t rows = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const LineSpans& l = lines[order[k]];
    bool joins = false;
    if (k > 0) {
      const LineSpans& p = lines[order[k - 1]];
      double em = std::max(l.em, p.em);
      joins = l.em > 0 && p.em > 0 && l.cy - p.cy < kSameRowEm * em;
    }
    row[order[k]] = joins ? rows - 1 : rows++;
  }
  return row;
}

// The rows that have text, their spans joined where they overlap, and the
// lines they are (centre and em only).
struct RowsWithText {
  std::vector<std::vector<Span>> rows;
  std::vector<LineSpans> lines;
};

RowsWithText rows_with_text(const std::vector<LineSpans>& lines_in) {
  RowsWithText out;
  for (const LineSpans& l : lines_in)
    if (!l.spans.empty()) {
      out.rows.push_back(united(l.spans));
      out.lines.push_back({{}, l.cy, l.em});
    }
  return out;
}

// [x0, x1] cut at every span edge inside it, each piece with how many rows
// leave it free.
std::vector<Piece> free_pieces(const std::vector<std::vector<Span>>& rows, double x0, double x1) {
  std::vector<double> edges{x0, x1};
  for (const auto& r : rows)
    for (const Span& s : r) {
      if (s.x0 > x0 && s.x0 < x1) edges.push_back(s.x0);
      if (s.x1 > x0 && s.x1 < x1) edges.push_back(s.x1);
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::vector<Piece> pieces;
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    double mid = (edges[i] + edges[i + 1]) / 2;
    int free = 0;
    for (const auto& r : rows) free += !covered(r, mid);
    pieces.push_back({edges[i], edges[i + 1], free});
  }
  return pieces;
}

// Stretches of x that nearly every row (`need` of them) leaves open; what
// lies between them is text of a column. Text lying wholly inside a stretch
// is a column too, one that only some rows fill (a group label beside the
// names; inner_zones). Text reaching out of a stretch is a heading or remark
// crossing it.
std::vector<Span> dense_zones(const std::vector<Piece>& pieces, int need) {
  std::vector<Span> zones;
  for (size_t i = 0; i < pieces.size();) {
    size_t j = i;
    bool is_open = pieces[i].free >= need;
    while (j < pieces.size() && (pieces[j].free >= need) == is_open) ++j;
    if (!is_open) zones.push_back({pieces[i].a, pieces[j - 1].b});
    i = j;
  }
  return zones;
}

// Each zone parted where its rows' text leaves a gap that another row
// crosses (parted_at_crossed_gaps), the parts in order.
std::vector<Span> parted(const std::vector<Span>& zones, const std::vector<std::vector<Span>>& rows,
                         const LinePlaces& at) {
  std::vector<Span> out;
  for (const Span& z : zones)
    for (const Span& part : parted_at_crossed_gaps(z, rows, at)) out.push_back(part);
  return out;
}

// A heading over two columns may join them, dense or grown over it.
std::vector<Span> parted_and_grown(const std::vector<Span>& zones, const std::vector<std::vector<Span>>& rows,
                                   const LinePlaces& at) {
  std::vector<Span> out = parted(zones, rows, at);
  grow_over_own_text(out, rows);
  return parted(out, rows, at);
}

// The stretches of [x0, x1] that no zone (sorted) covers.
std::vector<Span> open_stretches(const std::vector<Span>& zones, double x0, double x1) {
  std::vector<Span> open;
  double from = x0;
  for (const Span& z : zones) {
    if (z.x0 > from) open.push_back({from, z.x0});
    from = std::max(from, z.x1);
  }
  if (x1 > from) open.push_back({from, x1});
  return open;
}

// The columns of the text lying wholly inside the open stretch `st`. Such
// columns side by side stay apart where a heading over both (`重要業
// 績評価指標(KPI)` over 基準値 and 実績) crosses the gap between them.
std::vector<Span> inner_zones(const Span& st, const std::vector<std::vector<Span>>& rows,
                              const LinePlaces& at) {
  std::vector<std::vector<Span>> inner_rows;
  LinePlaces inner_at;
  std::vector<Span> inner;
  for (size_t k = 0; k < rows.size(); ++k) {
    std::vector<Span> in;
    for (const Span& s : rows[k])
      if (s.x0 > st.x0 && s.x1 < st.x1) in.push_back(s);
    inner.insert(inner.end(), in.begin(), in.end());
    if (!in.empty()) {
      inner_rows.push_back(std::move(in));
      inner_at.table_row.push_back(at.table_row[k]);
      inner_at.cy.push_back(at.cy[k]);
    }
  }
  return parted(united(std::move(inner)), inner_rows, inner_at);
}

// The zone a span is in: the one holding most of it, at least kZoneShare of
// it; zones.size() for none.
size_t zone_of(const Span& s, const std::vector<Span>& zones) {
  size_t best = zones.size();
  double most = 0;
  for (size_t z = 0; z < zones.size(); ++z) {
    double o = std::min(s.x1, zones[z].x1) - std::max(s.x0, zones[z].x0);
    if (o > most) most = o, best = z;
  }
  return best < zones.size() && most >= kZoneShare * (s.x1 - s.x0) ? best : zones.size();
}

// The zones each table row (`row_of` each line: row_of_lines) has text in
// (its lines' together): a span is in the zone holding most of it.
std::vector<std::vector<bool>> zones_each_row_fills(const std::vector<Span>& zones, const RowsWithText& text,
                                                    const std::vector<size_t>& row_of) {
  size_t table_rows = row_of.empty() ? 0 : *std::max_element(row_of.begin(), row_of.end()) + 1;
  std::vector<std::vector<bool>> has(table_rows, std::vector<bool>(zones.size(), false));
  for (size_t line = 0; line < text.rows.size(); ++line)
    for (const Span& s : text.rows[line])
      if (size_t z = zone_of(s, zones); z < zones.size()) has[row_of[line]][z] = true;
  return has;
}

// Pairs of zones whose lines stand side by side without sharing a row: a
// line of each within kInterleavedLineEm of the other's height (two cells of
// one row centred on it with different numbers of lines, their lines
// interleaved: LibreOffice's borderless tables).
std::vector<std::vector<bool>> zones_interleaved(const std::vector<Span>& zones, const RowsWithText& text) {
  std::vector<std::vector<std::pair<double, double>>> at(zones.size());  // (cy, em) of each zone's lines
  for (size_t line = 0; line < text.rows.size(); ++line) {
    if (text.lines[line].em <= 0) continue;
    for (const Span& s : text.rows[line])
      if (size_t z = zone_of(s, zones); z < zones.size()) at[z].emplace_back(text.lines[line].cy, text.lines[line].em);
  }
  std::vector<std::vector<bool>> near(zones.size(), std::vector<bool>(zones.size(), false));
  for (size_t a = 0; a < zones.size(); ++a)
    for (size_t b = a + 1; b < zones.size(); ++b)
      for (const auto& [ya, ea] : at[a])
        for (const auto& [yb, eb] : at[b])
          if (std::fabs(ya - yb) > 0 && std::fabs(ya - yb) < kInterleavedLineEm * std::max(ea, eb))
            near[a][b] = near[b][a] = true;
  return near;
}

// A cut between each zone and the one before that shares a row with it or
// with a zone back to the last cut, or stands beside it line by line
// (`near`). Neighbouring zones no row fills both of are one column placed
// two ways (a centred dash beside wider right-aligned numbers).
std::vector<double> cuts_between_zones(const std::vector<Span>& zones, const std::vector<std::vector<bool>>& has,
                                       const std::vector<std::vector<bool>>& near, const std::vector<Piece>& pieces) {
  std::vector<double> cuts;
  size_t group_from = 0;
  for (size_t z = 1; z < zones.size(); ++z) {
    bool shares_row = false;
    for (size_t r = 0; r < has.size() && !shares_row; ++r) {
      if (!has[r][z]) continue;
      for (size_t m = group_from; m < z && !shares_row; ++m) shares_row = has[r][m];
    }
    for (size_t m = group_from; m < z && !shares_row; ++m) shares_row = near[z][m];
    if (!shares_row) continue;
    double a = zones[z - 1].x1, b = zones[z].x0;
    if (b > a) cuts.push_back(best_cut(pieces, a, b));
    group_from = z;
  }
  return cuts;
}

// Zones no row's text lies mostly in (slivers: the end of a heading over the
// columns where a wider value of the next column starts) joined to the
// neighbour the text in them runs on into, where all of it runs one way;
// headings (text over two zones or more) have no say. Otherwise a cut
// would be sought between the sliver and its column, inside the value.
void join_slivers(std::vector<Span>& zones, const std::vector<std::vector<bool>>& has,
                  const std::vector<std::vector<Span>>& rows) {
  std::vector<bool> filled(zones.size(), false);
  for (const auto& row : has)
    for (size_t z = 0; z < zones.size(); ++z) filled[z] = filled[z] || row[z];
  std::vector<Span> out;
  for (size_t z = 0; z < zones.size(); ++z) {
    if (filled[z]) {
      out.push_back(zones[z]);
      continue;
    }
    bool left = false, right = false;
    for (const auto& r : rows)
      for (const Span& s : r) {
        if (s.x1 <= zones[z].x0 || s.x0 >= zones[z].x1) continue;
        size_t whole = 0;
        for (size_t k = 0; k < zones.size(); ++k) whole += k != z && s.x0 <= zones[k].x0 && s.x1 >= zones[k].x1;
        if (whole >= 2) continue;
        left = left || s.x0 < zones[z].x0;
        right = right || s.x1 > zones[z].x1;
      }
    if (right && !left && z + 1 < zones.size()) {
      zones[z + 1].x0 = zones[z].x0;  // the next zone starts where the sliver did
    } else if (left && !right && !out.empty()) {
      out.back().x1 = zones[z].x1;
    } else {
      out.push_back(zones[z]);
    }
  }
  zones = std::move(out);
}

}  // namespace

bool covered(const std::vector<Span>& spans, double x) {
  return std::any_of(spans.begin(), spans.end(), [x](const Span& s) { return x >= s.x0 && x <= s.x1; });
}

std::vector<double> find_text_columns(const std::vector<std::vector<Span>>& bands, double x0, double x1) {
  std::vector<LineSpans> lines;
  lines.reserve(bands.size());
  for (const auto& b : bands) lines.push_back({b, 0, 0});
  return find_text_columns(lines, x0, x1);
}

std::vector<double> find_text_columns(const std::vector<LineSpans>& lines_in, double x0, double x1) {
  // 1. The rows with text.
  RowsWithText text = rows_with_text(lines_in);
  int n = int(text.rows.size());
  if (n == 0 || !(x1 > x0)) return {};
  // A boundary may be crossed by kMaxCrossingRows of the rows: headings over
  // several columns, remarks that run long.
  int need = n - n * kMaxCrossingRows.num / kMaxCrossingRows.den;
  // 2. The pieces between span edges, and how many rows leave each free.
  std::vector<Piece> pieces = free_pieces(text.rows, x0, x1);
  // 3. The dense zones between the stretches nearly every row leaves open.
  std::vector<Span> zones = dense_zones(pieces, need);
  // 4. Those parted where a heading joined them, and grown over their text.
  std::vector<size_t> row_of = row_of_lines(text.lines);
  LinePlaces at;
  for (size_t k = 0; k < row_of.size(); ++k) {
    at.table_row.push_back(text.lines[k].em > 0 ? long(row_of[k]) : -1);
    at.cy.push_back(text.lines[k].cy);
  }
  zones = parted_and_grown(zones, text.rows, at);
  // 5. The columns inside the stretches left open.
  for (const Span& st : open_stretches(zones, x0, x1))
    for (const Span& z : inner_zones(st, text.rows, at)) zones.push_back(z);
  std::sort(zones.begin(), zones.end(), [](const Span& a, const Span& b) { return a.x0 < b.x0; });
  if (zones.size() < 2) return {};
  // 6. The zones each table row fills, slivers joined to their columns.
  std::vector<std::vector<bool>> has = zones_each_row_fills(zones, text, row_of);
  size_t before = zones.size();
  join_slivers(zones, has, text.rows);
  if (zones.size() != before) has = zones_each_row_fills(zones, text, row_of);
  // 7. Cuts between the zones that share a row.
  return cuts_between_zones(zones, has, zones_interleaved(zones, text), pieces);
}

}  // namespace kpix

#include "pipeline/layout/text_columns.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/params.h"

namespace kpix {
namespace {

using layout_params::kMaxCrossingRows;
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

}  // namespace

bool covered(const std::vector<Span>& spans, double x) {
  return std::any_of(spans.begin(), spans.end(), [x](const Span& s) { return x >= s.x0 && x <= s.x1; });
}

std::vector<double> find_text_columns(const std::vector<std::vector<Span>>& bands, double x0, double x1) {
  std::vector<std::vector<Span>> rows;
  for (const auto& b : bands)
    if (!b.empty()) rows.push_back(united(b));
  int n = int(rows.size());
  if (n == 0 || !(x1 > x0)) return {};
  // A boundary may be crossed by kMaxCrossingRows of the rows: headings over
  // several columns, remarks that run long.
  int need = n - n * kMaxCrossingRows.num / kMaxCrossingRows.den;

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

  // Stretches of x that nearly every row leaves open; what lies between
  // them is text of a column. Text lying wholly inside a stretch is a column
  // too, one that only some rows fill (a group label beside the names).
  // Text reaching out of a stretch is a heading or remark crossing it.
  std::vector<Span> open, zones;
  for (size_t i = 0; i < pieces.size();) {
    size_t j = i;
    bool is_open = pieces[i].free >= need;
    while (j < pieces.size() && (pieces[j].free >= need) == is_open) ++j;
    (is_open ? open : zones).push_back({pieces[i].a, pieces[j - 1].b});
    i = j;
  }
  for (const Span& st : open) {
    std::vector<Span> inner;
    for (const auto& r : rows)
      for (const Span& s : r)
        if (s.x0 > st.x0 && s.x1 < st.x1) inner.push_back(s);
    for (const Span& s : united(std::move(inner))) zones.push_back(s);
  }
  std::sort(zones.begin(), zones.end(), [](const Span& a, const Span& b) { return a.x0 < b.x0; });
  if (zones.size() < 2) return {};

  // The zones each row has text in: a span is in the zone holding most of it.
  std::vector<std::vector<bool>> has(rows.size(), std::vector<bool>(zones.size(), false));
  for (size_t r = 0; r < rows.size(); ++r)
    for (const Span& s : rows[r]) {
      size_t best = zones.size();
      double most = 0;
      for (size_t z = 0; z < zones.size(); ++z) {
        double o = std::min(s.x1, zones[z].x1) - std::max(s.x0, zones[z].x0);
        if (o > most) most = o, best = z;
      }
      if (best < zones.size() && most >= kZoneShare * (s.x1 - s.x0)) has[r][best] = true;
    }

  // Neighbouring zones no row fills both of are one column placed two ways
  // (a centred dash beside wider right-aligned numbers).
  std::vector<double> cuts;
  size_t group_from = 0;
  for (size_t z = 1; z < zones.size(); ++z) {
    bool shares_row = false;
    for (size_t r = 0; r < rows.size() && !shares_row; ++r) {
      if (!has[r][z]) continue;
      for (size_t m = group_from; m < z && !shares_row; ++m) shares_row = has[r][m];
    }
    if (!shares_row) continue;
    double a = zones[z - 1].x1, b = zones[z].x0;
    if (b > a) cuts.push_back(best_cut(pieces, a, b));
    group_from = z;
  }
  return cuts;
}

}  // namespace kpix

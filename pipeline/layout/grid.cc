#include "pipeline/layout/grid.h"

#include <cmath>

namespace kpix::layout_parts {

using layout_params::kSnap;
using layout_params::kTouch;
using layout_params::kTouchShareOfBand;

std::vector<double> cluster_positions(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (!out.empty() && x - out.back() < kSnap) continue;
    out.push_back(x);
  }
  return out;
}

Grid stacked(const Grid& header, const Grid& body) {
  Grid g;
  g.ys = header.ys;
  g.ys.pop_back();  // the header's bottom border is the body's top
  g.ys.insert(g.ys.end(), body.ys.begin(), body.ys.end());
  std::vector<double> xs = header.xs;
  xs.insert(xs.end(), body.xs.begin(), body.xs.end());
  g.xs = cluster_positions(std::move(xs));
  g.h = header.h;
  g.h.insert(g.h.end(), body.h.begin(), body.h.end());
  g.v = header.v;
  g.v.insert(g.v.end(), body.v.begin(), body.v.end());
  g.sort_rules();
  return g;
}

size_t band_of(std::span<const double> bounds, double x) {
  auto it = std::upper_bound(bounds.begin(), bounds.end(), x);
  return size_t(std::max<std::ptrdiff_t>(0, it - bounds.begin() - 1));
}

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

namespace {

// Whether rule `r` is drawn across the middle of the band [lo, hi]. Its end
// may stop kTouch short of the middle (a border drawn in pieces), but no
// nearer than kTouchShareOfBand of the band to its edge: in rows of small
// text (a sheet fitted to its paper: rows under 2 kTouch high) the rule of
// the row above ends within kTouch of this row's middle without being drawn
// in it.
bool drawn_across(const Rule& r, double lo, double hi) {
  double mid = (lo + hi) / 2;
  double slack = std::min(kTouch, kTouchShareOfBand * (hi - lo));
  return mid >= r.from - slack && mid <= r.to + slack;
}

}  // namespace

bool has_rule(const std::vector<const Rule*>& on_line, double lo, double hi) {
  for (const Rule* r : on_line)
    if (drawn_across(*r, lo, hi)) return true;
  return false;
}

double drawn_at(const std::vector<const Rule*>& on_line, double lo, double hi, double line) {
  const Rule* nearest = nullptr;
  for (const Rule* r : on_line)
    if (drawn_across(*r, lo, hi) && (!nearest || std::fabs(r->pos - line) < std::fabs(nearest->pos - line))) nearest = r;
  return nearest ? nearest->pos : line;
}

}  // namespace kpix::layout_parts

#include "pipeline/layout/grid.h"

#include <cmath>

namespace kpix::layout_parts {

using layout_params::kSnap;
using layout_params::kTouch;

std::vector<double> cluster_positions(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (!out.empty() && x - out.back() < kSnap) continue;
    out.push_back(x);
  }
  return out;
}

size_t band_of(const std::vector<double>& bounds, double x) {
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

bool has_rule(const std::vector<const Rule*>& on_line, double along) {
  for (const Rule* r : on_line)
    if (along >= r->from - kTouch && along <= r->to + kTouch) return true;
  return false;
}

}  // namespace kpix::layout_parts

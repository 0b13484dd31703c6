#include "pipeline/layout/grid.h"

namespace kpix::layout_parts {

using layout_params::kSnap;

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

}  // namespace kpix::layout_parts

#include "pipeline/load/glyph_order.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace kpix {
namespace {

// NaN sorts after every number: comparisons with NaN are all false, which
// would break std::sort's strict weak order.
double ordered(double v) { return std::isnan(v) ? std::numeric_limits<double>::infinity() : v; }

struct Keyed {
  double cy, x0, x1, y0;
  size_t index;
};

}  // namespace

void sort_by_position(std::vector<Glyph>& glyphs) {
  // Keys are computed once and the glyphs moved once: sorting the glyphs
  // themselves moved a string per swap.
  std::vector<Keyed> keys(glyphs.size());
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const Box& b = glyphs[i].box;
    keys[i] = {ordered(b.cy()), ordered(b.x0), ordered(b.x1), ordered(b.y0), i};
  }
  std::sort(keys.begin(), keys.end(), [&](const Keyed& a, const Keyed& b) {
    auto ta = std::tie(a.cy, a.x0, a.x1, a.y0), tb = std::tie(b.cy, b.x0, b.x1, b.y0);
    if (ta != tb) return ta < tb;
    return glyphs[a.index].text < glyphs[b.index].text;
  });
  std::vector<Glyph> out;
  out.reserve(glyphs.size());
  for (const Keyed& k : keys) out.push_back(std::move(glyphs[k.index]));
  glyphs = std::move(out);
}

}  // namespace kpix

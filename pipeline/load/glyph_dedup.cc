#include "pipeline/load/glyph_dedup.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace kpix {
namespace {

// Two copies of one character have centres within this share of its size.
constexpr double kMinOverlap = 0.3;
constexpr double kCell = 8.0;  // hash grid pitch in points

int64_t key(int gx, int gy) { return (int64_t(gx) << 32) ^ uint32_t(gy); }

// Cells this far out are where cell_of clamps coordinates beyond its range.
constexpr int kMaxCell = (1 << 30) - 1;

// The grid cell of a coordinate. A hostile PDF places glyphs at 1e121 or
// NaN: those fall in the outermost cells (or cell 0), not past int's range;
// duplicates are still told by their real coordinates.
int cell_of(double v) {
  constexpr double kFar = 1 << 30;
  if (!std::isfinite(v)) return 0;
  return int(std::clamp(std::floor(v / kCell), -kFar, kFar));
}

}  // namespace

std::vector<Glyph> remove_duplicate_glyphs(std::vector<Glyph> glyphs) {
  // The kept glyphs by grid cell: an open-addressing table from cell key to the
  // last kept glyph of that cell, and a chain through the earlier ones (a map of
  // vectors cost an allocation per cell and per glyph).
  size_t cap = 16;
  while (cap < 2 * glyphs.size()) cap *= 2;
  std::vector<int64_t> keys(cap);
  std::vector<int> heads(cap, -1);  // -1: empty slot
  std::vector<int> next;            // per kept glyph: the previous one in its cell
  next.reserve(glyphs.size());
  auto slot = [&](int64_t k) {
    size_t i = size_t((uint64_t(k) * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
    while (heads[i] >= 0 && keys[i] != k) i = (i + 1) & (cap - 1);
    return i;
  };
  std::vector<Glyph> kept;
  kept.reserve(glyphs.size());
  for (Glyph& g : glyphs) {
    int gx = cell_of(g.box.cx()), gy = cell_of(g.box.cy());
    // The neighbour cells on a side are looked in only when a copy's centre
    // can lie there: within the farthest tolerance this glyph allows (its
    // own size bounds the pair's), widened by a hair for rounding. Most
    // glyphs lie well inside their cell and look in one to four cells, not
    // nine (the probes were most of the cost).
    int dx_lo = -1, dx_hi = 1, dy_lo = -1, dy_hi = 1;
    if (std::isfinite(g.box.x0) && std::isfinite(g.box.x1) && std::isfinite(g.box.y0) && std::isfinite(g.box.y1) &&
        std::abs(gx) < kMaxCell && std::abs(gy) < kMaxCell) {
      double reach = std::max(kMinOverlap * std::min(g.box.width(), g.box.height()), 0.5);
      double cx = g.box.cx(), cy = g.box.cy();
      double rx = reach * 1.001 + std::fabs(cx) * 1e-12, ry = reach * 1.001 + std::fabs(cy) * 1e-12;
      if (cx - rx >= gx * kCell) dx_lo = 0;
      if (cx + rx < (gx + 1) * kCell) dx_hi = 0;
      if (cy - ry >= gy * kCell) dy_lo = 0;
      if (cy + ry < (gy + 1) * kCell) dy_hi = 0;
    }
    bool dup = false;
    for (int dx = dx_lo; dx <= dx_hi && !dup; ++dx) {
      for (int dy = dy_lo; dy <= dy_hi && !dup; ++dy) {
        for (int k = heads[slot(key(gx + dx, gy + dy))]; k >= 0; k = next[size_t(k)]) {
          const Glyph& o = kept[size_t(k)];
          if (o.text != g.text) continue;
          // Centres within a quarter of the glyph's smaller side: a shadow is a
          // point or two off, the same character on the next line a whole line
          // off even where Type 3 boxes are taller than the line pitch.
          double size = std::min({g.box.width(), g.box.height(), o.box.width(), o.box.height()});
          double tol = std::max(kMinOverlap * size, 0.5);
          if (std::fabs(o.box.cx() - g.box.cx()) <= tol && std::fabs(o.box.cy() - g.box.cy()) <= tol) {
            dup = true;
            break;
          }
        }
      }
    }
    if (dup) continue;
    size_t i = slot(key(gx, gy));
    keys[i] = key(gx, gy);
    next.push_back(heads[i]);
    heads[i] = int(kept.size());
    kept.push_back(std::move(g));
  }
  return kept;
}

}  // namespace kpix

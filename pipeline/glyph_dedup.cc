#include "pipeline/glyph_dedup.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace kpix {
namespace {

// Two copies of one character have centres within this share of its size.
constexpr double kMinOverlap = 0.3;
constexpr double kCell = 8.0;  // hash grid pitch in points

int64_t key(int gx, int gy) { return (int64_t(gx) << 32) ^ uint32_t(gy); }

}  // namespace

std::vector<Glyph> remove_duplicate_glyphs(std::vector<Glyph> glyphs) {
  std::unordered_map<int64_t, std::vector<size_t>> grid;
  std::vector<Glyph> kept;
  kept.reserve(glyphs.size());
  for (Glyph& g : glyphs) {
    int gx = int(std::floor(g.box.cx() / kCell)), gy = int(std::floor(g.box.cy() / kCell));
    bool dup = false;
    for (int dx = -1; dx <= 1 && !dup; ++dx) {
      for (int dy = -1; dy <= 1 && !dup; ++dy) {
        auto it = grid.find(key(gx + dx, gy + dy));
        if (it == grid.end()) continue;
        for (size_t k : it->second) {
          const Glyph& o = kept[k];
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
    grid[key(gx, gy)].push_back(kept.size());
    kept.push_back(std::move(g));
  }
  return kept;
}

}  // namespace kpix

#include "pipeline/model/orientation.h"

namespace kpix {

Box Frame::to_upright(const Box& b) const {
  switch (turn) {
    case 1: return {b.y0, width - b.x1, b.y1, width - b.x0};
    case 2: return {width - b.x1, height - b.y1, width - b.x0, height - b.y0};
    case 3: return {height - b.y1, b.x0, height - b.y0, b.x1};
    default: return b;
  }
}

Box Frame::from_upright(const Box& u) const {
  switch (turn) {
    case 1: return {width - u.y1, u.x0, width - u.y0, u.x1};
    case 2: return {width - u.x1, height - u.y1, width - u.x0, height - u.y0};
    case 3: return {u.y0, height - u.x1, u.y1, height - u.x0};
    default: return u;
  }
}

Rule Frame::to_upright(const Rule& r) const {
  // A rule is a degenerate box; turn it as one.
  Box b = r.horizontal ? Box{r.from, r.pos, r.to, r.pos} : Box{r.pos, r.from, r.pos, r.to};
  Box u = to_upright(b);
  bool horizontal = (u.y1 - u.y0) < (u.x1 - u.x0);
  if (horizontal) return {true, (u.y0 + u.y1) / 2, u.x0, u.x1};
  return {false, (u.x0 + u.x1) / 2, u.y0, u.y1};
}

}  // namespace kpix

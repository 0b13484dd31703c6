// A piece of a page that layout reads as one (a grid's rows, or free lines
// that belong together), placed by its top-left corner: the driver
// (page_layout) puts the pieces in reading order. Internal to layout.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace kpix::layout_parts {

struct Block {
  double top = 0, left = 0;
  std::vector<Line> lines;
};

}  // namespace kpix::layout_parts

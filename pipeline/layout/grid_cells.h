// Reading a grid, ruled or rebuilt from text: each grid row becomes a Line
// with one Cell per grid column (column = index). Grid cells that no rule
// parts are one merged cell: it gives its text to its top-left grid cell and
// leaves the others empty, the way converter text shows merged cells as empty
// tab cells. Internal to layout; pure.
//
// Entry point: grid_block.
#pragma once

#include <vector>

#include "pipeline/layout/block.h"
#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// The rows of grid `g` with text, as lines of table number `table`, from the
// glyphs whose centre lies inside it and that no grid read before took; those
// are marked in `used`.
Block grid_block(const Grid& g, const std::vector<Glyph>& glyphs, std::vector<bool>& used, int table,
                 const LayoutOptions& o);

}  // namespace kpix::layout_parts

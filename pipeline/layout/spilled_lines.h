// Lines of text that spill out of their cell across a row's rule. A
// spreadsheet centres a wrapped cell's lines on its row, however short the row
// (Calc sizes no row for a merged cell's text), drops the lines wholly
// outside the cell and prints the ones partly inside unclipped: over the
// neighbouring row's text. Read by centre, such a line joins the row it
// overprints, its glyphs between that row's own. Internal to layout; pure.
//
// Entry point: glyph_rows.
#pragma once

#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// The grid row of each of `glyphs` (all inside grid `g`): the row of its
// centre, except for a line that crosses a rule drawn on one of its row's
// edges by more than layout_params::kSpillShare of its height (less than
// half), not the other edge, and overprints glyphs of that row
// (kOverprintShare): the row on the other side, where the rest of its cell is.
std::vector<size_t> glyph_rows(const Grid& g, const std::vector<const Glyph*>& glyphs);

}  // namespace kpix::layout_parts

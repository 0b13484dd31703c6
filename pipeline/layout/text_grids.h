// Grids for tables drawn with few borders or none, rebuilt from their text
// (then read by layout like any ruled grid, merged cells included):
//   - rows ruled, columns not (pipeline/layout/ruled_rows): the rules give the rows,
//     the lines' common gaps the columns (pipeline/layout/text_columns); a band
//     holding rows of values one over another is split (pipeline/layout/text_rows);
//   - no borders at all: free lines close together with several cells are a
//     table, its rows from which lines of a column are one wrapped cell.
// Internal to layout.
#pragma once

#include <deque>
#include <vector>

#include "pipeline/layout/layout_parts.h"
#include "pipeline/layout/params.h"

namespace kpix::layout_parts {

// Tables whose rows are ruled (by `borders`) and whose columns are not. Bands
// inside the `ruled` grids are theirs. The boundaries drawn are kept in `made`.
std::vector<Grid> text_column_grids(const std::vector<Rule>& borders, const std::vector<Grid>& ruled,
                                    const std::vector<Glyph>& glyphs, const LayoutOptions& o,
                                    std::deque<Rule>& made);

// Tables without any borders among the glyphs outside the `taken` grids.
std::vector<Grid> borderless_grids(const std::vector<Glyph>& glyphs, const std::vector<Grid>& taken,
                                   const LayoutOptions& o, std::deque<Rule>& made);

}  // namespace kpix::layout_parts

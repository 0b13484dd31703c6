// Tables whose rows are ruled and whose columns are not (Word and LaTeX
// tables, HTML tables with border-bottom only): the rules give the rows
// (ruled_rows), the text's common gaps the columns (text_columns); a band
// holding rows of values one over another is split where its text starts new
// rows (row_breaks). A column boundary is drawn only in the rows whose text
// leaves it free, so text running across it (a heading over several columns)
// stays one merged cell, as in a ruled grid. The grid is then read like any
// ruled grid (grid_cells). Internal to layout; pure.
//
// Entry point: text_column_grids.
#pragma once

#include <deque>
#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Tables whose rows are ruled (by `borders`) and whose columns are not. Bands
// inside the `ruled` grids are theirs. The boundaries drawn are kept in `made`.
std::vector<Grid> text_column_grids(const std::vector<Rule>& borders, const std::vector<Grid>& ruled,
                                    const std::vector<Glyph>& glyphs, const LayoutOptions& o,
                                    std::deque<Rule>& made);

}  // namespace kpix::layout_parts

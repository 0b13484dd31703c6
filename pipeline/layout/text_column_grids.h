// Tables whose rows are ruled and whose columns are not (Word and LaTeX
// tables, HTML tables with border-bottom only): the rules give the rows
// (ruled_rows), the text's common gaps the columns (text_columns); a band
// holding rows of values one over another is split where its text starts new
// rows (row_breaks). A column boundary is drawn only in the rows whose text
// leaves it free, so text running across it (a heading over several columns)
// stays one merged cell, as in a ruled grid. The grid is then read like any
// ruled grid (grid_cells). Rows the text runs on past the rules with:
// ruled_rows_edges. Internal to layout; pure.
//
// Entry points: text_column_grids, then join_ruled_headers.
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

// A ruled header (from `ruled`: borders or cell fills) right over a body
// whose rows only are ruled (from `bodies`, text_column_grids) is one table
// with it: the header's rows are put on top of the body's grid, with the
// columns of both, and the header leaves `ruled`. A table is then read with
// its header whether its producer drew the header's cells and the body's
// rows alike or not.
void join_ruled_headers(std::vector<Grid>& ruled, std::vector<Grid>& bodies);

}  // namespace kpix::layout_parts

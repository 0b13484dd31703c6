// Tables drawn without any borders, rebuilt as grids from the text alone:
// free lines close together (layout_params::kTableLineGapEm) with several
// cells are a table; its columns come from the lines' common gaps
// (text_columns), its rows from which lines of a column are one wrapped cell
// (row_breaks). Boundaries are drawn where no text runs across them, so
// wrapped and spanning cells come out merged when the grid is read like any
// ruled grid (grid_cells). Internal to layout; pure.
//
// Entry point: borderless_grids.
#pragma once

#include <deque>
#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Tables without any borders among the glyphs outside the `taken` grids. The
// boundaries drawn are kept in `made`.
std::vector<Grid> borderless_grids(const std::vector<Glyph>& glyphs, const std::vector<Grid>& taken,
                                   const LayoutOptions& o, std::deque<Rule>& made);

}  // namespace kpix::layout_parts

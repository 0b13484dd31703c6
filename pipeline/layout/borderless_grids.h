// Tables drawn without any borders, rebuilt as grids from the text alone:
// free lines close together (layout_params::kTableLineGapEm) with several
// cells are a table; its columns come from the lines' common gaps
// (text_columns), its rows from which lines of a column are one wrapped cell
// (row_breaks). Boundaries are drawn where no text runs across them, so
// wrapped and spanning cells come out merged when the grid is read like any
// ruled grid (grid_cells). Internal to layout; pure.
//
// Entry points: borderless_grids; text_lines_grid (the grid of lines whose
// columns are known).
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Tables without any borders among the glyphs outside the `taken` grids. The
// boundaries drawn are kept in `made`.
std::vector<Grid> borderless_grids(const std::vector<Glyph>& glyphs, const std::vector<Grid>& taken,
                                   const LayoutOptions& o, std::deque<Rule>& made);

// The grid of borderless lines whose columns are known: `lines` (visual
// lines, top to bottom) between x0 and x1, cut at `cuts`; its rows where
// row_breaks starts them (`drawn_ends`: where each column ends where a
// header over the lines draws it, 0 where not), each boundary drawn (kept in
// `made`) where no text runs across it. Its top is `top` when given (the
// bottom of a header drawn over the lines), else just over the first line's
// centre. None for one line alone, but under a header.
std::optional<Grid> text_lines_grid(const std::vector<std::vector<const Glyph*>>& lines, double x0, double x1,
                                    const std::vector<double>& cuts, const std::vector<double>& drawn_ends,
                                    std::optional<double> top, std::deque<Rule>& made);

}  // namespace kpix::layout_parts

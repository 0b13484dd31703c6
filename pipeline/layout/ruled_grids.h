// Ruled tables: a page's drawn rules to the grids they form. Rules that cross
// each other (within layout_params::kTouch) are one table; their positions,
// snapped, are its row and column boundaries. Underlines are told from
// borders first, so that underlined text in a cell does not cut it into rows.
// Internal to layout; pure.
//
// Entry points: without_underlines, then find_grids.
#pragma once

#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// The rules less those that underline text: an underline starts at the first
// glyph and ends at the last glyph of the text just above it, where a border
// reaches past its text to the cell edges.
std::vector<Rule> without_underlines(const std::vector<Rule>& rules, const std::vector<Glyph>& glyphs);

// Grids of two rows and two columns at least formed by crossing rules; a lone
// framed box (a slide frame, a boxed heading) is none. Runs of rows that no
// inner vertical rule cuts (a frame around rows ruled by horizontal rules
// only) are left out, for text_column_grids: a frame is not a column
// boundary. So are runs of rows whose text (`glyphs`) is one cell between two
// tables ruled apart, or over a row that repeats the header of another table
// of the grid, and at the grid's top (a spreadsheet's grid printed over the
// title, headings and notes around its tables). The grids point into
// `rules`.
std::vector<Grid> find_grids(const std::vector<Rule>& rules, const std::vector<Glyph>& glyphs);

}  // namespace kpix::layout_parts

// Tables whose header is drawn (borders or cell fills) and whose body is not:
// LibreOffice and Word print an HTML or report table with a shaded header row
// and no borders that way. The body's lines under the header are cut at the
// header's columns, which is where their text stops, however close two cells
// stand (Writer pads no cell: a paragraph and a name one space apart are two
// cells); its rows come from row_breaks. The header and the body are then one
// grid, read like any ruled grid (grid_cells). Internal to layout; pure.
//
// Entry point: extend_headers_down.
#pragma once

#include <deque>
#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Each grid of `ruled` over free lines (glyphs in no grid of `ruled` or
// `others`) that keep within its columns is extended down over them: from
// the line under it to the last line with text in two of its columns (and
// the lines its cells wrap onto), up to a line whose text runs across one of
// its column lines (but a cell merged over the columns of values) or past
// its sides, a wide gap, or another grid; not when the text of one of its
// columns runs on into them (Calc's overflowing cells), nor a page number.
// The body's columns
// are the header's, and those its text shows inside a header cell over
// several (a name label over a group column and the names). The boundaries
// drawn for the body are kept in `made`.
void extend_headers_down(std::vector<Grid>& ruled, const std::vector<Grid>& others, const std::vector<Glyph>& glyphs,
                         const LayoutOptions& o, std::deque<Rule>& made);

}  // namespace kpix::layout_parts

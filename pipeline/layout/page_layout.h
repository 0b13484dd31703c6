// Layout analysis: a page's glyphs and drawn rules to lines in reading order,
// each split into cells. The driver; each step is a file of this folder:
//
//   1. Ruled tables (ruled_grids): rules that cross each other form a grid,
//      underlines told from borders first.
//   2. Tables with ruled rows only (text_column_grids) or no borders at all
//      (borderless_grids): their grids are rebuilt from the text.
//   3. Every grid read the same way (grid_cells): each grid row becomes a
//      Line with one Cell per grid column (column = index). A merged cell
//      gives its text to its top-left grid cell and leaves the others empty,
//      the way converter text shows merged cells as empty tab cells.
//   4. Everything else (free_lines): glyphs grouped into visual lines by
//      vertical centre, cut into cells at gaps wider than a character; where
//      consecutive lines share the same gaps (an unruled table) cells get
//      column indexes too.
// Text of glyphs (visual lines, em, spaces) is glyph_lines'; grids and their
// helpers are grid's; every tolerance is in params.h.
//
// Entry points: lay_out_page (a loaded page to lines) and analyze_layout
// (glyphs and rules to lines). Pure.
#pragma once

#include <vector>

#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix {

std::vector<Line> analyze_layout(const std::vector<Glyph>& glyphs, const std::vector<Rule>& rules,
                                 const LayoutOptions& options = {});

// A page as a loader gives it to the same page with lines: a PDF page's
// glyphs and rules laid out where its text is upright (Page::text_turn; line
// and cell boxes stay in that frame), its glyphs then dropped; a page that
// already has lines (converter text) is returned as it is.
Page lay_out_page(Page page, const LayoutOptions& options = {});

}  // namespace kpix

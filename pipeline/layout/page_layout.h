// Layout analysis: a page's glyphs and drawn rules to lines in reading order,
// each split into cells.
//
//   1. Ruled tables: rules that cross each other form a grid; each grid row
//      becomes a Line with one Cell per grid column (column = index). A merged
//      cell gives its text to its top-left grid cell and leaves the others
//      empty, the way converter text shows merged cells as empty tab cells.
//   2. Tables with ruled rows only, or no borders at all: their grids are
//      rebuilt from the text (pipeline/layout/text_grids.h) and read as in 1.
//   3. Everything else: glyphs grouped into visual lines by vertical centre,
//      cut into cells at gaps wider than a character; where consecutive lines
//      share the same gaps (an unruled table) cells get column indexes too.
//
// Entry points: lay_out_page (a loaded page to lines) and analyze_layout
// (glyphs and rules to lines). Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix {

// LayoutOptions, and every tolerance of layout: pipeline/layout/params.h.

std::vector<Line> analyze_layout(const std::vector<Glyph>& glyphs, const std::vector<Rule>& rules,
                                 const LayoutOptions& options = {});

// A page as a loader gives it to the same page with lines: a PDF page's
// glyphs and rules laid out where its text is upright (Page::text_turn; line
// and cell boxes stay in that frame), its glyphs then dropped; a page that
// already has lines (converter text) is returned as it is.
Page lay_out_page(Page page, const LayoutOptions& options = {});

// Text of glyphs that form one run (one cell): visual lines top to bottom,
// separated by '\n'; inside a line a space where the gap is wide. Pure.
std::string join_glyph_text(std::vector<const Glyph*> glyphs, const LayoutOptions& options = {});


}  // namespace kpix

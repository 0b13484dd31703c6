// Free text: the glyphs no grid took, grouped into visual lines and cut into
// cells at gaps wider than LayoutOptions::cell_gap_em. Lines whose cores
// overlap are one row (a value centred beside a name wrapped onto two
// lines); consecutive lines of several cells that share their gaps are an
// unruled table and get column indexes. Internal to layout; pure.
//
// Entry points: free_blocks, then (on all lines in reading order)
// index_unruled_columns.
#pragma once

#include <vector>

#include "pipeline/layout/block.h"
#include "pipeline/layout/params.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// The glyphs not `used` by a grid, as blocks of lines cut into cells.
std::vector<Block> free_blocks(const std::vector<Glyph>& glyphs, const std::vector<bool>& used,
                               const LayoutOptions& o);

// Consecutive free lines of two or more cells are given a table number (from
// `next_table` on) and their cells column indexes from the common gaps.
void index_unruled_columns(std::vector<Line>& lines, int& next_table);

}  // namespace kpix::layout_parts

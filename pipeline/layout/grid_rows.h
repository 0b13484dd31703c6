// A ruled grid's rows as the grid builder asks about them: which inner
// grid lines a rule is drawn on in each row, where each row's text lies, and
// which rows stay in the grid (rows_kept_uncut, grid_rows.cc; the sheet's
// text rows between tables, leave_text_rows, sheet_text_rows.cc). Internal
// to ruled_grids.cc's add_cut_rows.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/layout/grid.h"

namespace kpix::layout_parts {

// A ruled grid's rows: which of its inner grid lines a rule is drawn on in
// each, and where each one's text lies.
struct GridRows {
  using RowGlyphs = std::vector<std::pair<double, const std::string*>>;

  GridRows(const Grid& grid, const std::vector<Glyph>& glyphs);
  std::span<const char> cuts(size_t r) const { return std::span<const char>(drawn.data() + r * inner, inner); }
  bool cut(size_t r) const { return std::ranges::find(cuts(r), char(true)) != cuts(r).end(); }
  bool apart(size_t above, size_t below) const;
  size_t row_of(const Glyph& gl) const;
  const RowGlyphs& row_glyphs(size_t r) const;
  std::string first_cell_text(size_t r) const;
  bool one_text_cell(size_t r) const;
  bool closed(size_t r, size_t k) const;

  const Grid& grid;
  const std::vector<Glyph>& glyphs;
  size_t nr, inner;
  // Which inner grid lines a rule is drawn on in each row.
  // One array, row after row (a sheet's grid has thousands of rows).
  std::vector<char> drawn;
  std::vector<double> lo, hi;  // the centres of each row's glyphs, leftmost and rightmost
  // Each row's glyphs (centre x, text), in page order: made when a first
  // cell's text is first asked for (few grids have a run of one-cell rows).
  mutable std::vector<RowGlyphs> in_row;
};

// The rows that stay in the grid for the inner rules that cut them (see
// add_cut_rows in ruled_grids.cc).
std::vector<bool> rows_kept_uncut(const GridRows& g);

// Rows of one text between two tables on a sheet's grid leave it (their
// `keep` set false): the document's headings, notes and paragraphs between
// two tables (sheet_text_rows.cc).
void leave_text_rows(const GridRows& g, std::vector<bool>& keep);

}  // namespace kpix::layout_parts

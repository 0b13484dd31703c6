// Where rows begin among a table's visual lines when no rule says: the lines
// cut at the column boundaries into runs (one per line and column), handed
// to find_text_rows (text_rows.h), and its breaks turned into heights, each
// with the columns a wrapped or spanning cell runs across. Shared by the
// grids rebuilt from text (text_column_grids, borderless_grids). Internal to
// layout; pure.
//
// Entry points: column_lines, then text_row_breaks.
#pragma once

#include <vector>

#include "pipeline/layout/text_rows.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Visual lines cut at the column boundaries: each line's centre and em, and
// its text in each column (text_rows.h).
struct ColumnLines {
  std::vector<double> cy, em;
  std::vector<TextRun> runs;
};

// `lines` (visual lines, top to bottom) cut at `cuts` (inner column
// boundaries); `drawn_ends`, when given, where each column ends where drawn
// (0: not drawn).
ColumnLines column_lines(const std::vector<std::vector<const Glyph*>>& lines, const std::vector<double>& cuts,
                         const std::vector<double>& drawn_ends = {});

// Where new rows begin among the lines (one borderless table, or a band of
// several rows): each break's height and, per column, whether a wrapped or
// spanning cell runs across it.
struct RowBreak {
  double y;
  std::vector<bool> crossed;  // per column
};

std::vector<RowBreak> text_row_breaks(const ColumnLines& lines, size_t columns);

}  // namespace kpix::layout_parts

// Tables whose rows are ruled but whose columns are not: horizontal borders
// stacked over the same width (Word and LaTeX tables, HTML tables with
// border-bottom only). Layout gives them columns from their text
// (text_columns.h). Pure: rules in, regions out.
//
// Entry point: find_ruled_rows.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

struct RuledRows {
  double x0 = 0, x1 = 0;          // the table's width: the union of its rules
  std::vector<double> ys;         // distinct rule heights, top to bottom
  std::vector<const Rule*> rules;  // its horizontal rules, by height
};

// Groups of at least three horizontal rules (distinct heights) that overlap
// across for most of their length and follow each other closely down the
// page. Vertical rules are ignored: ruled grids are found before this.
std::vector<RuledRows> find_ruled_rows(const std::vector<Rule>& rules);

}  // namespace kpix

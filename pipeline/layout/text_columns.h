// Column boundaries of a table drawn without vertical borders, found from the
// whitespace its text leaves: where most rows of the table have no text at
// the same x, the table has a column boundary.
//
// The input is the table's rows (bands), each given as the x-intervals its
// text covers. Pure, so it can be tested on hand-made bands.
//
// Entry point: find_text_columns.
#pragma once

#include <vector>

namespace kpix {

struct Span {
  double x0 = 0, x1 = 0;
};

// Inner column boundaries (sorted x positions strictly between x0 and x1) of
// a table spanning [x0, x1] whose rows cover `bands` (each band's spans in any
// order; bands without text count as no evidence). A boundary sits in the
// middle of a gap that is free in nearly every band with text; text that
// crosses it in a few bands (a heading over several columns, a long remark)
// does not remove it. Gaps only some bands leave open (a column that holds
// text in a few rows only, such as a group label) are boundaries too when
// enough bands have text in that column.
std::vector<double> find_text_columns(const std::vector<std::vector<Span>>& bands, double x0, double x1);

// Whether `x` falls inside one of `spans`.
bool covered(const std::vector<Span>& spans, double x);

}  // namespace kpix

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

// One visual line of a table: the x-intervals its text covers, and where it
// stands (its glyphs' mean centre height and em). Lines with em 0 stand
// nowhere: each is a row of its own.
struct LineSpans {
  std::vector<Span> spans;
  double cy = 0, em = 0;
};

// Inner column boundaries (sorted x positions strictly between x0 and x1) of
// a table spanning [x0, x1] whose rows cover `bands` (each band's spans in any
// order; bands without text count as no evidence). A boundary sits in the
// middle of a gap that is free in nearly every band with text; text that
// crosses it in a few bands (a heading over several columns, a long remark)
// does not remove it. Gaps only some bands leave open (a column that holds
// text in a few rows only, such as a group label) are boundaries too when
// enough bands have text in that column.
//
// Two zones of text that no row fills both of are one column placed two ways
// (a centred dash beside right-aligned numbers; a centred header over
// left-aligned values). A row is a visual line together with the lines whose
// centres stand within layout_params::kSameRowEm of it: a value set centred
// beside a name wrapped onto two lines is that name's row.
std::vector<double> find_text_columns(const std::vector<LineSpans>& lines, double x0, double x1);

// The same for lines whose heights are unknown: each band is a row of its own.
std::vector<double> find_text_columns(const std::vector<std::vector<Span>>& bands, double x0, double x1);

// Whether `x` falls inside one of `spans`.
bool covered(const std::vector<Span>& spans, double x);

}  // namespace kpix

// Rows of a table drawn without any borders, found from its text: which
// visual lines of a column are one wrapped cell, and between which lines a
// new row begins.
//
// A column's lines join into one cell when they are closer than rows are
// (kWrapPitchShare of the row pitch) and no more than a line height
// (kWrapMaxGapEm) or the paragraph's leading with its slack apart (a browser
// sets a line with a fallback font's glyphs a little lower), all in
// pipeline/layout/params.h: the pitch is measured
// where one column stacks two numbers (values of consecutive rows), or else
// between lines that share two columns and stand further apart than the
// leading (the least distance of two lines of one column, times
// 1 + kLeadingSlack: two wrapped columns side by side share their lines
// too). Without a pitch, a column's line joins the next only when it runs
// to the right end of its column's text (kFullLineEm: it was wrapped) and
// the next lies within the leading (and kParagraphMaxGapEm, but where it
// ran to its column's end as drawn: Writer sets Noto's lines 1.8 em apart,
// and the leading alone bounds them). A new
// row begins between two lines when some column has a cell above and another
// below, unless a cell of another column runs across the gap without
// reaching both (a name wrapped onto two lines beside its one value is one
// row; a name beside the 目標値 and 実績値 rows it labels spans two). Pure.
//
// Entry point: find_text_rows.
#pragma once

#include <cstddef>
#include <vector>

namespace kpix {

// The text of one visual line inside one column.
struct TextRun {
  size_t line = 0;    // index of the visual line, top to bottom
  size_t column = 0;
  double top = 0, bottom = 0;  // the line's core: centre ± half an em
  bool number = false;         // a value: mostly digits, short
  double right = 0;            // where its text ends (0: not known)
  double edge = 0;             // where its column ends, when drawn (0: not known)
};

// One cell: consecutive runs of a column joined.
struct TextCell {
  size_t column = 0;
  size_t first_line = 0, last_line = 0;
  double top = 0, bottom = 0;
};

struct TextRows {
  std::vector<TextCell> cells;
  // k: a new row begins between visual lines k and k + 1.
  std::vector<size_t> breaks;
};

TextRows find_text_rows(std::vector<TextRun> runs);

}  // namespace kpix

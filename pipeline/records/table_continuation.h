// A table that runs on past the foot of a page: its rows on the next page are
// read as rows of the same table, under its header, and a row split by the
// page break is one row again.
//
// Entry points: align_columns (cells numbered by the table's columns),
// is_row_fragment and join_fragment (a row's tail joined to its head). Pure.
#pragma once

#include <vector>

#include "pipeline/tables/table.h"

namespace kpix {

// How a cell may line up with another page's cell, each way also taking
// those before it: both edges close; sharing most of their joint width (the
// same columns drawn another way); the narrowest cell holding all of its
// ink (its edges guessed from its own text's gaps: rows carried to the top
// of a page, with nothing drawn between their columns).
enum class AlignBy { edges, shared_width, ink };

// The cell of `cells` that `c` lines up with, nullptr for none.
const TableCell* aligned_with(const TableCell& c, const std::vector<TableCell>& cells,
                              AlignBy by = AlignBy::shared_width);

// Whether both of `c`'s edges stand on lines of the grid `cells` were cut
// from: each close to an edge of one of them (a column the header has no
// cell over still lies between two of its lines).
bool on_grid_lines(const TableCell& c, const std::vector<TableCell>& cells);

// Grid columns are numbered per page: the cells of `t` take the numbers of
// the cells of `columns` they line up with. Returns how many of its cells did.
int align_columns(Table& t, const std::vector<TableCell>& columns, AlignBy by = AlignBy::shared_width);

// The tail of a row split by a page break, as the first row on the next page:
// no value, no 区分 word (目標値, 実績値), nothing that starts an item of its
// own (`①…`, `(2)…`) and no shared indicator (`…との共通指標`) — only the rest
// of a name, a description or a remark.
bool is_row_fragment(const TableRow& row);

// The fragment's cells added to the row they continue, column by column (a
// name's tail after its head; a cell of a column the head left empty taken
// as it is).
void join_fragment(TableRow& head, const TableRow& fragment);

}  // namespace kpix

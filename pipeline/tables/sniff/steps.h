// The sniffer's steps after the header rows are known, in the order
// sniff_table (table_shape.cc) runs them; declared here for it and for tests.
// The steps a caller may ask alone (header rows, labels, stacked tables) are
// in table_shape.h.
//
// Pure functions; each returns its step's result, or fills in the one it
// refines.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tables/table_shape.h"

namespace kpix::sniff {

// Whether `row` is a caption drawn inside a table's frame over `next`: one
// cell over a row of several, a bracketed heading with its title
// (`【基本目標1】安定した雇用を…`), a goal's (`基本目標１ …`) or the sheet's
// own title (`…数値目標・KPI集計表`, `…一覧表`). Its words (`目標`, `KPI`)
// label no column, and it heads no header row under it.
bool is_caption_row(const TableRow& row, const TableRow& next);
// Whether the table's first row is its caption.
bool is_caption_row(const Table& t);

// The body's columns: where their cells stand and what they say.
struct DataColumns {
  std::map<int, Box> spans;                      // grid column → narrowest data cell
  std::map<int, std::vector<std::string>> texts;  // grid column → its data cells' text, top to bottom
};
// Columns are the grid columns of the rows under the header.
DataColumns read_data_columns(const Table& t, size_t header_rows);

// Header labels with no data column under them still make columns (a KPI row
// whose values are all empty): added to `spans`.
void add_header_only_columns(const Table& t, size_t header_rows, std::string_view era, std::map<int, Box>& spans);

// The header rows' cells, left to right. A label that empty cells follow
// spans them (its box widened over them), in PDFs as in converter text.
std::vector<std::vector<TableCell>> header_cells(const Table& t, size_t header_rows, const std::map<int, Box>& spans,
                                                 std::string_view era);

// One column per span, left to right: the header cells over it, top to
// bottom, are its label's parts (classify_label).
std::vector<ColumnInfo> label_columns(const std::vector<std::vector<TableCell>>& header,
                                      const std::map<int, Box>& spans, std::string_view era);

// Kinds the labels got wrong, fixed from what the columns hold; a warning
// for each column whose role is guessed.
void fix_kinds_from_data(TableShape& shape, const Table& t, const DataColumns& data);

}  // namespace kpix::sniff

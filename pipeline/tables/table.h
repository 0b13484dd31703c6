// A table as the recognizers see it: rows of cells with their grid column
// (tab index for converter text, ruled column for PDFs, gap band for unruled
// PDF tables) and boxes, cut from a page's lines.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

struct TableCell {
  std::string text;        // on one line (flatten_cell_text)
  std::string first_line;  // the cell's first visual line (a heading above its description)
  Box box;
  int column = -1;
  int line = 0;  // converter-text line, 0 for PDF
  int page = 0;  // 1-based page it is on (a table may run over several)
  Box ink{};     // where its glyphs lie (Cell::ink); empty for converter text
};

struct TableRow {
  std::vector<TableCell> cells;  // non-empty cells only, left to right
  Box box;
  int line = 0;  // converter-text line, 0 for PDF
  int page = 0;  // 1-based page it is on (a table may run over several)

  // Cell at grid column `c`, or nullptr.
  const TableCell* at(int c) const;
  bool empty() const { return cells.empty(); }
};

// Limits on what one table may hold. No municipal table comes near them (the
// widest seen has 40 columns, the longest a few thousand rows); they keep a
// hostile or broken input (a 10 MB line of tab-separated cells) from making
// the sniffer's per-column and per-row work unbounded. What goes past them
// is not read, and the table says so in `notes`.
constexpr size_t kMaxCellsPerRow = 1024;
constexpr size_t kMaxRowsPerTable = 50000;

struct Table {
  int page = 1;  // where it begins; its rows and cells know their own
  // Where the page's text was upright (see Page::text_turn): boxes here are in
  // that frame; source boxes go back to the page as displayed.
  int text_turn = 0;
  double page_width = 0, page_height = 0;
  bool from_text = false;  // converter text: boxes are synthetic
  std::vector<TableRow> rows;
  Box box;
  // Warnings about the table as cut (a cap reached), for the document's
  // summary and its records.
  std::vector<std::string> notes;
};

// Appends `rows` to `t` up to kMaxRowsPerTable, noting in `t.notes` how many
// rows were left out.
void append_rows_capped(Table& t, std::vector<TableRow>&& rows);

// Columns for rows cut from free text: cells that overlap across rows share a
// column, numbered left to right.
void assign_band_columns(Table& t);

// Body rows cut from free text under a ruled header: each cell takes the
// column of the header cell over its centre (the nearest one when none is),
// from the header row with the most cells, or from another header row where
// that one has none (a cell spanning the header's rows). Name-like cells side
// by side under one header cell are sub-columns of it: a body cell's column
// is its header cell's times kSubColumns, plus its sub-column. `header_rows`
// leading rows are the header.
inline constexpr int kSubColumns = 64;
void assign_columns_by_header(Table& t, size_t header_rows);

// A run of page lines with the same table id, as a Table; empty cells dropped.
Table make_table(const std::vector<const Line*>& lines, const Page& page, bool from_text);

}  // namespace kpix

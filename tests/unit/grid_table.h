// A Table from a grid literal, so that tests of the sniffer and the table
// families need no PDF:
//
//   Table t = grid_table({{"項目", "基準値", "R6実績", "R9目標値"},
//                         {"①転入者数", "100人", "120人", "150人"}});
//
// The text in row r, place c is a cell of grid column c, boxed as converter
// text boxes it (text_loader: a column 100 units wide, its cell 90; a row 10
// high, its cell 8). "" is an empty cell, left out as make_table leaves it
// out. "<" is the cell on its left reaching over this column too, as a
// merged cell of a ruled grid (that cell's box spans both columns).
#pragma once

#include <string>
#include <vector>

#include "pipeline/tables/table.h"

namespace kpix {

struct GridOptions {
  // Converter text (boxes are synthetic, and the sniffer spreads a label over
  // the empty cells after it). Converter text has no merged cells: no "<".
  bool from_text = false;
};

inline Table grid_table(const std::vector<std::vector<std::string>>& grid, GridOptions options = {}) {
  constexpr double kColumnPitch = 100, kCellWidth = 90, kRowPitch = 10, kCellHeight = 8;
  Table t;
  t.from_text = options.from_text;
  t.page_width = 1000;
  t.page_height = 1000;
  for (size_t r = 0; r < grid.size(); ++r) {
    TableRow row;
    int line = options.from_text ? int(r) + 1 : 0;
    row.line = line;
    for (size_t c = 0; c < grid[r].size(); ++c) {
      const std::string& text = grid[r][c];
      if (text == "<" && !row.cells.empty()) {
        row.cells.back().box.x1 = c * kColumnPitch + kCellWidth;
        continue;
      }
      if (text.empty()) continue;
      Box box{c * kColumnPitch, r * kRowPitch, c * kColumnPitch + kCellWidth, r * kRowPitch + kCellHeight};
      row.cells.push_back({text, text.substr(0, text.find('\n')), box, int(c), line});
    }
    for (const TableCell& c : row.cells) row.box = row.box.united(c.box);
    t.box = t.box.united(row.box);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace kpix

#include "parsers/tables/table.h"

#include "pipeline/layout.h"

namespace kpix {

const TableCell* TableRow::at(int c) const {
  for (const TableCell& cell : cells)
    if (cell.column == c) return &cell;
  return nullptr;
}

Table make_table(const std::vector<const Line*>& lines, const Page& page, bool from_text) {
  Table t;
  t.page = page.number;
  t.text_turn = page.text_turn;
  t.page_width = page.width;
  t.page_height = page.height;
  t.from_text = from_text;
  for (const Line* l : lines) {
    TableRow row;
    row.box = l->box;
    row.line = l->source_line;
    for (const Cell& c : l->cells)
      if (!c.text.empty())
        row.cells.push_back({flatten_cell_text(c.text), c.text.substr(0, c.text.find('\n')), c.box, c.column, l->source_line});
    t.box = t.box.united(l->box);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace kpix

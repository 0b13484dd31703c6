#include "parsers/tables/table.h"

#include <algorithm>

#include "pipeline/layout.h"

namespace kpix {

const TableCell* TableRow::at(int c) const {
  for (const TableCell& cell : cells)
    if (cell.column == c) return &cell;
  return nullptr;
}

void assign_band_columns(Table& t) {
  std::vector<std::pair<double, double>> spans;
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) spans.emplace_back(c.box.x0, c.box.x1);
  std::sort(spans.begin(), spans.end());
  std::vector<double> starts;
  double reach = -1e18;
  for (auto [a, b] : spans) {
    if (a > reach) starts.push_back(a);
    reach = std::max(reach, b);
  }
  for (TableRow& row : t.rows)
    for (TableCell& c : row.cells)
      c.column = int(std::upper_bound(starts.begin(), starts.end(), c.box.x0 + 0.01) - starts.begin()) - 1;
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

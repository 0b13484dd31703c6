#include "pipeline/tables/table.h"

#include <algorithm>
#include <map>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

std::string row_label(const TableRow& row) {
  return row.line ? "line " + std::to_string(row.line) : "a row on page " + std::to_string(row.page);
}

void note_rows_left_out(Table& t, size_t n) {
  t.notes.push_back("table on page " + std::to_string(t.page) + " has more than " + std::to_string(kMaxRowsPerTable) +
                    " rows: " + std::to_string(n) + " rows after the first " + std::to_string(kMaxRowsPerTable) +
                    " not read");
}

}  // namespace

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

void assign_columns_by_header(Table& t, size_t header_rows) {
  const TableRow* finest = nullptr;
  for (size_t r = 0; r < header_rows && r < t.rows.size(); ++r)
    if (!finest || t.rows[r].cells.size() > finest->cells.size()) finest = &t.rows[r];
  if (!finest || finest->cells.empty()) return;
  // 1. The header cell over each body cell: a cell of the finest header row,
  //    or one of another header row where that row has none (a cell spanning
  //    the header's rows, `令和4年度の取組み` beside `項目 | 基準値 | …`).
  //    A cell of the finest row spanning two cells or more of another header
  //    row (`重要業績評価指標（KPI）` over `2020 | 2021 | 2022`, the row with
  //    the most cells being the one of the cells spanning the header's rows)
  //    gives way to them.
  std::vector<const TableCell*> heads;
  for (const TableCell& h : finest->cells) {
    std::vector<const TableCell*> under;
    for (size_t r = 0; r < header_rows && r < t.rows.size(); ++r)
      if (&t.rows[r] != finest)
        for (const TableCell& g : t.rows[r].cells)
          if (g.box.width() < h.box.width() && h.box.overlap_x(g.box) > 0.5 * g.box.width()) under.push_back(&g);
    if (under.size() >= 2)
      heads.insert(heads.end(), under.begin(), under.end());
    else
      heads.push_back(&h);
  }
  for (size_t r = 0; r < header_rows && r < t.rows.size(); ++r)
    for (const TableCell& h : t.rows[r].cells)
      if (&t.rows[r] != finest && std::none_of(finest->cells.begin(), finest->cells.end(), [&](const TableCell& f) {
            return f.box.overlap_x(h.box) > 0.5;
          }))
        heads.push_back(&h);
  std::vector<std::pair<TableCell*, int>> placed;
  for (size_t r = header_rows; r < t.rows.size(); ++r)
    for (TableCell& c : t.rows[r].cells) {
      const TableCell* best = nullptr;
      double best_distance = 1e18;
      // Where its text is: a body cut from its own text has edges guessed
      // midway between texts (LibreOffice sets a value off its header's
      // middle), its ink where the header's column is; the cell keeps its ink
      // as its extent, for the labels over it to be read by.
      if (!c.ink.empty()) {
        c.box.x0 = c.ink.x0;
        c.box.x1 = c.ink.x1;
      }
      double cx = c.box.cx();
      for (const TableCell* hp : heads) {
        const TableCell& h = *hp;
        double d = cx < h.box.x0 ? h.box.x0 - cx : cx > h.box.x1 ? cx - h.box.x1 : 0;
        if (d < best_distance) {
          best_distance = d;
          best = &h;
        }
      }
      placed.emplace_back(&c, best->column);
    }
  // 2. Under one header cell (`重要業績評価指標（KPI）` over a group label and a
  //    name), body cells that do not overlap across rows are columns of their
  //    own; right-aligned numbers of different widths still overlap.
  // Only name-like cells make sub-columns: centred values of different widths
  // need not overlap, and they belong to their header's column all the same.
  auto numeric = [](const TableCell& c) {
    bool digit = false;
    size_t chars = 0;
    for (unsigned char ch : c.text) {
      digit = digit || (ch >= '0' && ch <= '9');
      chars += (ch & 0xC0) != 0x80;
    }
    return digit ? chars <= 16 : chars <= 3;  // `1,498千円`, `累計148人`, or a dash / status word
  };
  std::map<int, std::vector<std::pair<double, double>>> spans;
  for (auto& [c, h] : placed)
    if (!numeric(*c)) spans[h].emplace_back(c->box.x0, c->box.x1);
  std::map<int, std::vector<double>> band_starts;
  for (auto& [h, list] : spans) {
    std::sort(list.begin(), list.end());
    double reach = -1e18;
    for (auto [a, b] : list) {
      // Grid cells side by side share their border: touching is not overlapping.
      if (a >= reach - 0.5) band_starts[h].push_back(a);
      reach = std::max(reach, b);
    }
  }
  for (auto& [c, h] : placed) {
    const auto& st = band_starts[h];
    int sub = numeric(*c) ? 0 : int(std::upper_bound(st.begin(), st.end(), c->box.x0 + 0.01) - st.begin()) - 1;
    if (numeric(*c) && st.size() > 1) sub = int(st.size()) - 1;  // values sit right of the names
    c->column = h * kSubColumns + std::max(sub, 0);
  }
}

Table make_table(const std::vector<const Line*>& lines, const Page& page, bool from_text) {
  Table t;
  t.page = page.number;
  t.text_turn = page.text_turn;
  t.page_width = page.width;
  t.page_height = page.height;
  t.from_text = from_text;
  size_t rows_left_out = 0;
  for (const Line* l : lines) {
    if (t.rows.size() >= kMaxRowsPerTable) {
      ++rows_left_out;
      continue;
    }
    TableRow row;
    row.box = l->box;
    row.line = l->source_line;
    row.page = page.number;
    size_t cells_left_out = 0;
    for (const Cell& c : l->cells) {
      if (c.text.empty()) continue;
      if (row.cells.size() >= kMaxCellsPerRow) {
        ++cells_left_out;
        continue;
      }
      row.cells.push_back(
          {flatten_cell_text(c.text), c.text.substr(0, c.text.find('\n')), c.box, c.column, l->source_line, page.number, c.ink});
    }
    if (cells_left_out)
      t.notes.push_back(row_label(row) + " has more than " + std::to_string(kMaxCellsPerRow) + " cells: " +
                        std::to_string(cells_left_out) + " cells after the first " + std::to_string(kMaxCellsPerRow) +
                        " not read");
    t.box = t.box.united(l->box);
    t.rows.push_back(std::move(row));
  }
  if (rows_left_out) note_rows_left_out(t, rows_left_out);
  return t;
}

void append_rows_capped(Table& t, std::vector<TableRow>&& rows) {
  size_t room = kMaxRowsPerTable > t.rows.size() ? kMaxRowsPerTable - t.rows.size() : 0;
  size_t taken = std::min(room, rows.size());
  for (size_t i = 0; i < taken; ++i) {
    t.box = t.box.united(rows[i].box);
    t.rows.push_back(std::move(rows[i]));
  }
  if (rows.size() > taken) note_rows_left_out(t, rows.size() - taken);
}

}  // namespace kpix

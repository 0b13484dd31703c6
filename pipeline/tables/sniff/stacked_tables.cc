// Two tables drawn so close that their borders join come out as one grid:
// split_stacked_tables cuts it where a full header row follows data rows.
// Asked of a table before it is sniffed.
#include <algorithm>

#include "pipeline/tables/sniff/params.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

int label_count(const TableRow& row, std::string_view era) {
  int n = 0;
  for (const TableCell& c : row.cells) n += is_header_label(c.text, era);
  return n;
}

// A header row of its own table: several labels, at least half the cells.
bool full_header(const TableRow& row, std::string_view era) {
  int n = label_count(row, era);
  return n >= sniff::kStackedHeaderMinLabels && n * 2 >= int(row.cells.size());
}

bool only_labels(const TableRow& row, std::string_view era) {
  return !row.cells.empty() && label_count(row, era) == int(row.cells.size());
}

// Rows where a stacked table begins, after the first table's header rows
// (`first_data`): at a full header row, or the row of labels right above it.
// Two header rows in a row are one header, cut once.
std::vector<size_t> stacked_table_cuts(const Table& t, size_t first_data, std::string_view era) {
  std::vector<size_t> cuts;
  for (size_t i = std::max<size_t>(first_data, 1); i < t.rows.size(); ++i) {
    if (!full_header(t.rows[i], era) || (!cuts.empty() && cuts.back() + 1 >= i)) continue;
    size_t cut = i;
    if (cut > first_data && only_labels(t.rows[cut - 1], era)) --cut;
    if (cut > first_data) cuts.push_back(cut);
  }
  return cuts;
}

// The table's rows cut before each of `cuts` (ascending), each part boxed anew.
std::vector<Table> cut_rows(const Table& t, std::vector<size_t> cuts) {
  std::vector<Table> out;
  size_t from = 0;
  cuts.push_back(t.rows.size());
  for (size_t cut : cuts) {
    Table part = t;
    part.rows.assign(t.rows.begin() + long(from), t.rows.begin() + long(cut));
    part.box = {};
    for (const TableRow& r : part.rows) part.box = part.box.united(r.box);
    out.push_back(std::move(part));
    from = cut;
  }
  return out;
}

}  // namespace

std::vector<Table> split_stacked_tables(const Table& t, std::string_view era) {
  size_t first_data = count_header_rows(t, era);
  // A table without a header at its top is no KPI table, joined or not (the
  // common case in budget books: skip the row-by-row search).
  if (first_data == 0) return {t};
  std::vector<size_t> cuts = stacked_table_cuts(t, first_data, era);
  if (cuts.empty()) return {t};
  return cut_rows(t, std::move(cuts));
}

}  // namespace kpix

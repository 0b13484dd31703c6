// Two tables drawn so close that their borders join come out as one grid, and
// a page may begin with the last rows of a table above the next one's header:
// split_stacked_tables cuts a grid at every header row inside it. Asked of a
// table before it is sniffed.
#include <algorithm>
#include <iterator>

#include "pipeline/tables/header_label_cache.h"
#include "pipeline/tables/sniff/params.h"
#include "pipeline/tables/sniff/steps.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

// A header row of its own table: several labels, at least half the cells.
// Rows with fewer cells than that many labels are not asked about their
// cells at all (the rows of a budget book's forms, by the ten thousand), and
// the cells of a row are asked only until it can no longer be one.
// `is_label(text)`: is_header_label under the table's era, asked directly or
// through a document's cache.
template <class IsLabel>
bool full_header(const TableRow& row, IsLabel& is_label) {
  const int cells = int(row.cells.size());
  if (cells < sniff::kStackedHeaderMinLabels) return false;
  int labels = 0, others = 0;
  for (const TableCell& c : row.cells) {
    if (is_label(c.text)) {
      ++labels;
      continue;
    }
    // Not one even if every cell left were a label.
    const int best = cells - ++others;
    if (best * 2 < cells || best < sniff::kStackedHeaderMinLabels) return false;
  }
  return labels >= sniff::kStackedHeaderMinLabels && labels * 2 >= cells;
}

template <class IsLabel>
bool only_labels(const TableRow& row, IsLabel& is_label) {
  return !row.cells.empty() &&
         std::all_of(row.cells.begin(), row.cells.end(), [&](const TableCell& c) { return is_label(c.text); });
}

// Rows where a stacked table begins, after the grid's own header rows
// (`first_data`, 0 when the grid starts with rows carried over): at a full
// header row, or the row of labels right above it; not at a caption over
// the header (`…KPI集計表`, `基本目標1 …`): its part is the caption alone,
// so that its words label no column. Two header rows in a row are one
// header, cut once.
template <class IsLabel>
std::vector<size_t> stacked_table_cuts(const Table& t, size_t first_data, IsLabel& is_label) {
  std::vector<size_t> cuts;
  for (size_t i = std::max<size_t>(first_data, 1); i < t.rows.size(); ++i) {
    if (!full_header(t.rows[i], is_label) || (!cuts.empty() && cuts.back() + 1 >= i)) continue;
    size_t cut = i;
    bool caption = sniff::is_caption_row(t.rows[cut - 1], t.rows[cut]);
    if (caption && cut - 1 > first_data) cuts.push_back(cut - 1);
    else if (!caption && cut > first_data && only_labels(t.rows[cut - 1], is_label)) --cut;
    if (cut > first_data) cuts.push_back(cut);
  }
  return cuts;
}

// The table's rows cut before each of `cuts` (ascending), each part boxed
// anew. Rows are moved, not copied: a converter-text file of a thousand
// stacked tables is cut in one pass.
std::vector<Table> cut_rows(Table t, std::vector<size_t> cuts) {
  std::vector<Table> out;
  size_t from = 0;
  cuts.push_back(t.rows.size());
  out.reserve(cuts.size());
  for (size_t cut : cuts) {
    Table part;
    part.page = t.page;
    part.text_turn = t.text_turn;
    part.page_width = t.page_width;
    part.page_height = t.page_height;
    part.from_text = t.from_text;
    part.rows.assign(std::make_move_iterator(t.rows.begin() + long(from)),
                     std::make_move_iterator(t.rows.begin() + long(cut)));
    for (const TableRow& r : part.rows) part.box = part.box.united(r.box);
    if (out.empty()) part.notes = std::move(t.notes);  // said once, of the table as cut
    out.push_back(std::move(part));
    from = cut;
  }
  return out;
}

// The table cut before each of `cuts`, or itself when there is none.
std::vector<Table> cut_at(Table t, std::vector<size_t> cuts) {
  if (cuts.empty()) {
    std::vector<Table> one;
    one.push_back(std::move(t));
    return one;
  }
  return cut_rows(std::move(t), std::move(cuts));
}

}  // namespace

std::vector<Table> split_stacked_tables(Table t, std::string_view era) {
  size_t first_data = count_header_rows(t, era);
  return split_stacked_tables(std::move(t), era, first_data);
}

std::vector<Table> split_stacked_tables(Table t, std::string_view era, size_t first_data) {
  auto is_label = [era](std::string_view text) { return is_header_label(text, era); };
  std::vector<size_t> cuts = stacked_table_cuts(t, first_data, is_label);
  return cut_at(std::move(t), std::move(cuts));
}

std::vector<Table> split_stacked_tables(Table t, std::string_view era, size_t first_data, HeaderLabelCache& labels) {
  auto is_label = [era, &labels](std::string_view text) { return labels.is_label(text, era); };
  std::vector<size_t> cuts = stacked_table_cuts(t, first_data, is_label);
  return cut_at(std::move(t), std::move(cuts));
}

}  // namespace kpix

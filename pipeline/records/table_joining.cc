// RecordBuilder's joining of a table onto the one before: the body of a lone
// header, and rows carried over to a new page, read under the header and
// context of the table they go on with.
#include <algorithm>
#include <iterator>
#include <set>

#include "parsers/normalize/text.h"
#include "pipeline/records/record_builder.h"
#include "pipeline/records/table_continuation.h"

namespace kpix {

RecordBuilder::Alignment RecordBuilder::aligned_cells(const Table& t, AlignBy by) const {
  Alignment a;
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) {
      ++a.cells;
      a.aligned += aligned_with(c, last_columns_, by) != nullptr;
    }
  return a;
}

bool RecordBuilder::cells_line_up_exactly(const Table& t) const {
  size_t cells = 0;
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) {
      if (!on_grid_lines(c, last_columns_)) return false;
      ++cells;
    }
  return cells > 0;
}

bool RecordBuilder::is_split_row_tail(const Table& t, size_t header_rows) const {
  // Labels (a name's tail `…事業`, a 区分 word `実績値`), as the rest of a
  // row the page break split can be, on a new page, in the pending table's
  // columns, and none the header's own text, as a repeated header's would be.
  if (!pending_ || pending_->t.rows.size() <= pending_->header_rows) return false;
  if (t.rows.front().page == pending_->t.rows.back().page || !continues_last_table(t)) return false;
  std::set<std::string> header_texts;
  for (const TableRow& h : last_header_)
    for (const TableCell& hc : h.cells) header_texts.insert(squeeze_text(hc.text));
  for (size_t r = 0; r < header_rows && r < t.rows.size(); ++r)
    for (const TableCell& c : t.rows[r].cells)
      if (header_texts.count(squeeze_text(c.text))) return false;
  return true;
}

bool RecordBuilder::goes_on_pending(const Table& t) const {
  if (!pending_) return false;
  if (pending_->t.rows.size() == pending_->header_rows) return true;  // a lone header: its body
  return continues_last_table(t, at_page_top_after_pending(t));
}

bool RecordBuilder::at_page_top_after_pending(const Table& t) const {
  // Not after a body whose columns were given by its header's cells: the
  // last table's drawn columns are then its header's only.
  return pending_ && !pending_->columns_by_header && !t.rows.empty() && !pending_->t.rows.empty() &&
         t.rows.front().page != pending_->t.rows.back().page;
}

void RecordBuilder::append_to_pending(Table t) {
  PendingTable& p = *pending_;
  p.joined = true;
  // A body on a new page whose cells stand on the lone header's grid
  // lines (the header left alone at the foot of the page before) keeps its
  // own columns, numbered by the header's.
  bool new_page = !t.rows.empty() && t.rows.front().page != p.t.rows.back().page;
  bool own_grid = p.t.rows.size() == p.header_rows && !p.columns_by_header && new_page && cells_line_up_exactly(t);
  if (!own_grid && (p.t.rows.size() == p.header_rows || p.columns_by_header)) {
    // The body of a lone header (and the rows carried over after it): an
    // unruled body cut from free text takes its columns from the header's
    // cells, and so do the rows that go on with it; the first of those, when
    // it is the tail of a row the page break split, joins that row.
    size_t before = p.t.rows.size();
    bool had_body = before > p.header_rows;
    append_rows_capped(p.t, std::move(t.rows));
    for (std::string& n : t.notes) p.t.notes.push_back(std::move(n));
    assign_columns_by_header(p.t, p.header_rows);
    if (new_page && had_body && p.t.rows.size() > before && is_row_fragment(p.t.rows[before])) {
      join_fragment(p.t.rows[before - 1], p.t.rows[before]);
      p.t.rows.erase(p.t.rows.begin() + long(before));
    }
    p.columns_by_header = true;
    header_only_ = false;
    return;
  }
  // Rows carried over to a new page, numbered by the columns they line up
  // with; the first, when it is the tail of a row the page break split,
  // joins that row.
  align_columns(t, last_columns_, at_page_top_after_pending(t) ? AlignBy::ink : AlignBy::shared_width);
  size_t first = 0;
  if (new_page && p.t.rows.size() > p.header_rows && is_row_fragment(t.rows.front())) {
    join_fragment(p.t.rows.back(), t.rows.front());
    first = 1;
  }
  std::vector<TableRow> rest(std::make_move_iterator(t.rows.begin() + long(first)), std::make_move_iterator(t.rows.end()));
  append_rows_capped(p.t, std::move(rest));
  for (std::string& n : t.notes) p.t.notes.push_back(std::move(n));
}

void RecordBuilder::join_last_table(Table& t, TableContext& tc, AlignBy by) {
  // Rows carried over to a new page are read under the header (and the
  // context) of the table they continue. Grid columns are numbered per page:
  // they take the numbers of the cells they line up with.
  align_columns(t, last_columns_, by);
  t.rows.insert(t.rows.begin(), last_header_.begin(), last_header_.end());
  t.rows.insert(t.rows.begin() + long(last_header_.size()), std::make_move_iterator(carried_.begin()),
                std::make_move_iterator(carried_.end()));
  carried_.clear();
  tc = last_context_;
  if (last_table_end_ > last_table_begin_ && last_table_end_ == records_.size()) {
    const KpiRecord& last = records_.back();
    tc.continued = ContinuedRecord{last.section, last.project, last.unit};
  }
}

void RecordBuilder::drop_carried_rows() {
  for (const TableRow& row : carried_)
    summary_.notes.push_back("page " + std::to_string(row.page) +
                             ": a 目標値 row with values but no KPI name, and no row on the next page names it: not read");
  carried_.clear();
}

void RecordBuilder::remember_header(const Table& t, size_t header_rows, const TableContext& tc) {
  header_only_ = header_rows == t.rows.size();
  last_header_.assign(t.rows.begin(), t.rows.begin() + long(header_rows));
  last_columns_.clear();
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) last_columns_.push_back(c);
  last_context_ = tc;
}

bool RecordBuilder::continues_last_table(const Table& t, bool at_page_top) const {
  if (last_header_.empty() || t.from_text) return false;
  // Most cells start where a cell of the last table started; or, with as
  // many columns at least as half the header's, share most of their width
  // with one (the same columns drawn another way; a fragment's cell spanning
  // several columns is not one of them); or, at the top of the page after
  // the pending table, lie in one with all their ink.
  size_t widest = 0, header_widest = 0;
  for (const TableRow& row : t.rows) widest = std::max(widest, row.cells.size());
  for (const TableRow& row : last_header_) header_widest = std::max(header_widest, row.cells.size());
  AlignBy by = widest * 2 < header_widest ? AlignBy::edges : at_page_top ? AlignBy::ink : AlignBy::shared_width;
  Alignment a = aligned_cells(t, by);
  return a.cells > 0 && a.aligned * 10 >= a.cells * 8;
}

}  // namespace kpix

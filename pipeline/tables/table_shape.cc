// sniff_table runs the sniffer's steps in order (one file each in sniff/);
// here too the small queries on its result.
#include "pipeline/tables/table_shape.h"

#include <algorithm>

#include "pipeline/tables/sniff/steps.h"

namespace kpix {

std::string_view to_string(ColumnKind k) {
  switch (k) {
    case ColumnKind::project: return "project";
    case ColumnKind::group: return "group";
    case ColumnKind::indicator: return "indicator";
    case ColumnKind::kind: return "kind";
    case ColumnKind::value: return "value";
    case ColumnKind::total: return "total";
    case ColumnKind::achievement: return "achievement";
    case ColumnKind::comment: return "comment";
    default: return "unknown";
  }
}

const ColumnInfo* TableShape::find(int column) const {
  for (const ColumnInfo& c : columns)
    if (c.column == column) return &c;
  return nullptr;
}

const ColumnInfo* TableShape::first(ColumnKind k) const {
  for (const ColumnInfo& c : columns)
    if (c.kind == k) return &c;
  return nullptr;
}

int TableShape::count(ColumnKind k) const {
  return int(std::count_if(columns.begin(), columns.end(), [k](const ColumnInfo& c) { return c.kind == k; }));
}

std::vector<const ColumnInfo*> TableShape::value_columns() const {
  std::vector<const ColumnInfo*> out;
  for (const ColumnInfo& c : columns)
    if (c.kind == ColumnKind::value || c.kind == ColumnKind::total || c.kind == ColumnKind::achievement)
      out.push_back(&c);
  return out;
}

TableShape sniff_table(const Table& t, std::string_view era) {
  TableShape shape;
  // 1. Header rows: the leading rows that are mostly labels (header_rows.cc).
  shape.header_rows = count_header_rows(t, era);
  // 2. Columns: where the data cells stand (the narrowest cell of each grid
  //    column), and the header labels with no data under them (column_labels.cc).
  sniff::DataColumns data = sniff::read_data_columns(t, shape.header_rows);
  sniff::add_header_only_columns(t, shape.header_rows, era, data.spans);
  // 3. Each column's label, from the header cells over it, classified: kind,
  //    role, period (column_labels.cc, column_kinds.cc).
  auto header = sniff::header_cells(t, shape.header_rows, data.spans, era);
  shape.columns = sniff::label_columns(header, data.spans, era);
  // 4. Kinds fixed from what the columns hold (kind_fixes.cc).
  sniff::fix_kinds_from_data(shape, t, data);
  return shape;
}

}  // namespace kpix

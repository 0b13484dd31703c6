// Table sniffing, in the manner of DuckDB's CSV sniffer: find the header rows,
// give every data column its header label, and type each column (project,
// indicator, value with role and period, 区分, total, comment …). sniff_table
// runs the steps in order, one file each under sniff/:
//   1. header_rows.cc     header labels and header rows
//   2. column_labels.cc   the data columns and the header cells over each
//   3. column_kinds.cc    a label's kind, role and period
//   4. kind_fixes.cc      kinds fixed from the data
// stacked_tables.cc cuts joined tables apart before they are sniffed. The
// steps a caller asks alone are declared here; the others in sniff/steps.h.
//
// Entry point: sniff_table. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/period.h"
#include "parsers/normalize/roles.h"
#include "pipeline/tables/table.h"

namespace kpix {

class HeaderLabelCache;  // header_label_cache.h

enum class ColumnKind { unknown, project, group, indicator, kind, value, total, achievement, comment };
std::string_view to_string(ColumnKind k);

struct ColumnInfo {
  int column = -1;     // grid column of the data cells
  Box span;            // narrowest data cell of that column
  std::string label;   // header text over it, NFKC, spaces removed, parts joined by '/'
  ColumnKind kind = ColumnKind::unknown;
  std::optional<Role> role;  // for value and achievement columns; nullopt for the others
  std::optional<Period> period;
};

struct TableShape {
  size_t header_rows = 0;
  std::vector<ColumnInfo> columns;  // left to right
  std::vector<std::string> warnings;

  const ColumnInfo* find(int column) const;
  const ColumnInfo* first(ColumnKind k) const;
  int count(ColumnKind k) const;
  // Value, total and achievement columns, left to right.
  std::vector<const ColumnInfo*> value_columns() const;
};

// Step 1: is this cell text a header label (a role word, a column name, or a
// bare period like `2020`, `R 2実績`, `3年度`)?
bool is_header_label(std::string_view text, std::string_view era);

// Step 1: how many leading rows are header rows.
size_t count_header_rows(const Table& t, std::string_view era);
// The same, its labels asked through a document's cache.
size_t count_header_rows(const Table& t, std::string_view era, HeaderLabelCache& labels);

// Step 3: a column's kind, role and period from its header label parts (top
// to bottom, joined by '/' into ColumnInfo::label).
ColumnInfo classify_label(const std::vector<std::string>& parts, std::string_view era);

// Two tables drawn so close that their borders join come out as one grid, and
// a page may begin with rows carried over from the page before above the
// next table's header: cut the grid at every header row inside it (the row
// above joins the cut when it holds only labels). The first part is what
// comes before the first such header: the grid's own header and body, or
// rows carried over. Returns the table itself when there is no cut.
std::vector<Table> split_stacked_tables(Table t, std::string_view era);
// The same, given count_header_rows(t, era), for a caller that needs it too
// (it is the header rows of the only part when there is no cut).
std::vector<Table> split_stacked_tables(Table t, std::string_view era, size_t header_rows);
// The same, its labels asked through a document's cache.
std::vector<Table> split_stacked_tables(Table t, std::string_view era, size_t header_rows, HeaderLabelCache& labels);

// Steps 1–4, the last fixing kinds from the data (value columns under an
// indicator label, numeric columns without a role word, several
// indicator-like columns).
TableShape sniff_table(const Table& t, std::string_view era);

}  // namespace kpix

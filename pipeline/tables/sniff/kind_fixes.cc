// Sniffer step 4: kinds fixed from the data, where a label says one thing and
// the cells under it another.
#include <algorithm>
#include <set>

#include "parsers/normalize/names.h"
#include "parsers/normalize/text.h"
#include "pipeline/tables/sniff/cell_text.h"
#include "pipeline/tables/sniff/params.h"
#include "pipeline/tables/sniff/steps.h"

namespace kpix::sniff {
namespace {

using Texts = std::map<int, std::vector<std::string>>;

// Whether most of a column's data cells look like values.
bool holds_values(const Texts& texts, int column) {
  auto it = texts.find(column);
  if (it == texts.end() || it->second.empty()) return false;
  const auto& cells = it->second;
  int values = int(std::count_if(cells.begin(), cells.end(), [](const std::string& s) { return looks_like_value(s); }));
  return values * 10 >= int(cells.size()) * kValueColumnTenths;
}

// a. A column named like the indicator but holding values is a value column
//    whose own header is missing (the spanning KPI header covers it).
void unname_value_columns(TableShape& shape, const Texts& texts) {
  for (ColumnInfo& c : shape.columns)
    if (c.kind == ColumnKind::indicator && holds_values(texts, c.column)) c.kind = ColumnKind::unknown;
}

// b. A numeric column without a role word: after an actual column it holds
//    targets (岩見沢's R9目標値 column whose header the converter lost).
void read_roleless_values_as_targets(TableShape& shape, const Texts& texts) {
  // Only in a table with roles: a year series (`R3 (2021)`, `(第3期)`) has
  // no targets to lose a header.
  bool role_table = std::any_of(shape.columns.begin(), shape.columns.end(), [](const ColumnInfo& k) {
    return k.role == Role::baseline || (k.role == Role::actual && k.label.find("実績") != std::string::npos);
  });
  for (size_t i = 0; i < shape.columns.size(); ++i) {
    ColumnInfo& c = shape.columns[i];
    if (c.kind != ColumnKind::unknown && c.kind != ColumnKind::comment) continue;
    if (!holds_values(texts, c.column)) continue;
    const ColumnInfo* left = nullptr;
    for (size_t k = i; k-- > 0;)
      if (shape.columns[k].kind == ColumnKind::value) {
        left = &shape.columns[k];
        break;
      }
    if (role_table && left && (left->role == Role::actual || left->role == Role::baseline)) {
      c.kind = ColumnKind::value;
      c.role = Role::target;
      c.period.reset();
      shape.warnings.push_back("column " + std::to_string(c.column) + " has no role in its header; read as targets");
    }
  }
}

// c. Several indicator-like columns (one name label over a group column and a
//    name column, or labels of their own): the one that names every row
//    apart names the indicator — numbered (`①1人あたりの総所得`, `②…`), else a
//    cell on every row and no two alike, else the rightmost; the others group
//    the rows (a theme like `総所得の向上`, merged, repeated or left blank on
//    the rows it goes on over).
bool starts_numbered(const std::string& cell) { return leading_marker_number(normalize_text(cell)) > 0; }

struct NameColumnScore {
  bool numbered = false;  // a cell on (nearly) every KPI row, most starting with a list number
  bool distinct = false;  // a cell on (nearly) every KPI row, no two alike
};

// Scored over the rows that hold a value: a sheet printed as one grid has
// its notes (`①課税状況調…`) in the same columns below the table.
NameColumnScore score_name_column(const Table& t, size_t header_rows, int column, const std::set<int>& value_columns) {
  std::vector<std::string> cells;
  size_t rows = 0;
  for (size_t r = header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    bool values = std::any_of(row.cells.begin(), row.cells.end(), [&](const TableCell& c) { return value_columns.count(c.column); });
    if (!values) continue;
    ++rows;
    if (const TableCell* c = row.at(column)) cells.push_back(c->text);
  }
  NameColumnScore s;
  if (cells.empty()) return s;
  // Both on (nearly) every KPI row: a group label is left blank on the rows
  // it goes on over (a numbered theme `①しごと` too); a wrapped name's lines
  // that a rendering parted into rows of their own leave a few blank.
  bool every_row = cells.size() * 10 >= rows * kNameColumnRowTenths;
  int numbered = int(std::count_if(cells.begin(), cells.end(), [](const std::string& c) { return starts_numbered(c); }));
  s.numbered = every_row && numbered * 2 > int(cells.size());
  std::set<std::string> seen(cells.begin(), cells.end());
  s.distinct = every_row && seen.size() == cells.size();
  return s;
}

void group_all_but_the_indicator(TableShape& shape, const Table& t) {
  std::vector<ColumnInfo*> names;
  std::set<int> value_columns;
  for (ColumnInfo& c : shape.columns) {
    if (c.kind == ColumnKind::indicator) names.push_back(&c);
    if (c.kind == ColumnKind::value || c.kind == ColumnKind::total || c.kind == ColumnKind::achievement)
      value_columns.insert(c.column);
  }
  if (names.size() <= 1) return;
  std::vector<NameColumnScore> scores;
  for (const ColumnInfo* c : names) scores.push_back(score_name_column(t, shape.header_rows, c->column, value_columns));
  // The rightmost that passes: a group label is left of the names it groups.
  auto rightmost = [&](bool NameColumnScore::*test) -> ColumnInfo* {
    for (size_t k = names.size(); k-- > 0;)
      if (scores[k].*test) return names[k];
    return nullptr;
  };
  ColumnInfo* chosen = rightmost(&NameColumnScore::numbered);
  if (!chosen) chosen = rightmost(&NameColumnScore::distinct);
  if (!chosen) chosen = names.back();
  for (ColumnInfo* c : names)
    if (c != chosen) c->kind = ColumnKind::group;
}

}  // namespace

void fix_kinds_from_data(TableShape& shape, const Table& t, const DataColumns& data) {
  unname_value_columns(shape, data.texts);
  read_roleless_values_as_targets(shape, data.texts);
  group_all_but_the_indicator(shape, t);
}

}  // namespace kpix::sniff

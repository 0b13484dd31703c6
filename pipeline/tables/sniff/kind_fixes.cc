// Sniffer step 4: kinds fixed from the data, where a label says one thing and
// the cells under it another.
#include <algorithm>

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
    return k.role == "baseline" || (k.role == "actual" && k.label.find("実績") != std::string::npos);
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
    if (role_table && left && (left->role == "actual" || left->role == "baseline")) {
      c.kind = ColumnKind::value;
      c.role = "target";
      c.period.reset();
      shape.warnings.push_back("column " + std::to_string(c.column) + " has no role in its header; read as targets");
    }
  }
}

// c. Several indicator-like columns: the rightmost names the indicator, those
//    left of it group the rows (merged first-column labels).
void group_all_but_last_indicator(TableShape& shape) {
  int indicators = shape.count(ColumnKind::indicator);
  for (ColumnInfo& c : shape.columns) {
    if (indicators <= 1) break;
    if (c.kind == ColumnKind::indicator) {
      c.kind = ColumnKind::group;
      --indicators;
    }
  }
}

}  // namespace

void fix_kinds_from_data(TableShape& shape, const Texts& texts) {
  unname_value_columns(shape, texts);
  read_roleless_values_as_targets(shape, texts);
  group_all_but_last_indicator(shape);
}

}  // namespace kpix::sniff

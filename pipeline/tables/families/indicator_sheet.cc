// Family indicator_sheet: the indicator table of an evaluation sheet (池田's 事業の成果指標及び
// 評価): an indicator column (`成果指標の内容`), a `単位` column right of it, and
// value columns right of that whose header gives year and role (`R５年度 実績`,
// `R６年度 見込`, all under a spanning `目標値`). One indicator per row.
// Columns left of the indicator are another table sharing the grid (the
// sheet's 事業費 決算 / 予算 columns: money, not KPIs) and are not read; rows
// below whose label spreads over the unit column (`成果指標の達成状況 | A.順調…`)
// are the evaluation, not indicators. The project is the sheet's 事務事業名,
// which the page gave before the table (TableContext::project_title).
// Roles are the header's: `実績` nearest the data says actual; `見込`, a word of
// no role by itself, takes the spanning `目標値` over it — a value set ahead,
// with qualifier estimate.
#include <algorithm>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "pipeline/tables/form_fields.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

// Words of the label over the indicator names.
constexpr std::string_view kNameWords[] = {"指標", "項目", "名称"};
// A cell may stick out of its column by this much (points) and still be in it.
constexpr double kEdgeTolerance = 1.0;

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// The label's part nearest the data: `目標値/R5年度実績` → `R5年度実績`.
std::string_view last_part(std::string_view label) {
  auto slash = label.rfind('/');
  return slash == std::string_view::npos ? label : label.substr(slash + 1);
}

bool names_indicators(const ColumnInfo& c) {
  return std::any_of(std::begin(kNameWords), std::end(kNameWords), [&](std::string_view w) { return contains(c.label, w); });
}

struct SheetColumns {
  const ColumnInfo* unit = nullptr;
  std::vector<const ColumnInfo*> names;   // left of the unit column, named like indicators
  std::vector<const ColumnInfo*> values;  // right of it, with a role and a year
};

SheetColumns sheet_columns(const TableShape& s) {
  SheetColumns out;
  for (const ColumnInfo& c : s.columns)
    if (is_unit_label(last_part(c.label))) {
      out.unit = &c;
      break;
    }
  if (!out.unit) return out;
  for (const ColumnInfo& c : s.columns) {
    if (c.column < out.unit->column && names_indicators(c)) out.names.push_back(&c);
    bool role = c.role == Role::baseline || c.role == Role::actual || c.role == Role::target;
    if (c.column > out.unit->column && c.kind == ColumnKind::value && role && c.period) out.values.push_back(&c);
  }
  return out;
}

// A value cell holds a number or a status word; `A.順調に推移している` is an evaluation.
bool is_value_cell(const TableCell& c) { return normalize_value(normalize_text(c.text)).status != ValueStatus::text; }

}  // namespace

bool is_indicator_sheet_table(const Table& t, const TableShape& s) {
  if (s.header_rows == 0) return false;
  SheetColumns cols = sheet_columns(s);
  return cols.unit && !cols.names.empty() && !cols.values.empty();
}

Recognized build_indicator_sheet_table(const Table& t, const TableShape& s, const TableContext& ctx) {
  Recognized out;
  SheetColumns cols = sheet_columns(s);
  for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    // The name: the rightmost cell under an indicator label that ends before
    // the unit column (a grid may split the label's width into several columns).
    const TableCell* name_cell = nullptr;
    for (const ColumnInfo* c : cols.names)
      if (const TableCell* cell = row.at(c->column); cell && cell->box.x1 <= cols.unit->span.x0 + kEdgeTolerance)
        name_cell = cell;
    if (!name_cell) continue;
    const TableCell* unit_cell = row.at(cols.unit->column);
    if (unit_cell && !is_unit_text(unit_cell->text)) continue;  // a label spread over the unit column
    std::vector<std::pair<const ColumnInfo*, const TableCell*>> cells;
    for (const ColumnInfo* c : cols.values)
      if (const TableCell* cell = row.at(c->column)) cells.emplace_back(c, cell);
    bool values = !cells.empty() && std::all_of(cells.begin(), cells.end(), [](auto& vc) { return is_value_cell(*vc.second); });
    if (!values && !(unit_cell && cells.empty())) continue;
    CleanName name = clean_indicator(name_cell->text);
    if (name.name.empty()) continue;
    if (!ctx.project_title) {
      out.warnings.push_back("indicator " + name.name + ": the sheet names no project before its table; not read");
      continue;
    }
    KpiRecord rec;
    rec.level = "project";
    rec.project = ctx.project_title;
    rec.indicator = name.name;
    // The row's own cells: the grid's row runs on through the table beside it.
    Box box = name_cell->box;
    if (unit_cell) box = box.united(unit_cell->box);
    for (auto& [c, cell] : cells) box = box.united(cell->box);
    rec.source = source_of(t, box, row.line, row.page);
    ValueHints hints;
    hints.era = ctx.era;
    hints.unit = unit_cell ? normalize_text(unit_cell->text) : name.unit;
    for (auto& [c, cell] : cells) {
      RecordValue rv = make_value(cell, t, *c->role, c->period, hints);
      // `R６年度 見込` under 目標値: a target, and a figure expected rather than set.
      if (contains(c->label, "見込") && rv.v.status == ValueStatus::ok &&
          std::find(rv.v.qualifiers.begin(), rv.v.qualifiers.end(), "estimate") == rv.v.qualifiers.end())
        rv.v.qualifiers.push_back("estimate");
      if (t.from_text) rv.source.line = row.line;
      if (rv.v.status == ValueStatus::invalid)
        rec.warnings.push_back("invalid number " + rv.v.raw + " (" + std::string(to_string(*c->role)) + "): not read");
      rec.values.push_back(std::move(rv));
    }
    rec.unit = first_value_unit(rec);
    if (rec.unit.empty() && !hints.unit.empty()) rec.unit = normalize_value("1" + hints.unit).unit;
    out.records.push_back(std::move(rec));
  }
  return out;
}

}  // namespace kpix

// Family pair_rows: each KPI is a pair of rows 目標値 / 実績値 across year columns
// (`3年度 … 7年度`, era implied) and a `5年間の合計` column; the KPI cell holds
// `名称 ／36.7%(令和元年)→40.0%(令和7年)`, whose unit applies to the bare numbers
// of both rows. Section rows `(1) …`, `① …` give the path. (砂川's KPI集計表.)
#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// The unit with its scale, as a hint for bare numbers: 1,625千人 → 千人.
std::string unit_with_scale(const NormalizedValue& v) {
  if (v.unit.empty()) return {};
  static const std::pair<int64_t, const char*> kScales[] = {
      {1000, "千"}, {10000, "万"}, {1000000, "百万"}, {100000000, "億"}};
  for (auto& [f, w] : kScales)
    if (v.scale == f) return std::string(w) + v.unit;
  return v.unit;
}

struct KpiCell {
  std::string name;
  std::string baseline, target;  // the note's two sides, raw
  bool not_set = false;          // `KPIの設定が困難なため設定しない`
  bool actuals_only = false;     // `目標値の設定が困難なため、実績値の管理とする`
};

KpiCell read_kpi_cell(std::string_view text) {
  KpiCell k;
  std::string t = normalize_text(text);
  if (contains(t, "設定しない")) k.not_set = true;
  if (contains(t, "目標値の設定が困難")) k.actuals_only = true;
  std::string note;
  for (std::string_view sep : {"／", "/"}) {
    auto pos = t.find(sep);
    // `人/日` inside the note is not the separator: take the first one after text.
    if (pos != std::string::npos && pos > 0) {
      note = t.substr(pos + sep.size());
      t = t.substr(0, pos);
      break;
    }
  }
  for (std::string_view cut : {"目標値の設定", "KPIの設定"})
    if (auto pos = t.find(cut); pos != std::string::npos) t = t.substr(0, pos);
  k.name = t;
  if (auto arrow = note.find("→"); arrow != std::string::npos) {
    k.baseline = note.substr(0, arrow);
    k.target = note.substr(arrow + std::string_view("→").size());
  }
  return k;
}

const TableCell* cell_at(const TableRow& row, const ColumnInfo* c) { return c ? row.at(c->column) : nullptr; }

// The columns a pair-rows table is read by.
struct PairColumns {
  const ColumnInfo* kind = nullptr;       // 区分: 目標値 / 実績値
  const ColumnInfo* indicator = nullptr;  // the KPI cells
  // Several project columns: the rightmost holds the project, the others
  // the section labels merged beside it.
  const ColumnInfo* project = nullptr;
  std::vector<const ColumnInfo*> years;   // actuals by year: both rows' values
  std::vector<const ColumnInfo*> totals;  // `5年間の合計`
  std::vector<const ColumnInfo*> roles;   // 基準値 / 目標値 columns left of 区分
  std::optional<Period> span;             // the years', summed: what a total covers
  bool goal = false;                      // `数値目標` over the KPI cells: goal-level KPIs
};

PairColumns pair_columns(const TableShape& s) {
  PairColumns cols;
  cols.kind = s.first(ColumnKind::kind);
  cols.indicator = s.first(ColumnKind::indicator);
  for (const ColumnInfo& c : s.columns)
    if (c.kind == ColumnKind::project) cols.project = &c;
  for (const ColumnInfo& c : s.columns) {
    if (c.kind == ColumnKind::value && c.role == Role::actual && c.period) cols.years.push_back(&c);
    if (c.kind == ColumnKind::total) cols.totals.push_back(&c);
    if (c.kind == ColumnKind::value && (c.role == Role::baseline || c.role == Role::target) && c.column < cols.kind->column)
      cols.roles.push_back(&c);
  }
  if (!cols.years.empty()) {
    cols.span = *cols.years.front()->period;
    cols.span->end = cols.years.back()->period->end;
    cols.span->agg = Agg::sum;
  }
  cols.goal = cols.indicator && contains(cols.indicator->label, "数値目標");
  return cols;
}

// Where the reading stands, row by row.
struct PairState {
  std::vector<std::string> section;
  std::optional<std::string> project;
  // Where the values of the current pair go: the record the table continues
  // until its first 目標値 row, then each new record; nullptr between.
  std::vector<RecordValue>* current = nullptr;
  std::string hint;           // the unit of the pair's bare numbers
  bool actuals_only = false;  // no targets are set for the current KPI
};

// A table continued from the previous page goes on in its project, section
// and record.
PairState continued_state(const TableContext& ctx, Recognized& out) {
  PairState st;
  if (!ctx.continued) return st;
  st.section = ctx.continued->section;
  st.project = ctx.continued->project;
  st.current = &out.continuation;
  st.hint = ctx.continued->unit;
  return st;
}

// Section labels, in their own row (`(1) 人材育成・雇用対策` alone) or merged
// beside the project (`④ 小中学校の学習環境の充実 | 放課後学習サポート事業`).
void read_section_labels(const TableRow& row, const TableCell* kind_cell, const PairColumns& cols,
                         std::vector<std::string>& section) {
  static const RE2 section_mark("^(?:\\(\\d+\\)|[①-⑳])");
  bool own_row = !kind_cell && row.cells.size() == 1;
  for (const TableCell& c : row.cells) {
    if (!own_row && cols.project && c.column >= cols.project->column) break;
    if (!own_row && cols.project == nullptr && cols.indicator && c.column >= cols.indicator->column) break;
    std::string text = normalize_text(c.text);
    if (!RE2::PartialMatch(text, section_mark)) continue;
    if (text.starts_with("(")) section = {text};
    else section = {section.empty() ? "" : section.front(), text};
    if (!section.front().size()) section.erase(section.begin());
  }
}

// Without borders a name centred over its pair of rows comes out as a line or
// two in each: the rows after the 目標値 row `r` up to its 実績値 row carry on
// its name and KPI cells (with borders those are merged, so empty). Empty
// when no 実績値 row follows.
std::vector<const TableRow*> rows_of_split_names(const Table& t, size_t r, const ColumnInfo& kind) {
  std::vector<const TableRow*> rest;
  bool reaches_actual = false;
  for (size_t m = r + 1; m < t.rows.size() && !reaches_actual; ++m) {
    const TableCell* mk = t.rows[m].at(kind.column);
    std::string mk_text = mk ? squeeze_text(mk->text) : "";
    if (!mk_text.empty() && mk_text != "実績値") break;
    rest.push_back(&t.rows[m]);
    reaches_actual = !mk_text.empty();
  }
  if (!reaches_actual) rest.clear();
  return rest;
}

// The row's cell in `col` with the lines the rows after it carry on.
std::optional<TableCell> joined_cell(const TableRow& row, const std::vector<const TableRow*>& rest, const ColumnInfo* col) {
  std::optional<TableCell> out;
  if (const TableCell* c = cell_at(row, col)) out = *c;
  for (const TableRow* more : rest) {
    const TableCell* m = cell_at(*more, col);
    if (!m || m->text.empty()) continue;
    if (!out) out = *m;
    // A cell printed again on each row of the pair (group cells repeated,
    // not merged) is one cell, not a name wrapped onto the next row.
    else if (m->text != out->text) out->text += "\n" + m->text;
  }
  return out;
}

// Baseline and plan target from the KPI cell's note, or from 基準値 / 目標値
// columns: role and cell.
std::vector<std::pair<Role, TableCell>> stated_cells(const KpiCell& kpi, const TableCell& ic, const TableRow& row,
                                                            const PairColumns& cols) {
  std::vector<std::pair<Role, TableCell>> stated;
  if (!kpi.baseline.empty()) stated.push_back({Role::baseline, {kpi.baseline, kpi.baseline, ic.box, ic.column, ic.line, ic.page}});
  if (!kpi.target.empty()) stated.push_back({Role::target, {kpi.target, kpi.target, ic.box, ic.column, ic.line, ic.page}});
  for (const ColumnInfo* c : cols.roles)
    if (const TableCell* cell = row.at(c->column)) stated.push_back({*c->role, *cell});
  return stated;
}

// Reads the stated values into `values`. Returns the unit for the bare
// numbers of both rows: the indicator's (hints.unit), else the target's (what
// the year columns measure), else the baseline's.
std::string read_stated_values(const std::vector<std::pair<Role, TableCell>>& stated, const Table& t, const ValueHints& hints, const std::optional<Period>& span,
                               std::vector<RecordValue>& values) {
  std::string hint = hints.unit;
  std::string baseline_unit;
  for (auto& [role, cell] : stated) {
    RecordValue rv = make_value(&cell, t, role, std::nullopt, hints);
    rv.stated_beside = true;
    if (hint.empty() && role == Role::target) hint = unit_with_scale(rv.v);
    if (baseline_unit.empty() && role == Role::baseline) baseline_unit = unit_with_scale(rv.v);
    if (rv.plan_end_pending && rv.plan_years > 0 && span) {
      rv.period = span;
      rv.plan_end_pending = false;
    }
    // `10件(各年度)`: the same target in every year of the table's span.
    bool per_year = std::find(rv.v.qualifiers.begin(), rv.v.qualifiers.end(), "per_year") != rv.v.qualifiers.end();
    if (rv.plan_end_pending && per_year && span) {
      rv.period = span;
      rv.period->agg = Agg::none;
      rv.plan_end_pending = false;
    }
    values.push_back(std::move(rv));
  }
  if (hint.empty()) hint = baseline_unit;
  return hint;
}

// The 目標値 row `r` opens a record: its name and stated values from the KPI
// cell. nullopt when the cell says no KPI is set or names none; the project
// cell beside it is read all the same.
std::optional<KpiRecord> open_record(const Table& t, size_t r, const PairColumns& cols, const TableContext& ctx,
                                     PairState& st) {
  const TableRow& row = t.rows[r];
  std::vector<const TableRow*> rest = rows_of_split_names(t, r, *cols.kind);
  std::optional<TableCell> pc = joined_cell(row, rest, cols.project), icell = joined_cell(row, rest, cols.indicator);
  if (pc) st.project = project_name(*pc);
  if (!icell) return std::nullopt;
  const TableCell& ic = *icell;
  KpiCell kpi = read_kpi_cell(ic.text);
  if (kpi.not_set) return std::nullopt;
  CleanName name = clean_indicator(kpi.name);
  if (name.name.empty()) return std::nullopt;
  KpiRecord rec;
  rec.level = cols.goal ? "goal" : "project";
  if (!cols.goal) rec.project = st.project;
  rec.indicator = name.name;
  rec.section = st.section;
  rec.source = source_of(t, row.box, row.line, row.page);
  ValueHints hints;
  hints.era = ctx.era;
  hints.unit = name.unit;
  st.hint = read_stated_values(stated_cells(kpi, ic, row, cols), t, hints, cols.span, rec.values);
  st.actuals_only = kpi.actuals_only;
  return rec;
}

// Any year or total cell of the row holds something.
bool has_pair_values(const TableRow& row, const PairColumns& cols) {
  for (const auto* list : {&cols.years, &cols.totals})
    for (const ColumnInfo* c : *list)
      if (const TableCell* cell = row.at(c->column); cell && !squeeze_text(cell->text).empty()) return true;
  return false;
}

// The 目標値 row `r` that opened no record waits for its name on the next
// page: it has values and no KPI cell (nor one in rows carrying its name
// on), and no row after it in the table has a 区分 or values.
bool waits_for_name(const Table& t, size_t r, const PairColumns& cols) {
  const TableRow& row = t.rows[r];
  if (!has_pair_values(row, cols)) return false;
  if (joined_cell(row, rows_of_split_names(t, r, *cols.kind), cols.indicator)) return false;
  for (size_t m = r + 1; m < t.rows.size(); ++m)
    if (cell_at(t.rows[m], cols.kind) || has_pair_values(t.rows[m], cols)) return false;
  return true;
}

// One row of the pair: its values by year, and its totals over the span.
void read_pair_row(const TableRow& row, Role role, const PairColumns& cols, const Table& t,
                   const ValueHints& hints, std::vector<RecordValue>& values) {
  // An empty cell (a year not yet reached) is a value too: status none.
  for (const ColumnInfo* c : cols.years) {
    const TableCell* cell = row.at(c->column);
    values.push_back(make_value(cell, t, role, c->period, hints));
    if (!cell) values.back().source = source_of(t, row.box, row.line, row.page);
    values.back().plan_end_pending = false;
  }
  for (const ColumnInfo* c : cols.totals) {
    const TableCell* cell = row.at(c->column);
    RecordValue rv = make_value(cell, t, role, cols.span, hints);
    if (!cell) rv.source = source_of(t, row.box, row.line, row.page);
    rv.plan_end_pending = false;
    if (rv.v.status == ValueStatus::ok || rv.v.status == ValueStatus::invalid) rv.v.qualifiers.push_back("total");
    values.push_back(std::move(rv));
  }
  if (t.from_text)
    for (RecordValue& v : values)
      if (v.source.line == 0) v.source.line = row.line;
}

// The record's unit: the one most of its values are in; a warning for each
// number that could not be read.
void finish_record(KpiRecord& rec) {
  std::map<std::string, int> units;
  for (const RecordValue& v : rec.values)
    if (v.v.status == ValueStatus::ok && !v.v.unit.empty()) ++units[v.v.unit];
  int best = 0;
  for (auto& [u, n] : units)
    if (n > best) {
      best = n;
      rec.unit = u;
    }
  for (const RecordValue& v : rec.values)
    if (v.v.status == ValueStatus::invalid) rec.warnings.push_back("invalid number " + v.v.raw + ": not read");
}

}  // namespace

bool is_pair_rows_table(const Table& t, const TableShape& s) {
  const ColumnInfo* kind = s.first(ColumnKind::kind);
  if (!kind) return false;
  // A 目標値 row alone is a pair too: its 実績値 row may be on the next page.
  int pairs = 0;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r)
    if (const TableCell* c = t.rows[r].at(kind->column)) {
      std::string k = squeeze_text(c->text);
      pairs += k == "実績値" || k == "目標値";
    }
  return pairs > 0;
}

Recognized build_pair_rows_table(const Table& t, const TableShape& s, const TableContext& ctx) {
  Recognized out;
  // 1. The columns: 区分, KPI cells, project, years and totals.
  PairColumns cols = pair_columns(s);
  // 2. Where reading starts: in the record, project and section a continued
  //    table goes on with, else in none.
  PairState st = continued_state(ctx, out);
  // 3. Row by row: section labels; a 目標値 row opens a record; both rows of
  //    a pair give their values by year.
  for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    if (row.empty()) continue;
    const TableCell* kc = row.at(cols.kind->column);
    std::string k = kc ? squeeze_text(kc->text) : "";
    read_section_labels(row, kc, cols, st.section);
    if (k != "目標値" && k != "実績値") continue;
    if (k == "目標値") {
      st.current = nullptr;
      std::optional<KpiRecord> rec = open_record(t, r, cols, ctx, st);
      if (!rec && waits_for_name(t, r, cols)) out.carried.push_back(row);
      if (!rec) continue;
      out.records.push_back(std::move(*rec));
      st.current = &out.records.back().values;
    }
    if (!st.current) continue;
    Role role = k == "目標値" ? Role::target : Role::actual;
    if (role == Role::target && st.actuals_only) continue;  // no targets are set for it
    ValueHints hints;
    hints.era = ctx.era;
    hints.unit = st.hint;
    read_pair_row(row, role, cols, t, hints, *st.current);
  }
  // 4. Each record's unit, and its unreadable numbers.
  for (KpiRecord& rec : out.records) finish_record(rec);
  return out;
}

}  // namespace kpix

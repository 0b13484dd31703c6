// Family role_columns: one KPI per row, value columns named by role (基準値, 2020実績,
// R6目標, 現状値（2014年度）, KPI (R6), 達成状況). Covers 岩見沢's goal and
// project tables, 苫小牧's and 芦別's tables and 音威子府's KPI tables.
#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

bool has_role_column(const TableShape& s) {
  for (const ColumnInfo* c : s.value_columns())
    if (c->role == Role::baseline || c->role == Role::target || (c->role == Role::actual && contains(c->label, "実績")))
      return true;
  return false;
}

std::string row_text(const TableRow& row) {
  std::string out;
  for (const TableCell& c : row.cells) out += c.text + " ";
  return out;
}

// `移住定住促進事業との共通指標` → 移住定住促進事業.
std::string shared_target(std::string_view text) {
  std::string t = normalize_text(text);
  auto pos = t.find("との共通指標");
  if (pos == std::string::npos) pos = t.find("共通指標");
  return clean_project(t.substr(0, pos));
}

std::string canonical_unit(const std::string& hint) {
  if (hint.empty()) return {};
  return normalize_value("1" + hint).unit;
}

// Words before the number that are neither a qualifier nor the indicator's
// name: the cell states its value in a sentence.
bool worded_value(std::string_view text) {
  static const RE2 lead("^([^\\d]*)\\d");
  static const RE2 qualifier("^(?:年|約|全|累計|通算|計|[-▲△±+]|\\s)*$");
  std::string t = remove_layout_spaces(normalize_text(text)), before;
  if (!RE2::PartialMatch(t, lead, &before)) return false;
  if (RE2::FullMatch(before, qualifier)) return false;
  return char_count(before) >= 5;
}

// `年３人（５年間で１５人）`: a per-year target and, in its bracket, the total
// over the plan's years, as a second target.
std::optional<RecordValue> split_total(RecordValue& rv, const Table& t, const ValueHints& hints) {
  auto has = [&](const char* q) { return std::find(rv.v.qualifiers.begin(), rv.v.qualifiers.end(), q) != rv.v.qualifiers.end(); };
  if (rv.role != Role::target || !has("per_year") || !has("total") || !rv.period) return std::nullopt;
  static const RE2 bracket("[(（]([^()（）]*\\d+\\s*(?:か|ヶ)?年間で[^()（）]*)[)）]");
  static const RE2 years("(\\d+)\\s*(?:か|ヶ)?年間");
  std::string inner;
  int n = 0;
  std::string flat = normalize_text(rv.v.raw);
  if (!RE2::PartialMatch(flat, bracket, &inner) || !RE2::PartialMatch(inner, years, &n) || n < 2) return std::nullopt;
  RecordValue total = rv;
  total.v = normalize_value(inner, hints);
  total.v.raw = rv.v.raw;
  if (total.v.status != ValueStatus::ok) return std::nullopt;
  total.period->end = rv.period->end;
  total.period->start = rv.period->end - n + 1;
  total.period->agg = Agg::sum;
  total.plan_end_pending = false;
  // The per-year value is the year's own; its total moved to the second value.
  std::erase(rv.v.qualifiers, std::string("total"));
  if (rv.period->start != rv.period->end) {
    rv.period->start = rv.period->end;
    rv.period->agg = Agg::none;
  }
  return total;
}

// The columns a role-columns table is read by, and the level of its KPIs.
struct RoleColumns {
  const ColumnInfo* indicator = nullptr;
  const ColumnInfo* project = nullptr;
  std::vector<const ColumnInfo*> values;  // value, total and achievement columns
  std::string level;                      // goal | project
};

RoleColumns role_columns(const TableShape& s, const TableContext& ctx) {
  RoleColumns cols;
  cols.indicator = s.first(ColumnKind::indicator);
  cols.project = s.first(ColumnKind::project);
  cols.values = s.value_columns();
  // Project-level where a project is named, by a column or by a heading
  // outside a goal section; a table with neither is goal-level.
  bool project_level = cols.project || (ctx.project_title && !ctx.goal_section);
  cols.level = project_level ? "project" : "goal";
  return cols;
}

// A row that only says `…との共通指標` under the previous indicator: that
// indicator is shared, and its values are the other project's.
void share_last_record(std::vector<KpiRecord>& records, const std::string& text) {
  if (!records.empty() && records.back().values.empty() == false) {
    KpiRecord& last = records.back();
    last.values.clear();
    last.qualifiers = {"shared"};
    last.shared_with = shared_target(text);
  }
}

// A row with no value at all where names come from the value cells is prose
// carried over (a description cell split by a page break).
bool is_carried_prose(const TableRow& row, const RoleColumns& cols) {
  return !cols.indicator &&
         std::none_of(cols.values.begin(), cols.values.end(), [&](const ColumnInfo* vc) { return row.at(vc->column); });
}

// The row's indicator: its indicator cell, or where the table has no
// indicator column the name inside a value cell (芦別: `登録者数 24名`), else
// the project the row measures. nullopt when the row names none.
std::optional<CleanName> indicator_name(const TableRow& row, const TableCell* ind, const RoleColumns& cols,
                                        const std::optional<std::string>& project) {
  CleanName name;
  if (ind) {
    name = clean_indicator(ind->text);
  } else if (!cols.indicator) {
    for (const ColumnInfo* vc : cols.values)
      if (const TableCell* c = row.at(vc->column)) {
        NamedValue nv = split_named_value(c->text);
        if (!nv.name.empty()) {
          name = clean_indicator(nv.name);
          break;
        }
      }
    if (name.name.empty()) {
      if (!project) return std::nullopt;
      name.name = *project;  // a target in words (未策定 → 計画策定): the measure names itself
    }
  } else {
    return std::nullopt;
  }
  if (name.name.empty()) return std::nullopt;
  return name;
}

ValueHints hints_for(const CleanName& name, const TableContext& ctx) {
  ValueHints hints;
  hints.era = ctx.era;
  hints.unit = !name.unit.empty() ? name.unit : (contains(name.name, "率") ? "" : ctx.unit_hint);
  return hints;
}

// One value per value column (a missing cell too: a value not given), and a
// per-year target's total in its bracket as a second target.
void read_values(const TableRow& row, const RoleColumns& cols, const Table& t, const ValueHints& hints, KpiRecord& rec) {
  std::optional<Period> latest_actual;
  for (const ColumnInfo* vc : cols.values) {
    const TableCell* cell = row.at(vc->column);
    TableCell named;
    if (!cols.indicator && cell) {
      named = *cell;
      named.text = split_named_value(cell->text).value;
      cell = &named;
    }
    Role role = vc->kind == ColumnKind::achievement ? Role::achievement : vc->role.value_or(Role::target);
    RecordValue rv = make_value(cell, t, role, vc->period, hints);
    if (!cell) rv.source = source_of(t, row.box, row.line, row.page);
    if (t.from_text) rv.source.line = row.line;
    if (role == Role::actual && rv.period) latest_actual = rv.period;
    if (role == Role::achievement) {
      if (rv.v.unit.empty() && rv.v.status == ValueStatus::ok) rv.v.unit = "%";
      if (!rv.period) rv.period = latest_actual;
      rv.plan_end_pending = false;
    }
    if (rv.v.status == ValueStatus::invalid)
      rec.warnings.push_back("invalid number " + rv.v.raw + " (" + std::string(to_string(role)) + "): not read");
    if (cols.indicator && cell && worded_value(cell->text) && rv.v.status == ValueStatus::ok) {
      // `旭川・札幌・地元 各地域で年１回`: a target in words around a number.
      rv.v.status = ValueStatus::text;
      rv.v.value.reset();
      rv.v.number.clear();
    }
    std::optional<RecordValue> total = split_total(rv, t, hints);
    rec.values.push_back(std::move(rv));
    if (total) rec.values.push_back(std::move(*total));
  }
}

// The unit of the first number read (achievement rates aside), else the
// name's.
std::string record_unit(const KpiRecord& rec, const std::string& name_unit) {
  for (const RecordValue& v : rec.values)
    if (v.v.status == ValueStatus::ok && !v.v.unit.empty() && v.role != Role::achievement) return v.v.unit;
  return canonical_unit(name_unit);
}

bool same_period(const std::optional<Period>& a, const std::optional<Period>& b) {
  if (!a || !b) return !a && !b;
  return a->start == b->start && a->end == b->end;
}

// `values` taken into `above` where it has the same role and period with no
// value given (a wrapped row's values printed on its second line); false,
// and `above` untouched, when one of them would overwrite a value it has.
bool fill_in(KpiRecord& above, const std::vector<RecordValue>& values) {
  std::vector<std::pair<RecordValue*, const RecordValue*>> fills;
  for (const RecordValue& v : values) {
    if (v.v.status == ValueStatus::none) continue;
    auto it = std::find_if(above.values.begin(), above.values.end(), [&](const RecordValue& w) {
      return w.role == v.role && same_period(w.period, v.period);
    });
    if (it == above.values.end() || it->v.status != ValueStatus::none) return false;
    fills.emplace_back(&*it, &v);
  }
  for (auto& [into, from] : fills) *into = *from;
  return true;
}

// A row with values and no name of its own never vanishes: its values go on
// with the row above (filled in where that row gave none, else a record of
// the same name), or without a row above, a record named by its group label
// or project, with a warning; without any name, the table's warnings say so.
void read_unnamed_row(const TableRow& row, const RoleColumns& cols, const Table& t, const TableContext& ctx,
                      const TableShape& s, Recognized& out) {
  KpiRecord got;
  CleanName above_name;
  if (!out.records.empty()) above_name.name = out.records.back().indicator;
  read_values(row, cols, t, hints_for(above_name, ctx), got);
  bool has_values = std::any_of(got.values.begin(), got.values.end(),
                                [](const RecordValue& v) { return v.v.status != ValueStatus::none; });
  if (!has_values) return;
  if (!out.records.empty()) {
    KpiRecord& above = out.records.back();
    if (above.shared_with || fill_in(above, got.values)) return;
    KpiRecord rec = above;
    rec.values = std::move(got.values);
    rec.warnings = {"a row without a name of its own: named after the row above"};
    rec.source = source_of(t, row.box, row.line, row.page);
    out.records.push_back(std::move(rec));
    return;
  }
  const ColumnInfo* group = s.first(ColumnKind::group);
  const TableCell* label = group ? row.at(group->column) : nullptr;
  std::optional<std::string> name = label ? std::optional(clean_indicator(label->text).name) : ctx.project_title;
  if (!name || name->empty()) {
    out.warnings.push_back("a row of values without any name: not read");
    return;
  }
  got.level = cols.level;
  got.project = cols.level == "project" ? ctx.project_title : std::nullopt;
  got.indicator = *name;
  got.source = source_of(t, row.box, row.line, row.page);
  got.warnings.push_back("a row without a name of its own: named after its group");
  got.unit = record_unit(got, "");
  out.records.push_back(std::move(got));
}

}  // namespace

bool is_role_columns_table(const Table& t, const TableShape& s) {
  if (s.header_rows == 0 || !has_role_column(s)) return false;
  return s.first(ColumnKind::indicator) || s.first(ColumnKind::project);
}

Recognized build_role_columns_table(const Table& t, const TableShape& s, const TableContext& ctx) {
  Recognized out;
  // 1. The columns, and the level and project the rows are read at.
  RoleColumns cols = role_columns(s, ctx);
  std::optional<std::string> project = cols.project ? std::nullopt : ctx.project_title;
  if (cols.level == "goal") project.reset();
  // 2. One record per row that names an indicator.
  int ordinal = 0;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    if (row.empty()) continue;
    // a. The project: the row's own project cell, else the one above it.
    if (cols.project)
      if (const TableCell* c = row.at(cols.project->column)) project = project_name(*c);
    const TableCell* ind = cols.indicator ? row.at(cols.indicator->column) : nullptr;
    std::string text = row_text(row);
    // b. Rows that are no KPI of their own.
    if (!ind && contains(text, "共通指標")) {
      share_last_record(out.records, text);
      continue;
    }
    if (is_carried_prose(row, cols)) continue;
    // c. The indicator, and the number footnotes know it by: `①が…` of rows
    //    numbered ① or, where names carry no numbers, the table's rows in order.
    std::optional<CleanName> name = indicator_name(row, ind, cols, project);
    if (!name) {
      read_unnamed_row(row, cols, t, ctx, s, out);
      continue;
    }
    KpiRecord rec;
    rec.level = cols.level;
    rec.project = cols.level == "project" ? project : std::nullopt;
    rec.source = source_of(t, row.box, row.line, row.page);
    rec.indicator = name->name;
    rec.marker = name->marker ? name->marker : ++ordinal;
    // d. A shared indicator has no values of its own; another names one per
    //    value column, and its unit.
    if (contains(text, "共通指標")) {
      rec.qualifiers = {"shared"};
      rec.shared_with = shared_target(text.substr(text.find(ind->text) + ind->text.size()));
      out.records.push_back(std::move(rec));
      continue;
    }
    read_values(row, cols, t, hints_for(*name, ctx), rec);
    rec.unit = record_unit(rec, name->unit);
    out.records.push_back(std::move(rec));
  }
  return out;
}

}  // namespace kpix

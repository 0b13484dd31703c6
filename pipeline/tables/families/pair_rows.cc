// Family: each KPI is a pair of rows 目標値 / 実績値 across year columns
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

}  // namespace

bool is_pair_row_table(const Table& t, const TableShape& s) {
  const ColumnInfo* kind = s.first(ColumnKind::kind);
  if (!kind) return false;
  int pairs = 0;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r)
    if (const TableCell* c = t.rows[r].at(kind->column); c && squeeze_text(c->text) == "実績値") ++pairs;
  return pairs > 0;
}

Recognized build_pair_row_table(const Table& t, const TableShape& s, const TableContext& ctx) {
  Recognized out;
  const ColumnInfo* kind = s.first(ColumnKind::kind);
  const ColumnInfo* ind_col = s.first(ColumnKind::indicator);
  // Several project columns: the rightmost holds the project, the others
  // the section labels merged beside it.
  std::vector<const ColumnInfo*> proj_cols;
  for (const ColumnInfo& c : s.columns)
    if (c.kind == ColumnKind::project) proj_cols.push_back(&c);
  const ColumnInfo* proj_col = proj_cols.empty() ? nullptr : proj_cols.back();
  std::vector<const ColumnInfo*> years, totals, roles;
  for (const ColumnInfo& c : s.columns) {
    if (c.kind == ColumnKind::value && c.role == "actual" && c.period) years.push_back(&c);
    if (c.kind == ColumnKind::total) totals.push_back(&c);
    if (c.kind == ColumnKind::value && (c.role == "baseline" || c.role == "target") && c.column < kind->column)
      roles.push_back(&c);
  }
  std::optional<Period> span;
  if (!years.empty()) {
    span = *years.front()->period;
    span->end = years.back()->period->end;
    span->agg = Agg::sum;
  }
  bool goal = ind_col && contains(ind_col->label, "数値目標");
  // A table continued from the previous page goes on in its project and section.
  std::vector<std::string> section = ctx.continued ? ctx.continued->section : std::vector<std::string>{};
  std::optional<std::string> project = ctx.continued ? ctx.continued->project : std::nullopt;
  static const RE2 section_mark("^(?:\\(\\d+\\)|[①-⑳])");

  // Where the values of the current pair go: the record the table continues
  // until its first 目標値 row, then each new record.
  std::vector<RecordValue>* current = ctx.continued ? &out.continuation : nullptr;
  std::string hint = ctx.continued ? ctx.continued->unit : "";
  bool actuals_only = false;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    if (row.empty()) continue;
    const TableCell* kc = row.at(kind->column);
    std::string k = kc ? squeeze_text(kc->text) : "";
    // Section labels, in their own row (`(1) 人材育成・雇用対策` alone) or merged
    // beside the project (`④ 小中学校の学習環境の充実 | 放課後学習サポート事業`).
    bool own_row = !kc && row.cells.size() == 1;
    for (const TableCell& c : row.cells) {
      if (!own_row && proj_col && c.column >= proj_col->column) break;
      if (!own_row && proj_col == nullptr && ind_col && c.column >= ind_col->column) break;
      std::string text = normalize_text(c.text);
      if (!RE2::PartialMatch(text, section_mark)) continue;
      if (text.starts_with("(")) section = {text};
      else section = {section.empty() ? "" : section.front(), text};
      if (!section.front().size()) section.erase(section.begin());
    }
    if (k != "目標値" && k != "実績値") continue;
    if (k == "目標値") {
      current = nullptr;
      // Without borders a name centred over its pair of rows comes out as a
      // line or two in each: the rows up to the 実績値 row carry on the
      // 目標値 row's name and KPI cells (with borders those are merged, so
      // empty).
      std::vector<const TableRow*> rest;
      bool reaches_actual = false;
      for (size_t m = r + 1; m < t.rows.size() && !reaches_actual; ++m) {
        const TableCell* mk = t.rows[m].at(kind->column);
        std::string mk_text = mk ? squeeze_text(mk->text) : "";
        if (!mk_text.empty() && mk_text != "実績値") break;
        rest.push_back(&t.rows[m]);
        reaches_actual = !mk_text.empty();
      }
      if (!reaches_actual) rest.clear();
      auto joined = [&](const ColumnInfo* col) -> std::optional<TableCell> {
        std::optional<TableCell> out;
        if (const TableCell* c = cell_at(row, col)) out = *c;
        for (const TableRow* more : rest) {
          const TableCell* m = cell_at(*more, col);
          if (!m || m->text.empty()) continue;
          if (!out) out = *m;
          else out->text += "\n" + m->text;
        }
        return out;
      };
      std::optional<TableCell> pc = joined(proj_col), icell = joined(ind_col);
      if (pc) project = project_name(*pc);
      if (!icell) continue;
      const TableCell* ic = &*icell;
      KpiCell kpi = read_kpi_cell(ic->text);
      if (kpi.not_set) continue;
      CleanName name = clean_indicator(kpi.name);
      if (name.name.empty()) continue;
      KpiRecord rec;
      rec.level = goal ? "goal" : "project";
      if (!goal) rec.project = project;
      rec.indicator = name.name;
      rec.section = section;
      rec.source = source_of(t, row.box, row.line);
      ValueHints hints;
      hints.era = ctx.era;
      hints.unit = name.unit;
      // Baseline and plan target from the note, or from 基準値 / 目標値 columns.
      std::vector<std::pair<std::string, TableCell>> stated;
      if (!kpi.baseline.empty()) stated.push_back({"baseline", {kpi.baseline, kpi.baseline, ic->box, ic->column, ic->line}});
      if (!kpi.target.empty()) stated.push_back({"target", {kpi.target, kpi.target, ic->box, ic->column, ic->line}});
      for (const ColumnInfo* c : roles)
        if (const TableCell* cell = row.at(c->column)) stated.push_back({c->role, *cell});
      // The unit for the bare numbers of both rows: the indicator's, else the
      // target's (what the year columns measure), else the baseline's.
      hint = name.unit;
      std::string baseline_unit;
      for (auto& [role, cell] : stated) {
        RecordValue rv = make_value(&cell, t, role, std::nullopt, hints);
        if (hint.empty() && role == "target") hint = unit_with_scale(rv.v);
        if (baseline_unit.empty() && role == "baseline") baseline_unit = unit_with_scale(rv.v);
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
        rec.values.push_back(std::move(rv));
      }
      if (hint.empty()) hint = baseline_unit;
      actuals_only = kpi.actuals_only;
      out.records.push_back(std::move(rec));
      current = &out.records.back().values;
    }
    if (!current) continue;
    std::string role = k == "目標値" ? "target" : "actual";
    if (role == "target" && actuals_only) continue;  // no targets are set for it
    ValueHints hints;
    hints.era = ctx.era;
    hints.unit = hint;
    for (const ColumnInfo* c : years) {
      const TableCell* cell = row.at(c->column);
      if (!cell) continue;  // a year not yet reached
      current->push_back(make_value(cell, t, role, c->period, hints));
      current->back().plan_end_pending = false;
    }
    for (const ColumnInfo* c : totals) {
      const TableCell* cell = row.at(c->column);
      if (!cell) continue;
      RecordValue rv = make_value(cell, t, role, span, hints);
      rv.plan_end_pending = false;
      if (rv.v.status == ValueStatus::ok || rv.v.status == ValueStatus::invalid) rv.v.qualifiers.push_back("total");
      current->push_back(std::move(rv));
    }
    if (t.from_text)
      for (RecordValue& v : *current)
        if (v.source.line == 0) v.source.line = row.line;
  }
  for (KpiRecord& rec : out.records) {
    // The record's unit: the one most of its values are in.
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
  return out;
}

}  // namespace kpix

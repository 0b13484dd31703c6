// Family series: statistics by year with no roles (人口動態: 出生数, 死亡, 自然増減 …
// across H26 (2014) … R6 (2024); or years down the first column with the
// statistics across). Every value is an actual of level `statistic`.
#include <algorithm>
#include <map>
#include <set>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "pipeline/tables/families/statistic_names.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

bool is_number_cell(std::string_view text) {
  NormalizedValue v = normalize_value(text);
  return v.status == ValueStatus::ok || v.status == ValueStatus::invalid || v.status == ValueStatus::none;
}

// Years named in the header rows, in order, each once.
std::vector<Period> header_years(const Table& t, const TableShape& s, std::string_view era) {
  std::vector<Period> out;
  std::set<int> seen;
  for (size_t r = 0; r < s.header_rows; ++r)
    for (const TableCell& c : t.rows[r].cells)
      if (auto p = find_period(c.text, era); p && p->start == p->end && seen.insert(p->start).second)
        out.push_back(*p);
  std::sort(out.begin(), out.end(), [](const Period& a, const Period& b) { return a.start < b.start; });
  return out;
}

// Rows whose first cell is a year (苫小牧's 平成30年 (2018年) … rows).
int year_rows(const Table& t, const TableShape& s, std::string_view era) {
  int n = 0;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r)
    if (!t.rows[r].cells.empty() && find_period(t.rows[r].cells.front().text, era)) ++n;
  return n;
}

std::string statistic_name(std::string_view raw) {
  std::string n = remove_layout_spaces(strip_list_marker(name_text(raw)));
  // `(合計特殊出生率)`: a bracketed row label is the name itself.
  if ((n.starts_with("(") && n.ends_with(")")) || (n.starts_with("（") && n.ends_with("）"))) {
    size_t open = n.starts_with("(") ? 1 : 3, close = n.ends_with(")") ? 1 : 3;
    n = n.substr(open, n.size() - open - close);
  }
  return n;
}

void finish(KpiRecord& rec) { rec.unit = first_value_unit(rec); }

Basis basis_from(const TableContext& ctx) {
  return contains(ctx.heading, "月末") || contains(ctx.heading, "年末") ? Basis::calendar : Basis::unknown;
}

// Columns with one name under different groups (`増減数` under 自然動態 and
// 社会動態) take the group's name: 自然増減数, 社会増減数 — the terms of 人口動態.
void qualify_repeated_names(std::vector<KpiRecord>& records) {
  std::map<std::string, int> seen;
  for (const KpiRecord& r : records) ++seen[r.indicator];
  for (KpiRecord& r : records) {
    if (seen[r.indicator] < 2 || r.section.empty()) continue;
    std::string group = r.section.front();
    if (group.ends_with("動態")) group.resize(group.size() - std::string_view("動態").size());
    else continue;
    std::string leaf = r.indicator;
    // 自然 + 増減数 = 自然増減数
    r.indicator = group + leaf;
  }
}

// The statistics strategy documents carry are population tables (人口動態,
// 年齢別社会増減); a year series about anything else (a budget's cost lines,
// a salary index) is not read as KPI data.
bool about_population(const Table& t, const TableShape& s, const TableContext& ctx) {
  static constexpr std::string_view kWords[] = {"人口", "出生", "死亡", "転入", "転出", "世帯", "動態", "増減", "歳"};
  auto has_word = [](std::string_view text) {
    return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return contains(text, w); });
  };
  if (has_word(ctx.heading)) return true;
  // Names of statistics down the first column, or across the header (years
  // down the rows under `世帯数 | 人口 | 自然動態`, the caption above the
  // table printed inside its top rule and read as a table of its own).
  int hits = 0;
  for (const TableRow& row : t.rows)
    if (!row.cells.empty() && has_word(row.cells.front().text)) ++hits;
  int header_hits = 0;
  for (size_t r = 0; r < s.header_rows && r < t.rows.size(); ++r)
    for (const TableCell& c : t.rows[r].cells) header_hits += has_word(c.text);
  return hits >= 2 || header_hits >= 2;
}

ValueHints hints_for(const std::string& name, const TableContext& ctx) {
  ValueHints h;
  h.era = ctx.era;
  h.unit = contains(name, "率") ? "" : ctx.unit_hint;
  return h;
}

// Years down the rows: one record per statistic column.
void read_years_down(const Table& t, const TableShape& s, const TableContext& ctx, Basis basis,
                     std::vector<KpiRecord>& records) {
  for (const ColumnInfo& col : s.columns) {
    if (col.label.empty() || col.column == t.rows[s.header_rows].cells.front().column) continue;
    KpiRecord rec;
    rec.level = "statistic";
    std::string label = col.label;
    auto slash = label.rfind('/');
    rec.indicator = statistic_name(slash == std::string::npos ? label : label.substr(slash + 1));
    if (slash != std::string::npos) rec.section = {label.substr(0, slash)};
    for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
      const TableRow& row = t.rows[r];
      if (row.cells.empty()) continue;
      auto p = find_period(row.cells.front().text, ctx.era);
      const TableCell* cell = row.at(col.column);
      if (!p || !cell || cell == &row.cells.front()) continue;
      if (basis != Basis::unknown) p->basis = basis;
      RecordValue rv = make_value(cell, t, Role::actual, p, hints_for(rec.indicator, ctx));
      rv.period = p;
      rec.values.push_back(std::move(rv));
    }
    if (rec.values.empty()) continue;
    rec.source = source_of(t, t.box, t.rows[s.header_rows].line, t.rows[s.header_rows].page);
    finish(rec);
    records.push_back(std::move(rec));
  }
}

// Years across: one record per row; the trailing numbers are the years the
// header names, a warning for a row with another count.
void read_years_across(const Table& t, const TableShape& s, const TableContext& ctx, Basis basis, Recognized& out) {
  std::vector<Period> years = header_years(t, s, ctx.era);
  // The quantity category rows are of: the caption's, else the header's.
  std::string header_text;
  for (size_t r = 0; r < s.header_rows; ++r)
    for (const TableCell& c : t.rows[r].cells) header_text += c.text + "\n";
  std::optional<std::string> quantity = quantity_of_caption(header_text);
  if (!quantity) quantity = quantity_of_caption(ctx.heading);
  std::string group;
  for (size_t r = s.header_rows; r < t.rows.size(); ++r) {
    const TableRow& row = t.rows[r];
    // The first cell always names the row, even when it reads like a number (`14歳以下`).
    size_t first_number = row.cells.size();
    while (first_number > 1 && is_number_cell(row.cells[first_number - 1].text)) --first_number;
    size_t count = row.cells.size() - first_number;
    if (first_number == 0 || count == 0) continue;
    if (count != years.size()) {
      out.warnings.push_back("row " + row.cells.front().text + ": " + std::to_string(count) + " values for " +
                             std::to_string(years.size()) + " years; skipped");
      continue;
    }
    if (first_number >= 2) group = normalize_text(row.cells[first_number - 2].text);
    KpiRecord rec;
    rec.level = "statistic";
    rec.indicator = statistic_name(row.cells[first_number - 1].text);
    if (is_category_label(rec.indicator) && quantity) rec.indicator = *quantity + ":" + rec.indicator;
    if (first_number >= 2 && !group.empty()) rec.section = {group};
    rec.source = source_of(t, row.box, row.line, row.page);
    for (size_t i = 0; i < count; ++i) {
      std::optional<Period> p = years[i];
      if (basis != Basis::unknown) p->basis = basis;
      RecordValue rv = make_value(&row.cells[first_number + i], t, Role::actual, p, hints_for(rec.indicator, ctx));
      rv.period = p;
      rec.values.push_back(std::move(rv));
    }
    finish(rec);
    out.records.push_back(std::move(rec));
  }
}

}  // namespace

bool is_series_table(const Table& t, const TableShape& s) {
  if (s.header_rows == 0) return false;
  for (const ColumnInfo* c : s.value_columns())
    if (c->role == Role::baseline || c->role == Role::target || contains(c->label, "実績")) return false;
  return header_years(t, s, "令和").size() >= 3 || year_rows(t, s, "令和") >= 3;
}

Recognized build_series_table(const Table& t, const TableShape& s, const TableContext& ctx) {
  Recognized out;
  // 1. Only population statistics are read.
  if (!about_population(t, s, ctx)) return out;
  // 2. One record per statistic: years down the rows, or across the columns.
  Basis basis = basis_from(ctx);
  if (year_rows(t, s, ctx.era) >= 3) {
    read_years_down(t, s, ctx, basis, out.records);
    qualify_repeated_names(out.records);
  } else {
    read_years_across(t, s, ctx, basis, out);
  }
  return out;
}

}  // namespace kpix

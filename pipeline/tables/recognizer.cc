#include "pipeline/tables/recognizer.h"

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"
#include "pipeline/model/orientation.h"

namespace kpix {
namespace {

struct Family {
  const char* name;
  bool (*accepts)(const Table&, const TableShape&);
  Recognized (*build)(const Table&, const TableShape&, const TableContext&);
};

// The families that read a table by its sniffed shape, most specific first:
// an indicator sheet names a unit column that no other family's tables have,
// a pair-rows table also has role-less year columns, and a series table has
// no roles at all. (Forms with indicator blocks come before them all; see
// recognize_table.)
constexpr Family kShapeFamilies[] = {
    {"indicator_sheet", is_indicator_sheet_table, build_indicator_sheet_table},
    {"pair_rows", is_pair_rows_table, build_pair_rows_table},
    {"role_columns", is_role_columns_table, build_role_columns_table},
    {"series", is_series_table, build_series_table},
};

const Family* first_accepting(const Table& t, const TableShape& shape) {
  for (const Family& f : kShapeFamilies)
    if (f.accepts(t, shape)) return &f;
  return nullptr;
}

}  // namespace

bool is_form_table(const Table& t, std::string_view era) {
  return has_indicator_blocks(t) || is_name_rows_table(t, era);
}

SourceRef source_of(const Table& t, const Box& box, int line, int page) {
  SourceRef s;
  s.page = page > 0 ? page : t.page;
  if (t.from_text)
    s.line = line;
  else
    s.bbox = Frame{t.text_turn, t.page_width, t.page_height}.from_upright(box);
  return s;
}

std::string first_value_unit(const KpiRecord& rec) {
  for (const RecordValue& v : rec.values)
    if (v.v.status == ValueStatus::ok && !v.v.unit.empty()) return v.v.unit;
  return {};
}

RecordValue make_value(const TableCell* cell, const Table& t, Role role,
                       const std::optional<Period>& column_period, const ValueHints& hints) {
  RecordValue rv;
  rv.role = role;
  // Line breaks inside a narrow cell leave spaces (`(5年間 平均)`, `(継 続2件)`)
  // that are layout, not words; the raw text keeps them.
  rv.v = normalize_value(cell ? remove_layout_spaces(normalize_text(cell->text)) : "", hints);
  if (cell) rv.v.raw = cell->text;
  // A status cell still says when (`—(令和元年)`); the normalizer reads
  // periods only beside numbers.
  // (Not `調査なし (次回R8)` in an actual column: that year is the next survey.)
  if (!rv.v.period && cell && rv.v.status != ValueStatus::ok && rv.v.status != ValueStatus::invalid &&
      role != Role::actual && cell->text.find("次回") == std::string::npos)
    if (auto p = find_period(normalize_text(cell->text), hints.era)) rv.v.period = p;
  rv.period = rv.v.period ? rv.v.period : column_period;
  if (cell) rv.source = source_of(t, cell->box, cell->line, cell->page);
  auto has = [&](const char* q) {
    for (auto& x : rv.v.qualifiers)
      if (x == q) return true;
    return false;
  };
  // A target that says when it applies only by `計画終了時点` or `n年間の合計`
  // takes the column's year, or waits for the plan's end year.
  if (role == Role::target && !rv.v.period) {
    static const RE2 years("(\\d+)\\s*(?:か|ヶ|ケ|カ)?年間");
    int n = 0;
    bool span = (has("total") || has("average")) && RE2::PartialMatch(normalize_text(rv.v.raw), years, &n) && n > 0 && n < 30;
    if (span && rv.period) {
      rv.period->start = rv.period->end - n + 1;
      rv.period->agg = has("average") ? Agg::mean : Agg::sum;
    } else if (span) {
      rv.plan_end_pending = true;
      rv.plan_years = n;
    } else if (!rv.period) {
      rv.plan_end_pending = true;
    }
  }
  return rv;
}

std::string project_name(const TableCell& cell) {
  constexpr size_t kDescriptionBytes = 60;  // about 20 characters
  if (cell.first_line.size() < cell.text.size() && cell.text.size() - cell.first_line.size() >= kDescriptionBytes)
    return clean_project(cell.first_line);
  return clean_project(cell.text);
}

Recognized recognize_table(const Table& t, const TableContext& ctx, bool indicator_blocks) {
  // 1. The table's shape.
  TableShape shape = sniff_table(t, ctx.era);
  // 2. The family that reads it: a form's indicator blocks, else the first
  //    whose test accepts the shape.
  Recognized r;
  if (indicator_blocks && is_name_rows_table(t, ctx.era)) {
    r = build_name_rows_table(t, ctx);
    r.family = "name_rows";
  } else if (indicator_blocks) {
    r = build_indicator_blocks_table(t, ctx);
    r.family = "indicator_blocks";
  } else if (const Family* f = first_accepting(t, shape)) {
    r = f->build(t, shape, ctx);
    r.family = f->name;
  } else {
    return {};
  }
  // 3. What the sniffer had to guess goes with the records.
  for (auto& w : shape.warnings) r.warnings.push_back(w);
  return r;
}

}  // namespace kpix

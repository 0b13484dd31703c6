// RecordBuilder's reading of KPIs stated in words (prose_kpi.h): in free
// lines and in the cells of tables, with the actuals a later 実績 section
// gives for them by name, and the year a sheet's targets are set for.
#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "pipeline/records/prose_kpi.h"
#include "pipeline/records/record_builder.h"
#include "pipeline/records/record_rules.h"

namespace kpix {

void RecordBuilder::read_prose(const std::string& text, const SourceRef& src) {
  // 0. The year a sheet's targets are set for, where it says so in a field
  //    (`【事業実施期間】令和2年度～6年度`, `27年度における達成見込み`).
  read_sheet_plan_end(text);
  // 1. A heading over actuals stated in words (`取組実績（令和５年度・６年度）`).
  static const RE2 actuals_heading("(?:取組|事業)?実績");
  if (RE2::PartialMatch(text, actuals_heading) && text.find("指標") == std::string::npos) {
    prose_actuals_ = true;
    if (auto p = find_period(normalize_text(text), ctx_.era())) prose_actual_year_ = p->end;
  }
  //    Under it, a line that is only a year in brackets heads that year's
  //    actuals (`（令和５年度）` …, `（令和６年度）` …).
  static const RE2 year_heading("^\\(([^()]{1,16})\\)$");
  std::string year;
  if (prose_actuals_ && RE2::FullMatch(normalize_text(text), year_heading, &year))
    if (auto p = normalize_period(year, ctx_.era())) prose_actual_year_ = p->end;
  // 2. The KPIs it states.
  for (KpiRecord& rec : read_prose_kpis(text, ctx_.era())) {
    if (rec.level == "project") {
      if (!ctx_.project_title()) continue;  // a sentence of no project's
      rec.project = ctx_.project_title();
    }
    rec.goal_number = ctx_.goal_number();
    rec.goal_title = ctx_.goal_title();
    rec.source = src;
    for (auto& v : rec.values) v.source = src;
    enforce_record_rules(rec);
    prose_records_.push_back(records_.size());
    records_.push_back(std::move(rec));
  }
  // 3. Actuals stated later for them by name.
  if (!prose_actuals_ || prose_records_.empty()) return;
  std::vector<std::string> names;
  for (size_t i : prose_records_) names.push_back(records_[i].indicator);
  for (NamedActual& nv : read_named_actuals(text, names, ctx_.era())) {
    std::optional<Period> period = nv.period;
    if (!period && prose_actual_year_) {
      period = Period{};
      period->start = period->end = *prose_actual_year_;
      period->basis = Basis::fiscal;
    }
    if (!period) continue;
    for (size_t i : prose_records_) {
      if (records_[i].indicator != nv.indicator) continue;
      RecordValue rv;
      rv.role = Role::actual;
      rv.period = period;
      rv.v = std::move(nv.v);
      rv.source = src;
      records_[i].values.push_back(std::move(rv));
      break;
    }
  }
}

void RecordBuilder::read_sheet_plan_end(const std::string& raw) {
  if (raw.find("期間") == std::string::npos && raw.find("達成見込") == std::string::npos) return;
  std::string text = normalize_text(raw);
  static const RE2 period_field("(?:実施|事業|計画)期間.*?((?:令和|平成|R|H)?\\d+年度?\\s*[~〜～-]\\s*(?:令和|平成|R|H)?\\d+年度?)");
  static const RE2 achieved_by("((?:令和|平成|R|H)?\\d+年度)における達成見込");
  std::string span;
  if (RE2::PartialMatch(text, period_field, &span) || RE2::PartialMatch(text, achieved_by, &span))
    if (auto p = normalize_period(span, ctx_.era())) sheet_plan_end_ = p->end;
}

void RecordBuilder::read_prose_cells(const Table& t) {
  // Only cells that may state a KPI or report one: a budget book has tens
  // of thousands of cells of numbers.
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) {
      bool kpi = c.text.find("指標") != std::string::npos || c.text.find("数値目標") != std::string::npos ||
                 c.text.find("期間") != std::string::npos || c.text.find("達成見込") != std::string::npos;
      bool report = c.text.find("実績") != std::string::npos ||
                    (prose_actuals_ && !prose_records_.empty() &&
                     (c.text.find("：") != std::string::npos || c.text.find(':') != std::string::npos));
      if (!kpi && !report) continue;
      read_prose(c.text, source_of(t, c.box, c.line, c.page));
    }
}

}  // namespace kpix

// RecordBuilder's checks of what it read against the document itself: the
// counts a 小計 line states, and years read under an era the document turned
// out not to use.
#include <set>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "pipeline/records/record_builder.h"

namespace kpix {

// `小計(事業数:8、KPI数:7)`: the document's own count of the projects and KPIs
// listed since the last subtotal, checked against what was read.
void RecordBuilder::check_subtotal(const std::string& line) {
  static const RE2 subtotal("(小計|合計)\\s*[(（]\\s*事業数\\s*[:：]\\s*(\\d+)\\s*[、,]\\s*KPI数\\s*[:：]\\s*(\\d+)");
  std::string kind;
  int projects = 0, kpis = 0;
  if (!RE2::PartialMatch(normalize_text(line), subtotal, &kind, &projects, &kpis)) return;
  if (kind == "合計") return;  // the grand total repeats the subtotals
  std::set<std::string> names;
  int read = 0;
  for (size_t i = subtotal_from_; i < records_.size(); ++i) {
    if (records_[i].level != "project") continue;
    ++read;
    if (records_[i].project) names.insert(*records_[i].project);
  }
  subtotal_from_ = records_.size();
  if (read != kpis)
    summary_.notes.push_back(normalize_text(line) + ": the document counts " + std::to_string(kpis) + " KPIs, " +
                             std::to_string(read) + " were read");
}

void RecordBuilder::reread_implied_eras() {
  // Era years to western: 令和 n = 2018 + n, 平成 n = 1988 + n.
  auto base = [](const std::string& era) { return era == "平成" ? 1988 : 2018; };
  for (auto& [i, era] : implied_era_) {
    int shift = base(ctx_.era()) - base(era);
    if (shift == 0 || i >= records_.size()) continue;
    for (RecordValue& v : records_[i].values)
      if (v.period && !v.plan_end_pending) {
        v.period->start += shift;
        v.period->end += shift;
      }
  }
}

}  // namespace kpix

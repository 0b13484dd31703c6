#include "pipeline/records/record_rules.h"

#include <algorithm>

namespace kpix {

void enforce_record_rules(KpiRecord& rec) {
  // 1. Level and project.
  if (rec.level == "project" && (!rec.project || rec.project->empty())) {
    rec.level = "goal";
    rec.project.reset();
    rec.warnings.push_back("no project is named for this KPI; read at goal level");
  } else if (rec.level != "project" && rec.project) {
    rec.project.reset();
  }
  // 2. Shared rows name the project they share with.
  if (rec.shared_with && rec.shared_with->empty()) {
    rec.shared_with.reset();
    rec.warnings.push_back("marked as a shared indicator without naming the project it is shared with");
  }
  if (rec.shared_with && std::find(rec.qualifiers.begin(), rec.qualifiers.end(), "shared") == rec.qualifiers.end())
    rec.qualifiers.push_back("shared");
  // 3. Numbers that cannot be right are said to be.
  bool invalid = std::any_of(rec.values.begin(), rec.values.end(),
                             [](const RecordValue& v) { return v.v.status == ValueStatus::invalid; });
  if (invalid && rec.warnings.empty()) rec.warnings.push_back("a value is not a number that can be right; not read");
}

namespace {

bool same_role_and_period(const RecordValue& a, const RecordValue& b) {
  return a.role == b.role && a.period && b.period && a.period->start == b.period->start &&
         a.period->end == b.period->end && a.period->agg == b.period->agg;
}

std::string period_text(const Period& p) {
  return p.start == p.end ? std::to_string(p.start) : std::to_string(p.start) + "-" + std::to_string(p.end);
}

}  // namespace

void keep_one_value_per_role_and_period(KpiRecord& rec) {
  std::vector<bool> dropped(rec.values.size(), false);
  for (size_t i = 0; i < rec.values.size(); ++i) {
    const RecordValue& stated = rec.values[i];
    if (!stated.stated_beside) continue;
    for (size_t j = 0; j < rec.values.size(); ++j) {
      const RecordValue& column = rec.values[j];
      if (j == i || dropped[j] || column.stated_beside || !same_role_and_period(stated, column)) continue;
      if (column.v.status == ValueStatus::none) {
        dropped[j] = true;  // nothing printed in the column: the stated number stands
        continue;
      }
      dropped[i] = true;
      bool both_numbers = stated.v.status == ValueStatus::ok && column.v.status == ValueStatus::ok;
      if (both_numbers && stated.v.value != column.v.value)
        rec.warnings.push_back(std::string(to_string(stated.role)) + " " + period_text(*stated.period) + " is stated as " + stated.v.raw +
                               " and printed in its column as " + column.v.raw + ": the column's is kept");
      break;
    }
  }
  std::vector<RecordValue> kept;
  for (size_t i = 0; i < rec.values.size(); ++i)
    if (!dropped[i]) kept.push_back(std::move(rec.values[i]));
  rec.values = std::move(kept);
}

}  // namespace kpix

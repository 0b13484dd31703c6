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

}  // namespace kpix

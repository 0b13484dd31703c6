// The contract's rules on a record's shape (docs/records.md,
// schemas/kpi-record.schema.json), kept by every record the builder hands
// on, whatever a family made: a record that would fail the schema is a kpix
// bug, so where a family could not give what a rule needs, the record is
// mended the one way the contract allows and says so in a warning.
//
//   - a `project`-level record names its project; without one it is read at
//     goal level;
//   - `goal` and `statistic` records name none;
//   - a record shared with another project names that project (`shared_with`
//     non-empty), else it is not marked shared_with;
//   - a value whose number cannot be right (status `invalid`) leaves a
//     warning on the record.
//
// And once every period is known (at the document's end):
//   - one value per role and period: a value stated beside the KPI (its
//     note, a 基準値 / 目標値 column beside it) and a column of the same year
//     or span are one value, the column's; where the two give different
//     numbers the record says so. A column left empty or dashed does not
//     disagree: the stated number is kept.
//
// Entry points: enforce_record_rules, keep_one_value_per_role_and_period.
// Pure: the record in, the same record out, mended.
#pragma once

#include "pipeline/model/record.h"

namespace kpix {

void enforce_record_rules(KpiRecord& rec);
void keep_one_value_per_role_and_period(KpiRecord& rec);

}  // namespace kpix

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
// Entry point: enforce_record_rules. Pure: the record in, the same record out,
// mended.
#pragma once

#include "pipeline/model/record.h"

namespace kpix {

void enforce_record_rules(KpiRecord& rec);

}  // namespace kpix

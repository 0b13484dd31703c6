// What changed from one edition of a report to the next (editions.h): each
// KPI of the old document matched to the new one, then for each pair the
// actuals the new one adds, the values it restates (a past year's actual, or
// the baseline), the targets it revises, and the KPIs added and dropped.
// Pure: records (JSON, records.md) in, entries out; kpix diff prints them.
//
//   EditionDiff d = diff_editions(old_records, new_records);
//   for (const DiffEntry& e : d.entries) …   // e.kind: new_actual, restated, …
//
// KPIs are matched one to one, in three passes over what is still unmatched:
//   1. the same normalized name (NFKC, no spaces), project, unit and level;
//   2. the same name, unit and level under a renamed project, where the name
//      is unique among the unmatched of both documents;
//   3. a renamed indicator of the same concept and qualifiers
//      (docs/concepts.md), unit and level, unique likewise.
// Rows that only point to another project's row (`…との共通指標`) are left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/normalize/roles.h"

namespace kpix {

struct DiffEntry {
  // shared: a matched KPI (one per pair, first of its entries);
  // new_actual: an actual for a period the old edition had no number for;
  // restated: what = actual (a period both give, another number) or
  //           baseline (the baseline's number or period changed);
  // target_revised: a target's number or period changed, or a target set or dropped;
  // kpi_added, kpi_dropped: a KPI of one edition only.
  std::string kind;
  std::optional<Role> what;  // the role restated; nullopt for the other kinds
  nlohmann::json old_record, new_record;  // null on the side that has none
  nlohmann::json old_value, new_value;    // the value objects compared; null where none
  std::string note;                       // how it was matched, what the old edition said of that year, …
};

struct EditionDiff {
  std::vector<DiffEntry> entries;  // by KPI in the new document's order, then the dropped ones
  int shared = 0, new_actuals = 0, restated = 0, targets_revised = 0, added = 0, dropped = 0;
};

EditionDiff diff_editions(const std::vector<nlohmann::json>& old_records,
                          const std::vector<nlohmann::json>& new_records);

// "20 shared KPIs, 19 new actuals, 18 restated, 20 targets revised, 32 added, 40 dropped"
std::string diff_counts(const EditionDiff& d);

}  // namespace kpix

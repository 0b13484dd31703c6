// What only the whole document tells, filled into its records once the last
// page is in: the municipality, the units that names imply, a shared row's
// unit, the document's own facts, and the year of targets that wait for the
// plan's end.
//
// Pure functions over the records; RecordBuilder::finish runs them in order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/municipality/municipality_index.h"
#include "pipeline/model/document.h"
#include "pipeline/model/record.h"

namespace kpix {

struct MunicipalityChoice {
  std::string name;  // empty when the document names none
  std::optional<std::string> code;
};

// The municipality: by the code given, or the name given (resolved in the
// document's lines), or the most named one in its first lines, then in its
// first table rows. A note for an unknown code or an unsure match goes to
// `notes`.
MunicipalityChoice choose_municipality(const std::string& name, const std::string& code,
                                       const MunicipalityIndex& municipalities, const std::vector<std::string>& lines,
                                       const std::vector<std::string>& table_lines, std::vector<std::string>& notes);

// A record whose cells print no unit takes the counter its name ends with
// (`…の実施件数` → 件), and so do its numbers that have none.
void fill_units_from_names(std::vector<KpiRecord>& records);

// A shared row has no values of its own: its unit is that of the row it
// shares (same indicator, in the project it names).
void fill_units_of_shared_rows(std::vector<KpiRecord>& records);

// The document's facts on every record (a warning where no municipality is
// named).
void fill_document(std::vector<KpiRecord>& records, const MunicipalityChoice& municipality, const DocumentInfo& info,
                   const std::string& title, const std::optional<std::string>& date);

// Targets without a year take the plan's end year (a span of plan_years
// ending there); a warning on the record when the plan's end is unknown.
void fill_plan_end(std::vector<KpiRecord>& records, std::optional<int> plan_end);

}  // namespace kpix

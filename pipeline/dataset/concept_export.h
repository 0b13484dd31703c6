// `kpix export --concept ID`: one quantity across municipalities (docs/concepts.md,
// docs/dataset.md). One row per value of every record of that concept whose
// number is in the concept's canonical unit (so the numbers compare), with
// the municipality, the qualifiers that narrow the quantity (single_year,
// average:5y, …), the period and the source. A report rendered into several
// files (the same municipality, date and values) gives its rows once.
//
//   ConceptExport ex = export_concept(db, "population.tfr");   // throws on an unknown id
//   write(concept_csv(ex, excel));   or   write(concept_jsonl(ex));
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace kpix {

struct ConceptExport {
  std::string id, label, unit;
  std::vector<nlohmann::json> rows;  // flat objects, columns of concept_csv in order
  int other_units = 0;               // values left out: a number in another unit
  int not_numbers = 0;               // values left out: no number (非調査年, —, …)
};

ConceptExport export_concept(sqlite3* db, const std::string& id);
// The columns: municipality_code, prefecture, municipality, concept, qualifiers,
// indicator, level, project, role, period_start, period_end, basis, agg, value,
// unit, raw, document, document_date, page, bbox, line.
std::string concept_csv(const ConceptExport& ex, bool excel);
std::string concept_jsonl(const ConceptExport& ex);

}  // namespace kpix

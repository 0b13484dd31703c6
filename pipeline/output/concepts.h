// Each record's indicator concept (docs/concepts.md), set once the records of
// a document are built and before they are checked against the schema: the
// name decides, and the project where contexts.tsv says it does (苫小牧's
// bare 待機児童数 under 放課後児童クラブの充実).
//
//   kpix::attach_concepts(records);   // records[i].indicator_concept set or left empty
#pragma once

#include <vector>

#include "parsers/concepts/concept_index.h"
#include "pipeline/model/record.h"

namespace kpix {

void attach_concepts(std::vector<KpiRecord>& records, const ConceptIndex& index = ConceptIndex::builtin());

}  // namespace kpix

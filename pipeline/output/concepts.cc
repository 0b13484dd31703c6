#include "pipeline/output/concepts.h"

namespace kpix {

void attach_concepts(std::vector<KpiRecord>& records, const ConceptIndex& index) {
  for (KpiRecord& r : records) {
    std::optional<ConceptMatch> m = index.match(r.indicator, r.project.value_or(""));
    if (m) r.indicator_concept = ConceptRef{std::move(m->id), std::move(m->qualifiers)};
    else r.indicator_concept.reset();
  }
}

}  // namespace kpix

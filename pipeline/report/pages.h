// The three kinds of page of kpix report, each a whole HTML document:
// the index (municipalities, documents, concepts), one page per
// municipality (its KPIs as cards), one page per concept (municipalities
// side by side). See report.h.
#pragma once

#include <string>

#include "pipeline/report/crops.h"
#include "pipeline/report/html.h"
#include "pipeline/report/site_data.h"

namespace kpix {

std::string index_page_html(const Site& site, const std::string& dataset, SourceLinks& links);
std::string municipality_page_html(const SiteMunicipality& m, SourceLinks& links, const CropMaker& crops);
std::string concept_page_html(const Site& site, const SiteConcept& c, SourceLinks& links);

// One KPI card (municipality pages): name, project, concept, chart, share
// of target, every value linked to its source, the crop of its row.
std::string card_html(const SiteCard& card, SourceLinks& links, const CropMaker& crops, const std::string& page_dir);

}  // namespace kpix

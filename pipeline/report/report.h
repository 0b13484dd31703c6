// `kpix report --db PATH -o DIR`: a static site of the dataset, to look at
// rather than read: index.html (municipalities, concepts, documents),
// m/<code>.html (a municipality's KPIs, each a small chart with its values
// linked to their sources, file.pdf#page=N, and a crop of its row where the
// PDF is at its stored path), c/<concept>.html (one quantity across
// municipalities). Inline CSS and SVG only: no script, no font, nothing
// from another host. Generated from the dataset alone (crops aside).
#pragma once

#include <string>

namespace kpix {

struct ReportOptions {
  std::string db, out_dir;
  bool crops = true;
  int jobs = 0;  // threads rendering crops; 0: the number of cores
};

struct ReportStats {
  int municipalities = 0, documents = 0, cards = 0, concepts = 0, pages = 0;
  int crops_rendered = 0, crops_reused = 0;
  double seconds = 0;        // the whole run
  double crop_seconds = 0;   // of which rendering crops
};

// Writes every page (each written whole, then renamed); throws InputError
// when the dataset cannot be opened, std::runtime_error when DIR cannot be written.
ReportStats write_report(const ReportOptions& options);

}  // namespace kpix

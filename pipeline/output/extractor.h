// The whole extraction of one file: bytes → pages → lines and cells → tables
// → KPI records → JSON checked against the schema. Pages are loaded and
// analysed one at a time and dropped, so memory stays that of one page plus
// the records.
//
//   kpix::Extractor ex;                        // loads the municipality list once
//   auto out = ex.extract("report.pdf", {});   // throws InputError
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/municipality/municipality_index.h"
#include "parsers/plan/plan_mentions.h"
#include "pipeline/records/record_builder.h"
#include "pipeline/model/document.h"
#include "pipeline/output/schema_validator.h"

namespace kpix {

struct Extraction {
  DocumentInfo info;
  std::vector<nlohmann::json> records;  // schema-valid records
  std::vector<std::string> notes;       // warnings about the document (not errors)
  std::vector<std::string> rejected;    // records that failed the schema: not written, one line each
  int pages = 0;
  std::optional<PlanFacts> plan;        // the plan the document reports on, from the plans it names
};

class Extractor {
 public:
  Extractor();
  ~Extractor();
  // Throws InputError when the file cannot be read or has no text at all.
  // `on_page` (optional) is told after each page, for progress displays.
  Extraction extract(const std::string& path, const BuildOptions& options,
                     const std::function<void(int page, int pages)>& on_page = {}) const;
  const MunicipalityIndex& municipalities() const { return municipalities_; }

  // Reads the next pages of a PDF with Poppler on a second thread while this
  // one lays out and recognizes the page before (a few pages ahead at most,
  // so memory stays small); records are the same either way. Off by default:
  // kpix ingest runs whole documents in parallel instead.
  void overlap_pages(bool on) { overlap_pages_ = on; }

 private:
  MunicipalityIndex municipalities_;
  RecordValidator validator_;
  bool overlap_pages_ = false;
};

}  // namespace kpix

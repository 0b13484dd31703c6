// The whole extraction of one file: bytes → pages → lines and cells → tables
// → KPI records → JSON checked against the schema. Pages are loaded and laid
// out on worker threads (page_stream.h) and handed to the record builder in
// page order, which carries the document's context from page to page; each
// page is dropped once read, so memory stays that of a few pages plus the
// records.
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
#include "pipeline/output/page_workers.h"
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
  // Throws InputError when the file cannot be read, has no text at all, or
  // has no page options.pages names. `on_page` (optional) is told after each
  // page, for progress displays.
  Extraction extract(const std::string& path, const BuildOptions& options,
                     const std::function<void(int page, int pages)>& on_page = {}) const;
  const MunicipalityIndex& municipalities() const { return municipalities_; }

  // The threads that read a PDF's pages (page_stream.h); without them
  // (default) the calling thread reads every page. Records are the same
  // either way. `workers` must outlive the extractions; it may be shared by
  // extractors on several threads (kpix ingest).
  void share_workers(PageWorkers* workers) { workers_ = workers; }

 private:
  MunicipalityIndex municipalities_;
  RecordValidator validator_;
  PageWorkers* workers_ = nullptr;
};

}  // namespace kpix

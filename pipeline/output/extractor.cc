#include "pipeline/output/extractor.h"

#include <optional>

#include "pipeline/layout/page_layout.h"
#include "pipeline/model/error.h"
#include "pipeline/load/page_source.h"
#include "pipeline/load/pdf_loader.h"
#include "pipeline/output/concepts.h"
#include "pipeline/output/page_stream.h"

namespace kpix {
Extractor::Extractor() = default;
Extractor::~Extractor() = default;

Extraction Extractor::extract(const std::string& path, const BuildOptions& options,
                              const std::function<void(int, int)>& on_page) const {
  auto src = open_source(path);
  Extraction out;
  out.info = src->info();
  bool from_text = out.info.kind == SourceKind::text;
  RecordBuilder builder;
  size_t glyphs = 0;
  int images = 0;
  int past_end = 0;
  std::vector<int> indexes = select_pages(options.pages, out.info.page_count, &past_end);
  if (past_end > 0)
    throw InputError(path, "page " + std::to_string(past_end) + " is past the end (" +
                               std::to_string(out.info.page_count) + " pages)");
  PlanTally plans;
  // 1. Pages, laid out on the workers; 2. read in page order here, where the
  // document's context (era, goal, headings, tables running on) is kept.
  const auto* pdf = dynamic_cast<const PdfSource*>(src.get());
  std::optional<PageStream> stream;
  if (pdf) stream.emplace(*pdf, indexes, workers_);
  for (size_t n = 0; n < indexes.size(); ++n) {
    Page page = stream ? stream->next() : lay_out_page(src->load_page(indexes[n]));
    glyphs += from_text ? page.lines.size() : page.glyph_count;
    images += page.images;
    for (const Line& line : page.lines) plans.observe(line.text());
    builder.add_page(page, from_text);
    ++out.pages;
    if (on_page) on_page(int(n) + 1, int(indexes.size()));
  }
  stream.reset();
  if (glyphs == 0)
    throw InputError(path, images > 0 ? "no text layer (scanned images only); OCR is not supported" : "no text in the document");
  std::vector<KpiRecord> records = builder.finish(out.info, options, municipalities_);
  attach_concepts(records);
  out.notes = builder.summary().notes;
  out.plan = plans.result();
  if (records.empty()) out.notes.push_back("no KPI tables found");
  // Every record is checked against the schema before anyone sees it; one
  // that fails is a kpix bug, reported and held back rather than written.
  for (size_t i = 0; i < records.size(); ++i) {
    nlohmann::json j = records[i].to_json();
    std::vector<SchemaFault> faults = validator_.validate(j);
    if (faults.empty()) {
      out.records.push_back(std::move(j));
      continue;
    }
    std::string message = faults[0].message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    out.rejected.push_back("record " + std::to_string(i + 1) + " (" + records[i].indicator + ") fails the schema at " +
                           faults[0].pointer + ": " + message);
  }
  return out;
}

}  // namespace kpix

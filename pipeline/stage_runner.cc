#include "pipeline/stage_runner.h"

#include "pipeline/error.h"
#include "pipeline/page_source.h"

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
  for (int i = 0; i < out.info.page_count; ++i) {
    Page page = src->load_page(i);
    glyphs += from_text ? page.lines.size() : page.glyph_count;
    images += page.images;
    builder.add_page(page, from_text);
    ++out.pages;
    if (on_page) on_page(i + 1, out.info.page_count);
  }
  if (glyphs == 0)
    throw InputError(path, images > 0 ? "no text layer (scanned images only); OCR is not supported" : "no text in the document");
  std::vector<KpiRecord> records = builder.finish(out.info, options, municipalities_);
  out.notes = builder.summary().notes;
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

// PDF bytes to pages of positioned text, one page at a time, so that a
// 600-page budget book never holds more than one page's glyphs.
//
//   kpix::PdfSource pdf("report.pdf");        // throws InputError
//   for (int i = 0; i < pdf.info().page_count; ++i) {
//     kpix::Page page = pdf.load_page(i);      // glyphs and rules; no lines yet
//   }
//
// poppler-cpp opens the document (facts, rendering); PageReader reads each
// page's size, glyphs and rules in one pass of Poppler's text device, and
// further PageReaders read pages on other threads (Extractor's workers). Glyph boxes
// arrive in displayed space (rotation applied), so the page size is swapped
// for /Rotate 90 and 270.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/load/page_reader.h"
#include "pipeline/load/page_source.h"

namespace poppler {
class document;
}

namespace kpix {

class PdfSource : public PageSource {
 public:
  // Throws InputError naming the file: missing, not a PDF, damaged beyond
  // repair, encrypted with a password, or without pages.
  explicit PdfSource(const std::string& path);
  ~PdfSource();
  PdfSource(const PdfSource&) = delete;
  PdfSource& operator=(const PdfSource&) = delete;

  const DocumentInfo& info() const override { return info_; }

  // 0-based index: the page's glyphs (shadow copies removed) and drawn
  // rules (pieces joined), as displayed, and the turn of most of its text.
  // Through the source's own reader, which keeps Poppler's renderer from one
  // call to the next (page_reader.h): one thread at a time, as Poppler's
  // document always needed.
  Page load_page(int index) const override;

  // A reader of this file's pages for another thread: its own Poppler
  // document (they are not safe to share). Valid while this source lives.
  std::unique_ptr<PageReader> open_reader() const;
  // load_page(index) through `reader`, for the thread that owns it.
  static Page load_page(PageReader& reader, int index);

  // For drawing page `index` (inspect --png, check reports, crops), once
  // the fonts of that page are known to be within Poppler's means (through
  // the source's own reader, as load_page); throws InputError where not.
  const poppler::document& poppler_document_for(int index) const;

 private:
  DocumentInfo info_;
  std::unique_ptr<poppler::document> doc_;
  std::unique_ptr<PageReader> reader_;
};

// Lowercase hex SHA-256 of a file's bytes; throws InputError when unreadable.
std::string file_sha256(const std::string& path);

}  // namespace kpix

// One pass of Poppler's renderer over a page collects both its text (glyphs
// with their boxes, as poppler-cpp's text_list gives them) and its drawn
// borders. Two passes (text_list, then a second renderer for the rules) built
// every font of the page twice: measured with callgrind on the 612-page budget
// book, font set-up was 39% of all instructions.
//
//   kpix::PageReader reader("report.pdf");   // throws InputError
//   kpix::PageContent c = reader.read(0);    // glyphs, rules, images, text turns
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/load/font_limits.h"
#include "pipeline/model/document.h"

class PDFDoc;

namespace kpix {

struct PageContent {
  double width = 0, height = 0;  // as displayed (crop box, rotation applied)
  int rotation = 0;              // /Rotate: 0, 90, 180 or 270
  std::vector<Glyph> glyphs;  // in device space: top-left origin, page rotation applied
  std::vector<Rule> rules;    // merged
  int images = 0;
  int turns[4] = {0, 0, 0, 0};  // characters per text rotation (quarter turns)
};

class PageReader {
 public:
  // Must be created while a poppler-cpp document is alive (it sets up
  // Poppler's global parameters). One reader per thread: a Poppler document
  // is not safe to share between threads.
  explicit PageReader(const std::string& path);
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // Throws InputError when a ToUnicode map of a font of the page would
  // exhaust Poppler (font_limits.h). read() and read_raw() ask it first;
  // whoever draws the page with another Poppler document asks it too.
  void check_fonts(int page_index);

  // Glyphs in position order without duplicates, rules merged. Not const:
  // the reader keeps Poppler's renderer (and its fonts) for the next pages
  // that name the same resources (renderer_key.h).
  PageContent read(int page_index);
  // As Poppler gives them: read() == finish_content(read_raw()).
  // Throws InputError when the page cannot be read.
  PageContent read_raw(int page_index);

 private:
  struct KeptRenderer;
  std::string path_;
  std::unique_ptr<PDFDoc> doc_;
  std::unique_ptr<KeptRenderer> kept_;
  FontMapGuard fonts_;
  bool keeps_renderer_ = false;  // the document has no optional content
};

// Glyphs in position order (glyph_order.h), their shadow and fake-bold
// copies removed; pieces of one border joined.
void finish_content(PageContent& c);

}  // namespace kpix

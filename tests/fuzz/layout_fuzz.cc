// Generated pages: glyphs and rules decoded from the fuzz bytes
// (tests/fuzz/layout_input.h: single glyphs and rules, runs of text, and
// tables of real size with merged cells and every border style) go through
// layout analysis and then the table recognizers, as PDF pages would.
// Beyond no crash: layout loses no character and invents none (every glyph
// ends in exactly one cell).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/layout/page_layout.h"
#include "pipeline/records/record_builder.h"
#include "tests/fuzz/record_checks.h"
#include "tests/fuzz/layout_input.h"

namespace {

// Characters of a cell's text, without the spaces and line breaks layout adds.
size_t characters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80 && c != ' ' && c != '\n') ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kpix::MunicipalityIndex municipalities;
  kpix::RecordBuilder builder;
  for (kpix::Page& page : kpix::fuzz::decode_pages(data, size)) {
    const size_t glyphs = page.glyphs.size();
    kpix::Page laid_out = kpix::lay_out_page(std::move(page));
    size_t in_cells = 0;
    for (const kpix::Line& line : laid_out.lines)
      for (const kpix::Cell& cell : line.cells) in_cells += characters(cell.text);
    if (in_cells != glyphs) std::abort();
    builder.add_page(laid_out, /*from_text=*/false);
  }
  kpix::DocumentInfo info;
  info.file_name = "fuzz.pdf";
  info.sha256 = std::string(64, '0');  // the extractor sets it from the file
  kpix::fuzz::check_records(builder.finish(info, {}, municipalities));
  return 0;
}

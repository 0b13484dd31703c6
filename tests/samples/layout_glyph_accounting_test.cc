// Every character of every sample page's glyphs, as the PDF loader gives
// them, comes out of layout in the text of exactly one cell: none lost, none
// doubled, whether the page's tables are ruled, ruled by rows only or rebuilt
// from their text, and whether its text is upright or turned. Layout has no
// glyph it may drop: text drawn twice (shadows) is removed by the loader
// before layout sees it (pipeline/load/glyph_dedup), and glyphs off the page
// or on a border still go to free text or to a cell.
#include <gtest/gtest.h>

#include "pipeline/layout/page_layout.h"
#include "pipeline/load/pdf_loader.h"
#include "tests/samples/sample_paths.h"
#include "tests/unit/glyph_accounting.h"

namespace kpix {
namespace {

using testing::accounting_difference;
using testing::cell_chars;
using testing::glyph_chars;

TEST(LayoutGlyphAccounting, EverySamplePageKeepsEachGlyphOnce) {
  std::vector<std::string> pdfs = testing::sample_pdfs("");
  ASSERT_FALSE(pdfs.empty());
  size_t pages = 0, chars = 0;
  for (const std::string& path : pdfs) {
    PdfSource pdf(path);
    size_t chars_before = chars;
    for (int i = 0; i < pdf.info().page_count; ++i) {
      Page page = pdf.load_page(i);
      testing::CharCounts in = glyph_chars(page.glyphs);
      Page laid = lay_out_page(std::move(page));
      EXPECT_EQ(accounting_difference(in, cell_chars(laid.lines)), "")
          << path << " page " << i + 1;
      ++pages;
      for (const auto& [ch, n] : in) chars += size_t(n);
    }
    EXPECT_GT(chars, chars_before) << path << ": no text read, nothing accounted for";
  }
  std::cout << pdfs.size() << " PDFs, " << pages << " pages, " << chars << " characters accounted for\n";
}

}  // namespace
}  // namespace kpix

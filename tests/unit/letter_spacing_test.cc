// A drawn cell's text set out across the cell (均等割付, CSS justify
// inter-character, Word's 均等割り付け): every glyph apart from the next by
// more than a space, the same extra space after each. join_glyph_text takes
// that letter-spacing off every gap before it puts spaces in, so `区 分` is
// `区分` and `1 , 4 9 8 千 円` is `1,498千円`, while a real space that the
// spacing widened stays one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/glyph_lines.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

// Glyphs of `text` from x = 10, each `extra` points after the one before
// (full width 10 pt, half width 5 pt); a ' ' in `text` is no glyph, only a
// gap of `space` points.
std::vector<Glyph> set_out(const std::string& text, double extra, double space = 2.2) {
  std::vector<Glyph> out;
  double x = 10;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (text[i] == ' ') {
      x += space + extra;
      ++i;
      continue;
    }
    double w = n == 1 ? 5 : 10;
    out.push_back({text.substr(i, n), {x, 100, x + w, 110}});
    x += w + extra;
    i += n;
  }
  return out;
}

std::string cell_text(const std::vector<Glyph>& glyphs) {
  std::vector<const Glyph*> p;
  for (const Glyph& g : glyphs) p.push_back(&g);
  return layout_parts::join_glyph_text(p);
}

TEST(LetterSpacing, ACellSetOutAcrossItsWidthReadsAsItsWords) {
  struct Case {
    const char* what;
    std::string text;  // as typed, ' ' a space
    double extra;      // the letter-spacing, points (0: none)
    std::string want;
  };
  const Case cases[] = {
      {"a label", "区分", 30, "区分"},
      {"a longer one", "歳入合計", 12, "歳入合計"},
      {"a value with its unit", "1,498千円", 8, "1,498千円"},
      {"a value and a note a space apart", "25人 （R2～R4合計）", 3.5, "25人 （R2～R4合計）"},
      {"not set out: as before", "25人 （R2～R4合計）", 0, "25人 （R2～R4合計）"},
      {"words a space apart, not set out", "基準値 目標値", 0, "基準値 目標値"},
      {"two half-width glyphs are two words", "A B", 0, "A B"},
      {"a gap narrower than a space is none", "人口", 1, "人口"},
  };
  for (const Case& c : cases) EXPECT_EQ(cell_text(set_out(c.text, c.extra)), c.want) << c.what;
}

TEST(LetterSpacing, OnlyALineWhoseGlyphsAllStandApartIsSetOut) {
  // Two lines of one cell: the first set out, the second plain with a space.
  std::vector<Glyph> g = set_out("区分", 20);
  for (Glyph& x : word("転入 者数", 10, 130)) g.push_back(x);
  EXPECT_EQ(cell_text(g), "区分\n転入 者数");
  std::vector<const Glyph*> touching;
  std::vector<Glyph> plain = word("150", 10, 100);
  for (const Glyph& x : plain) touching.push_back(&x);
  EXPECT_EQ(layout_parts::letter_spacing(touching, 10, {}), 0);
  std::vector<Glyph> apart = set_out("区分計", 6);
  std::vector<const Glyph*> p;
  for (const Glyph& x : apart) p.push_back(&x);
  EXPECT_DOUBLE_EQ(layout_parts::letter_spacing(p, 10, {}), 6);
}

TEST(LetterSpacing, WordsSetOutAcrossATableShowNoColumns) {
  // set_out_words / word_spans: a section row set out across a table's width
  // is one run of text; rows of values or of one mark a column apart are not.
  struct Case {
    const char* what;
    std::string text;
    double extra;
    bool set_out;
  };
  const Case cases[] = {
      {"a section row set out", "市民が地域づくりの担い手となる環境の確保", 16, true},
      {"with a real space in it", "(4) 市民が地域づくりの担い手となる環境", 16, true},
      {"a short label set out is a cell's, not a row's", "区分計", 16, false},
      {"one mark a column apart: empty cells", "ーーーーーーー", 16, false},
      {"single digits a column apart: values", "1234567", 16, false},
      {"text set close", "市民が地域づくりの担い手", 0, false},
      {"apart by less than half an em", "市民が地域づくりの担い手", 4, false},
  };
  for (const Case& c : cases) {
    std::vector<Glyph> g = set_out(c.text, c.extra);
    std::vector<const Glyph*> p;
    for (const Glyph& x : g) p.push_back(&x);
    EXPECT_EQ(layout_parts::set_out_words(p, 10), c.set_out) << c.what;
    size_t spans = layout_parts::word_spans(p, 4, 10).size();
    EXPECT_EQ(spans, c.set_out ? 1u : layout_parts::spans_of(p, 4).size()) << c.what;
  }
}

}  // namespace
}  // namespace kpix

// A line's em (pipeline/layout/glyph_lines): the font size its glyphs show,
// however tall their boxes are drawn.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/glyph_lines.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

std::vector<const Glyph*> pointers(const std::vector<Glyph>& g) {
  std::vector<const Glyph*> out;
  for (const Glyph& x : g) out.push_back(&x);
  return out;
}

TEST(GlyphLines, IsWideByFirstCodePoint) {
  // Full width: CJK, kana, full-width forms and the symbols CJK fonts draw
  // full width; each range's ends, its neighbours outside, and text that is
  // no whole three-byte character (none of it wide but by its decoded value).
  struct Case {
    std::string text;
    bool wide;
  };
  const std::vector<Case> cases = {
      {"", false},
      {"A", false},
      {"%", false},
      {"\u00e9", false},        // é: two bytes
      {"\u2190", true},         // ← first arrow
      {"\u218f", false},        // just below the arrows
      {"\u21ff", true},
      {"\u203b", true},         // ※
      {"\u203a", false},
      {"\u2460", true},         // ①
      {"\u25a0", true},         // ■
      {"\u2e80", true},         // first CJK radical
      {"\u2e7f", false},
      {"\u3000", true},
      {"\u30ff", true},
      {"\u9fff", true},
      {"\ua000", false},
      {"\uf900", true},
      {"\ufaff", true},
      {"\ufb00", false},
      {"\uff01", true},         // ！
      {"\uff60", true},
      {"\uff61", false},        // half-width kana
      {"\U00020000", false},    // a four-byte ideograph: outside the ranges
      {"\xe3\x81", false},     // a cut three-byte character
      {"\xe3", false},
      {"\x81\x81\x81", false},  // a continuation byte first
      {"\xf0\x92\xba\x80", false},
      {"\xf2\x92\xba", true},  // four bytes cut to three: decoded as U+24BA, as ever
      {"\u7d42\u4e86", true},   // 終了: the first character decides
  };
  for (const Case& c : cases) {
    Glyph g;
    g.text = c.text;
    EXPECT_EQ(layout_parts::is_wide(g), c.wide) << c.text;
  }
}

TEST(GlyphLines, VisualLinesTopToBottomEachLeftToRight) {
  // Words given in any order, as (text, x, top); each line's text as
  // visual_lines groups and orders the glyphs.
  struct Word {
    const char* text;
    double x, y;
  };
  struct Case {
    const char* what;
    std::vector<Word> words;
    std::vector<std::string> lines;
  };
  const std::vector<Case> cases = {
      {"none", {}, {}},
      {"one glyph", {{"A", 0, 0}}, {"A"}},
      {"one line given right to left", {{"生", 20, 0}, {"卒業", 0, 0}}, {"卒業生"}},
      {"a line a little lower is the same line", {{"卒業", 0, 0}, {"生", 20, 2}}, {"卒業生"}},
      {"two lines given bottom first", {{"下段", 0, 14}, {"上段", 0, 0}}, {"上段", "下段"}},
      {"three lines, the middle one out of order", {{"三", 0, 28}, {"二b", 20, 14}, {"一", 0, 0}, {"二a", 0, 14}},
       {"一", "二a二b", "三"}},
  };
  for (const Case& c : cases) {
    std::vector<Glyph> glyphs;
    for (const Word& w : c.words)
      for (const Glyph& g : word(w.text, w.x, w.y)) glyphs.push_back(g);
    std::vector<std::string> got;
    for (const auto& line : layout_parts::visual_lines(pointers(glyphs))) {
      std::string text;
      for (const Glyph* g : line) text += g->text;
      got.push_back(text);
    }
    EXPECT_EQ(got, c.lines) << c.what;
  }
}

TEST(GlyphLines, EmOfWideGlyphsIsTheirWidth) {
  std::vector<Glyph> g = word("終了時", 0, 0, 11, 28.6);
  EXPECT_DOUBLE_EQ(layout_parts::em_of(pointers(g)), 11);
}

TEST(GlyphLines, EmOfNarrowGlyphsInTallBoxesIsBoundByTheirWidth) {
  // Chromium's Type 3 boxes run from the font's ascent to its descent: 2.6
  // ems for `11.1%` at 11 pt. Half-width glyphs are half an em wide.
  std::vector<Glyph> g = word("11.1%", 0, 0, 11, 28.6);
  EXPECT_DOUBLE_EQ(layout_parts::em_of(pointers(g)), 11);
}

TEST(GlyphLines, EmOfNarrowGlyphsInBoxesOfTheTextIsTheirHeight) {
  std::vector<Glyph> g = word("2020", 0, 0, 12, 10);
  EXPECT_DOUBLE_EQ(layout_parts::em_of(pointers(g)), 10);
}

}  // namespace
}  // namespace kpix

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

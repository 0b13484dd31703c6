// A line's em (pipeline/layout/glyph_lines): the font size its glyphs show,
// however tall their boxes are drawn.
#include <gtest/gtest.h>

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

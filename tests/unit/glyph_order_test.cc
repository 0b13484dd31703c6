// Glyphs in position order (pipeline/load/glyph_order): the order a PDF draws
// its text in must not change what layout makes of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "pipeline/load/glyph_order.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

std::vector<std::string> texts(const std::vector<Glyph>& g) {
  std::vector<std::string> out;
  for (const Glyph& x : g) out.push_back(x.text);
  return out;
}

// Two rows of a table drawn column by column, as some producers draw it.
std::vector<Glyph> two_rows() {
  return glyphs_of({word("指標", 20, 100), word("基準値", 120, 100), word("目標", 220, 100),
                    word("人口", 20, 130), word("72人", 120, 130), word("90人", 220, 130)});
}

TEST(GlyphOrder, ByCentreHeightThenLeftEdge) {
  std::vector<Glyph> g = glyphs_of({word("下", 40, 130), word("右", 60, 100), word("左", 20, 100)});
  sort_by_position(g);
  EXPECT_EQ(texts(g), (std::vector<std::string>{"左", "右", "下"}));
}

TEST(GlyphOrder, TiesBrokenByRightEdgeTopAndText) {
  // Same centre and left edge: the narrower first; then the one drawn
  // higher (same centre, so taller); then by text.
  std::vector<Glyph> g = {{"b", {10, 10, 20, 20}}, {"a", {10, 10, 20, 20}}, {"w", {10, 10, 25, 20}},
                          {"t", {10, 5, 20, 25}}};
  sort_by_position(g);
  EXPECT_EQ(texts(g), (std::vector<std::string>{"t", "a", "b", "w"}));
}

TEST(GlyphOrder, AnyInputOrderGivesOneOrder) {
  std::vector<Glyph> reference = two_rows();
  sort_by_position(reference);
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<Glyph> g = two_rows();
    std::shuffle(g.begin(), g.end(), rng);
    sort_by_position(g);
    EXPECT_EQ(texts(g), texts(reference)) << "trial " << trial;
  }
}

TEST(GlyphOrder, NotANumberSortsLastWithoutBreakingTheSort) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Glyph> g = glyphs_of({word("中", 40, 100), word("後", 60, 200)});
  g.push_back({"無", {nan, nan, nan, nan}});
  g.insert(g.begin(), Glyph{"x", {nan, 0, 5, 10}});  // centre 5, left edge NaN
  g.push_back({"前", {10, 0, 20, 10}});              // centre 5
  sort_by_position(g);
  EXPECT_EQ(texts(g), (std::vector<std::string>{"前", "x", "中", "後", "無"}));
}

}  // namespace
}  // namespace kpix

// Dotted borders: Chromium (Skia) paints each dot of a dotted border as its own
// small filled square. merge_rules reads a line of such dots as one border in
// the direction of the line, whatever the shape of one dot.
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/load/rule_finder.h"

namespace kpix {
namespace {

// Dots of `size` points, every `step` points, from (x, y) along one direction,
// each as the page reader records a filled square (w >= h: horizontal).
std::vector<Rule> dots(bool horizontal, double x, double y, int count, double size = 0.75, double step = 1.5) {
  std::vector<Rule> out;
  for (int i = 0; i < count; ++i) {
    double x0 = horizontal ? x + i * step : x, y0 = horizontal ? y : y + i * step;
    out.push_back({true, y0 + size / 2, x0, x0 + size, size});
  }
  return out;
}

struct DotCase {
  const char* name;
  std::vector<Rule> pieces;
  std::vector<Rule> want;  // horizontal, pos, from, to
};

std::vector<Rule> join(std::vector<Rule> a, const std::vector<Rule>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

class RuleDots : public ::testing::TestWithParam<DotCase> {};

TEST_P(RuleDots, LinesOfDotsAreBorders) {
  auto got = merge_rules(GetParam().pieces);
  ASSERT_EQ(got.size(), GetParam().want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(got[i].horizontal, GetParam().want[i].horizontal);
    EXPECT_NEAR(got[i].pos, GetParam().want[i].pos, 0.01);
    EXPECT_NEAR(got[i].from, GetParam().want[i].from, 0.01);
    EXPECT_NEAR(got[i].to, GetParam().want[i].to, 0.01);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Pieces, RuleDots,
    ::testing::Values(
        // 20 dots down: a vertical border 29.25 pt long, not twenty specks
        DotCase{"vertical_line", dots(false, 100, 10, 20), {{false, 100.375, 10, 39.25}}},
        DotCase{"horizontal_line", dots(true, 10, 50, 10), {{true, 50.375, 10, 24.25}}},
        // a cell's box: two dotted sides and two dotted tops share corner dots
        DotCase{"box",
                join(join(dots(true, 10, 10, 21), dots(true, 10, 40, 21)),
                     join(dots(false, 10, 10, 21), dots(false, 40, 10, 21))),
                {{true, 10.375, 10, 40.75}, {true, 40.375, 10, 40.75},
                 {false, 10.375, 10, 40.75}, {false, 40.375, 10, 40.75}}},
        // a dotted border meets a solid one: the dots end at it, both are kept
        DotCase{"dots_and_solid",
                join({{true, 200, 0, 80, 0.75}}, dots(false, 80, 200, 12)),
                {{true, 200, 0, 80}, {false, 80.375, 200, 217.25}}},
        // two dots are no line: a bullet pair or a glyph's part, too short to keep
        DotCase{"two_dots_are_no_border", dots(false, 100, 10, 2), {}},
        // dots farther apart than a border's gaps are a column of specks
        DotCase{"spaced_dots", dots(false, 100, 10, 8, 0.75, 14), {}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace kpix

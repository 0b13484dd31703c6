// Grids printed from a spreadsheet (issue 12, the lo-calc column of the
// rendering matrix). A sheet's columns are the union of the column edges of
// every table on it, and the grid is drawn sheet column by sheet column, in
// pieces as short as the narrowest sheet column. Hand-built rules in, joined
// rules out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/load/rule_finder.h"

namespace kpix {
namespace {

// --- A border is pieces as short as its narrowest sheet column -------------

struct PiecesCase {
  const char* name;
  std::vector<Rule> pieces;
  std::vector<Rule> want;  // horizontal rules, by position then start
};

class ShortPiecesOfABorder : public testing::TestWithParam<PiecesCase> {};

TEST_P(ShortPiecesOfABorder, JoinOrAreDropped) {
  std::vector<Rule> got = merge_rules(GetParam().pieces);
  ASSERT_EQ(got.size(), GetParam().want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].horizontal, GetParam().want[i].horizontal) << i;
    EXPECT_NEAR(got[i].pos, GetParam().want[i].pos, 1e-9) << i;
    EXPECT_NEAR(got[i].from, GetParam().want[i].from, 1e-9) << i;
    EXPECT_NEAR(got[i].to, GetParam().want[i].to, 1e-9) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    SheetGrids, ShortPiecesOfABorder,
    testing::Values(
        // A row border drawn per sheet column: 0.4 pt and 2 pt pieces between
        // long ones, 0.1 pt apart, are one rule across the table.
        PiecesCase{"PiecesOfSlenderColumnsJoin",
                   {{true, 50, 0, 40}, {true, 50, 40.1, 40.5}, {true, 50, 40.6, 80}, {true, 50, 80.1, 82.1},
                    {true, 50, 82.2, 120}},
                   {{true, 50, 0, 120}}},
        // A short stroke alone (a tick, part of a drawn glyph) is no border.
        PiecesCase{"ALoneShortStrokeIsNone", {{true, 50, 0, 60}, {true, 90, 10, 12.5}}, {{true, 50, 0, 60}}},
        // Short pieces alone but together as long as a border are one.
        PiecesCase{"ShortPiecesTogetherAsLongAsABorder",
                   {{true, 30, 0, 2}, {true, 30, 2.1, 4}, {true, 30, 4.1, 6}},
                   {{true, 30, 0, 6}}}),
    [](const testing::TestParamInfo<PiecesCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace kpix

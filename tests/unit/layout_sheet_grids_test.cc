// Grids printed from a spreadsheet (issue 12, the lo-calc column of the
// rendering matrix). A sheet's columns are the union of the column edges of
// every table on it, so two tables stacked on one grid draw their edges on
// sheet columns a point or two apart; the grid is drawn sheet column by sheet
// column, in pieces as short as the narrowest sheet column; and a sheet
// fitted to its paper has rows of small text only a few points high.
// Hand-built pages: glyph boxes and rules in, cells out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "pipeline/load/rule_finder.h"

namespace kpix {
namespace {

// Glyphs for `text` (one per code point; full width `w`, half width w / 2, `w`
// high) from x on a line whose top is y.
std::vector<Glyph> text_at(const std::string& text, double x, double y, double w) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    double gw = n == 1 ? w / 2 : w;
    out.push_back({text.substr(i, n), {x, y, x + gw, y + w}});
    x += gw;
    i += n;
  }
  return out;
}

std::vector<Glyph> joined(std::vector<std::vector<Glyph>> parts) {
  std::vector<Glyph> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::vector<std::vector<std::string>> cell_texts(const std::vector<Line>& lines) {
  std::vector<std::vector<std::string>> out;
  for (const Line& l : lines) {
    out.emplace_back();
    for (const Cell& c : l.cells)
      if (!c.text.empty()) out.back().push_back(c.text);
  }
  return out;
}

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

// --- Tables stacked on one grid draw their edges apart ---------------------

TEST(SheetGrids, EachRowIsReadAgainstTheEdgeDrawnInIt) {
  // Two tables on one sheet, each two columns: the upper ruled at x = 102.9,
  // the lower at x = 100 (one grid line: closer than kSnap). The upper's
  // number `313` is right-aligned against its own edge: its last digit's
  // centre (100.3) lies right of the lower table's edge, left of its own.
  std::vector<Rule> rules = {{true, 0, 0, 200},     {true, 20, 0, 200},    {true, 40, 0, 200},
                             {false, 0, 0, 40},     {false, 200, 0, 40},   {false, 102.9, 0, 20},
                             {false, 100, 20, 40}};
  auto glyphs = joined({text_at("313", 87.8, 5, 10), text_at("275", 150, 5, 10), text_at("年末人口", 5, 25, 10),
                        text_at("74204", 150, 25, 10)});
  auto lines = analyze_layout(glyphs, rules);
  std::vector<std::vector<std::string>> want = {{"313", "275"}, {"年末人口", "74204"}};
  EXPECT_EQ(cell_texts(lines), want);
}

// --- Rows of small text are shorter than two kTouch -------------------------

TEST(SheetGrids, ARuleOfTheRowBelowIsNotDrawnInAThinRow) {
  // Rows 5 pt high (a sheet fitted to its paper). The top row's heading
  // spans both columns (merged: no rule at x = 100 in it); the rule at x = 100
  // is drawn in the row below only, and ends 2.5 pt from the top row's
  // middle: less than kTouch, yet not in that row.
  std::vector<Rule> rules = {{true, 0, 0, 200},  {true, 5, 0, 200},   {true, 10, 0, 200},
                             {false, 0, 0, 10},  {false, 200, 0, 10}, {false, 100, 5, 10}};
  auto glyphs = joined({text_at("第1期総合戦略", 86, 0.5, 4), text_at("509", 80, 5.5, 4), text_at("491", 180, 5.5, 4)});
  auto lines = analyze_layout(glyphs, rules);
  std::vector<std::vector<std::string>> want = {{"第1期総合戦略"}, {"509", "491"}};
  EXPECT_EQ(cell_texts(lines), want);
}

}  // namespace
}  // namespace kpix

// Rule 8 (issue 12): a frame is not a column boundary. A ruled region's
// columns come from its vertical rules only where those rules cut its rows;
// elsewhere from the text's common gaps, as for tables ruled by rows only.
// Hand-built pages: one three-column table of three rows drawn several ways.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

// 指標 | 基準値 | 目標値 over two body rows, rows 20 high from y = 0, columns
// starting at x = 5, 120, 220 in a table 300 wide.
std::vector<Glyph> table_text() {
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("基準値", 120, 5), word("目標値", 220, 5), word("転入者数", 5, 25),
                 word("1,200人", 120, 25), word("1,500人", 220, 25), word("出生数", 5, 45), word("310人", 120, 45),
                 word("350人", 220, 45)})
    g.insert(g.end(), w.begin(), w.end());
  return g;
}

std::vector<Rule> row_rules() {
  return {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 40, 0, 300}, {true, 60, 0, 300}};
}

// The frame's sides, and vertical rules between the columns over [from, to].
std::vector<Rule> frame_sides() { return {{false, 0, 0, 60}, {false, 300, 0, 60}}; }
std::vector<Rule> inner_verticals(double from, double to) {
  return {{false, 100, from, to}, {false, 200, from, to}};
}

struct FrameCase {
  const char* name;
  std::vector<Rule> rules;
};

std::vector<Rule> joined(std::vector<std::vector<Rule>> parts) {
  std::vector<Rule> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

class FrameIsNoColumnBoundary : public testing::TestWithParam<FrameCase> {};

TEST_P(FrameIsNoColumnBoundary, ThreeRowsOfThreeCells) {
  auto lines = analyze_layout(table_text(), GetParam().rules);
  ASSERT_EQ(lines.size(), 3u);
  std::vector<std::vector<std::string>> want = {
      {"指標", "基準値", "目標値"}, {"転入者数", "1,200人", "1,500人"}, {"出生数", "310人", "350人"}};
  for (size_t r = 0; r < 3; ++r) {
    ASSERT_EQ(lines[r].cells.size(), 3u) << "row " << r;
    EXPECT_GE(lines[r].table, 0);
    for (size_t c = 0; c < 3; ++c) {
      EXPECT_EQ(lines[r].cells[c].text, want[r][c]) << "row " << r << " column " << c;
      EXPECT_EQ(lines[r].cells[c].column, int(c));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rule8, FrameIsNoColumnBoundary,
    testing::Values(
        // Horizontal rules only: the reference.
        FrameCase{"HorizontalRulesOnly", row_rules()},
        // Word's style: an outer frame, horizontal rules inside, no inner verticals.
        FrameCase{"FrameAroundRuledRows", joined({row_rules(), frame_sides()})},
        // A ruled header (verticals in its row only) over a framed body of ruled rows.
        FrameCase{"RuledHeaderOverFramedRows", joined({row_rules(), frame_sides(), inner_verticals(0, 20)})},
        // A full grid: the vertical rules cut every row and give the columns.
        FrameCase{"FullGrid", joined({row_rules(), frame_sides(), inner_verticals(0, 60)})}),
    [](const testing::TestParamInfo<FrameCase>& i) { return std::string(i.param.name); });

TEST(FrameIsNoColumnBoundary, ASectionRowAcrossARuledGridStaysInIt) {
  // One row that no inner rule cuts (a section heading across the table)
  // between rows that inner rules cut: still one ruled table.
  std::vector<Rule> rules = {{true, 0, 0, 300},   {true, 20, 0, 300}, {true, 40, 0, 300},
                             {true, 60, 0, 300},  {false, 0, 0, 60},  {false, 300, 0, 60},
                             {false, 100, 0, 20}, {false, 200, 0, 20}, {false, 100, 40, 60},
                             {false, 200, 40, 60}};
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("基準値", 120, 5), word("目標値", 220, 5), word("基本目標１ひとを育てる", 5, 25),
                 word("出生数", 5, 45), word("310人", 120, 45), word("350人", 220, 45)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, rules);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].table, lines[2].table);
  EXPECT_EQ(lines[1].table, lines[0].table);
  ASSERT_EQ(lines[1].cells.size(), 3u);
  EXPECT_EQ(lines[1].cells[0].text, "基本目標１ひとを育てる");
  EXPECT_EQ(lines[2].cells[2].text, "350人");
}

TEST(FrameIsNoColumnBoundary, OneFramedRowUnderATwoRowRuledHeaderTakesColumnsFromItsText) {
  // Header rows 0-1 cut by inner rules; row 2 (two lines of text) cut by none.
  std::vector<Rule> rules = {{true, 0, 0, 300},   {true, 20, 0, 300},  {true, 40, 0, 300},
                             {true, 80, 0, 300},  {false, 0, 0, 80},   {false, 300, 0, 80},
                             {false, 100, 0, 40}, {false, 200, 0, 40}};
  std::vector<Glyph> g;
  for (auto w : {word("取組み", 5, 5), word("重要業績評価指標", 120, 5), word("項目", 120, 25), word("基準値", 220, 25),
                 word("相談窓口を開催", 5, 45), word("創業人数", 120, 45), word("26人", 220, 45),
                 word("創業塾を実施", 5, 60)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, rules);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2].table, lines[0].table);
  ASSERT_EQ(lines[2].cells.size(), 3u);
  EXPECT_EQ(lines[2].cells[0].text, "相談窓口を開催\n創業塾を実施");
  EXPECT_EQ(lines[2].cells[1].text, "創業人数");
  EXPECT_EQ(lines[2].cells[2].text, "26人");
}

// A ruled grid of eight rows 20 high: rows 0-1 and 6-7 cut by inner rules
// at `top_x` and `bottom_x`, rows 2-5 cut by none (two rows of text each).
std::vector<Rule> grid_with_uncut_middle(std::vector<double> top_x, std::vector<double> bottom_x) {
  std::vector<Rule> r;
  for (double y = 0; y <= 160; y += 20) r.push_back({true, y, 0, 300});
  r.push_back({false, 0, 0, 160});
  r.push_back({false, 300, 0, 160});
  for (double x : top_x) r.push_back({false, x, 0, 40});
  for (double x : bottom_x) r.push_back({false, x, 120, 160});
  return r;
}

TEST(FrameIsNoColumnBoundary, UncutRowsBetweenRowsRuledAlikeAreSectionRowsOfOneTable) {
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("基準値", 120, 5), word("就業者数", 5, 25), word("7,740人", 120, 25),
                 word("(1)人材育成", 5, 45), word("①就労支援", 5, 65), word("(2)雇用対策", 5, 85),
                 word("②創業支援", 5, 105), word("転入者数", 5, 125), word("1,200人", 120, 125),
                 word("出生数", 5, 145), word("310人", 120, 145)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, grid_with_uncut_middle({100}, {100}));
  ASSERT_EQ(lines.size(), 8u);
  for (const Line& l : lines) EXPECT_EQ(l.table, lines[0].table) << l.cells[0].text;
  EXPECT_EQ(lines[2].cells[0].text, "(1)人材育成");
  EXPECT_EQ(lines[7].cells[1].text, "310人");
}

TEST(FrameIsNoColumnBoundary, UncutRowsBetweenRowsRuledApartPartTwoTables) {
  // A sheet's two tables on one grid: columns at 100 above, at 150 and 220 below.
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("基準値", 120, 5), word("就業者数", 5, 25), word("7,740人", 120, 25),
                 word("基本目標２", 5, 45), word("ひとの流れ", 5, 65), word("施策", 5, 85), word("の方向", 5, 105),
                 word("事業", 5, 125), word("3年度", 160, 125), word("4年度", 230, 125), word("移住", 5, 145),
                 word("11", 160, 145), word("12", 230, 145)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, grid_with_uncut_middle({100}, {150, 220}));
  auto first = std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.cells[0].text == "指標"; });
  auto last = std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.cells[0].text == "移住"; });
  ASSERT_NE(first, lines.end());
  ASSERT_NE(last, lines.end());
  EXPECT_NE(first->table, last->table);
  ASSERT_EQ(last->cells.size(), 3u);
  EXPECT_EQ(last->cells[2].text, "12");
}

}  // namespace
}  // namespace kpix

// Rule 8 (issue 12): a frame is not a column boundary. A ruled region's
// columns come from its vertical rules only where those rules cut its rows;
// elsewhere from the text's common gaps, as for tables ruled by rows only.
// Hand-built pages: one three-column table of three rows drawn several ways.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"

namespace kpix {
namespace {

std::vector<Glyph> word(const std::string& text, double x, double y) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    double w = n == 1 ? 5 : 10;
    out.push_back({text.substr(i, n), {x, y, x + w, y + 10}});
    x += w;
    i += n;
  }
  return out;
}

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

}  // namespace
}  // namespace kpix

// A row the page break split, in a fully ruled grid: the grid's vertical
// rules run on past its last horizontal rule to the foot of the page (or
// start above its first, at the top of the next), and nothing closes the row
// there. Its text is a row of the grid, not free lines (苫小牧's 令和元年 row
// printed on B5, the year label's characters stacked down a narrow cell).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

// Columns at 0, 100, 200, 300; horizontal rules at `ys`; the vertical rules
// from `v_from` to `v_to`.
std::vector<Rule> grid(const std::vector<double>& ys, double v_from, double v_to) {
  std::vector<Rule> r;
  for (double y : ys) r.push_back({true, y, 0, 300});
  for (double x : {0.0, 100.0, 200.0, 300.0}) r.push_back({false, x, v_from, v_to});
  return r;
}

TEST(OpenRows, TheVerticalRulesRunningToThePageFootCloseTheLastRow) {
  auto g = glyphs_of({word("年次", 5, 5), word("世帯数", 105, 5), word("総人口", 205, 5), word("平成30年", 5, 25),
                      word("88 545", 105, 25), word("171 811", 205, 25), word("令和元年", 5, 45),
                      word("89 460", 105, 45), word("171 242", 205, 45)});
  auto lines = analyze_layout(g, grid({0, 20, 40}, 0, 70));
  const Line* header = line_headed(lines, "年次");
  const Line* split = line_headed(lines, "令和元年");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(split, nullptr);
  EXPECT_GE(header->table, 0);
  EXPECT_EQ(split->table, header->table);
  ASSERT_EQ(split->cells.size(), 3u);
  EXPECT_EQ(split->cells[2].text, "171 242");
}

TEST(OpenRows, TheVerticalRulesStartingAtThePageTopOpenTheFirstRow) {
  // The next page: the split row's tail above the first rule, then two rows.
  auto g = glyphs_of({word("(2019年)", 5, 8), word("令和2年", 5, 35), word("89 992", 105, 35), word("170 205", 205, 35),
                      word("令和3年", 5, 55), word("90 525", 105, 55), word("169 528", 205, 55)});
  auto lines = analyze_layout(g, grid({30, 50, 70}, 0, 70));
  const Line* tail = line_headed(lines, "(2019年)");
  const Line* row = line_headed(lines, "令和2年");
  ASSERT_NE(tail, nullptr);
  ASSERT_NE(row, nullptr);
  EXPECT_GE(row->table, 0);
  EXPECT_EQ(tail->table, row->table);
}

TEST(OpenRows, TextUnderAGridClosedByItsLastRuleIsFree) {
  // The vertical rules end on the last rule: a note under the table.
  auto g = glyphs_of({word("年次", 5, 5), word("世帯数", 105, 5), word("総人口", 205, 5), word("平成30年", 5, 25),
                      word("88 545", 105, 25), word("171 811", 205, 25), word("※各年12月末現在", 5, 50)});
  auto lines = analyze_layout(g, grid({0, 20, 40}, 0, 40));
  const Line* note = line_headed(lines, "※各年12月末現在");
  ASSERT_NE(note, nullptr);
  EXPECT_LT(note->table, 0);
}

}  // namespace
}  // namespace kpix

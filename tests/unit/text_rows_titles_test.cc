// A title's line over the description it heads, in a table whose rows are
// centred on their cells (find_text_rows, pipeline/layout/text_rows.h): one
// cell where the values stand centred on both, two rows where they stand
// centred on the lower alone or at its top.
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/layout/text_rows.h"

namespace kpix {
namespace {

TextRun run(size_t line, size_t column, double cy, double right) {
  const double em = 9.5;
  return {line, column, cy - em / 2, cy + em / 2, false, right, column == 0 ? 350.7 : 423.9};
}

// 芦別's 具体的な施策 printed by Writer (9.5 pt, lines 19.7 pt apart) under a
// shaded header that draws its columns' ends: the title `①
// ゼロカーボンシティの推進` (ending far short of its column's end), a
// description of four lines under it (each but the last to the end), and
// 未策定 in the next column beside description line `value_line`.
std::vector<TextCell> column0_cells(size_t value_line) {
  const double cy[] = {531.2, 550.9, 570.7, 590.4, 610.2};
  std::vector<TextRun> runs = {run(0, 0, cy[0], 165.5), run(1, 0, cy[1], 349.0), run(2, 0, cy[2], 349.0),
                               run(3, 0, cy[3], 349.0), run(4, 0, cy[4], 290.0),
                               run(value_line, 1, cy[value_line], 383.8)};
  std::vector<TextCell> out;
  for (const TextCell& c : find_text_rows(runs).cells)
    if (c.column == 0) out.push_back(c);
  return out;
}

TEST(TextRowsTitles, ATitleOverItsDescriptionIsOneCellWhereTheValuesStandCentredOnBoth) {
  std::vector<TextCell> cells = column0_cells(2);  // the middle of title and description
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0].first_line, 0u);
}

TEST(TextRowsTitles, AHeadingOverARowWhoseValuesStandAtItsTopIsARowOfItsOwn) {
  std::vector<TextCell> cells = column0_cells(1);  // beside the description's first line
  EXPECT_EQ(cells.size(), 2u);
}

}  // namespace
}  // namespace kpix

// Rows found from text where a name spans a KPI's 目標値 and 実績値 rows
// (find_text_rows, pipeline/layout/text_rows.h): the break between the two
// rows is placed where every cell across it reaches both.
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/layout/text_rows.h"

namespace kpix {
namespace {

TextRun run(size_t line, size_t column, double cy, bool number, double right) {
  const double em = 7.5;
  return {line, column, cy - em / 2, cy + em / 2, number, right};
}

TEST(TextRowsPairs, ANameCentredOnTheTwoRowsTouchingTheLowerOnlyStaysWithThem) {
  // 砂川's 集計表 printed by Writer without borders: 目標値 and 実績値 rows
  // 27.5 pt apart, the name wrapped onto two lines between them (its lower
  // line beside 実績値), a remark of four lines beside all. The break goes
  // right under the 目標値 row, the only gap every cell across spans both.
  // Columns: 0 name, 1 区分, 2 value, 3 remark.
  std::vector<TextRun> runs = {
      run(0, 1, 476.0, false, 250.0), run(0, 2, 476.0, true, 290.0), run(0, 3, 476.0, false, 800.0),
      run(1, 0, 489.5, false, 110.0), run(1, 3, 489.5, false, 800.0),
      run(2, 0, 503.0, false, 95.0),  run(2, 1, 503.0, false, 250.0), run(2, 2, 503.0, true, 285.0),
      run(2, 3, 503.0, false, 800.0), run(3, 3, 516.6, false, 700.0)};
  TextRows rows = find_text_rows(runs);
  ASSERT_EQ(rows.breaks.size(), 1u);
  EXPECT_EQ(rows.breaks[0], 0u);
  size_t names = 0;
  for (const TextCell& c : rows.cells) names += c.column == 0;
  EXPECT_EQ(names, 1u);
}

}  // namespace
}  // namespace kpix

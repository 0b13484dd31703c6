// Rows found from text in a narrow column: labels wrapped onto several lines
// each, one under another, whose own leading says where one ends and the next
// begins (find_text_rows, pipeline/layout/text_rows.h).
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/layout/text_rows.h"

namespace kpix {
namespace {

TextRun run(size_t line, size_t column, double cy, double em, bool number) {
  return {line, column, cy - em / 2, cy + em / 2, number, 0};
}

TEST(TextRowsLeading, LabelsWrappedInANarrowColumnAreACellEach) {
  // 岩見沢's 年代別社会増減 on B5 pages: `14 / 歳以 / 下` and `15 / ～ / 19 /
  // 歳` in a column 30 pt wide, 13.5 pt apart inside a label, 18 pt between
  // two (1.5 em of the digits' width-based em); each label's value beside it.
  std::vector<TextRun> runs = {
      run(0, 0, 147.9, 12.1, true),  run(1, 0, 162.2, 11, false), run(1, 1, 162.2, 12.1, true),
      run(2, 0, 175.7, 11, false),   run(3, 0, 193.7, 12.1, true), run(4, 0, 207.2, 11, false),
      run(5, 1, 213.9, 12.1, true),  run(6, 0, 220.7, 12.1, true), run(7, 0, 234.9, 11, false)};
  TextRows rows = find_text_rows(runs);
  size_t labels = 0;
  for (const TextCell& c : rows.cells) labels += c.column == 0;
  EXPECT_EQ(labels, 2u);
  ASSERT_EQ(rows.breaks.size(), 1u);
  EXPECT_EQ(rows.breaks[0], 2u);  // between `下` and `15`
}

}  // namespace
}  // namespace kpix

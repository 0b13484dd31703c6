// Rows found from text by the leading of its lines: labels wrapped onto
// several lines each in a narrow column, whose own leading says where one
// ends and the next begins; cells wrapped at a wide leading to the ends a
// header draws for their columns (find_text_rows, pipeline/layout/
// text_rows.h).
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

TextRun run_to(size_t line, size_t column, double cy, double em, double right, double edge) {
  return {line, column, cy - em / 2, cy + em / 2, false, right, edge};
}

TEST(TextRowsLeading, CellsWrappedAtTheirDrawnEndsJoinAtAWideLeading) {
  // LibreOffice Writer's unpadded table at 11 pt under a shaded header that
  // draws its columns' ends (323 and 447.6): lines 19.9 pt (1.8 em) apart, a
  // description wrapped onto five lines beside a name wrapped onto two, the
  // values set between the name's lines. No row pitch is known; each line
  // that wraps ran to its column's drawn end.
  std::vector<TextRun> runs = {
      run_to(0, 0, 146.2, 11, 322.4, 323), run_to(1, 0, 166.1, 11, 322.4, 323), run_to(1, 1, 166.1, 11, 438.0, 447.6),
      run(2, 2, 176.0, 11, true),          run(2, 3, 176.0, 11, true),          run_to(3, 0, 186.0, 11, 322.4, 323),
      run_to(3, 1, 186.0, 11, 339.0, 447.6), run_to(4, 0, 205.9, 11, 190.4, 323)};
  TextRows rows = find_text_rows(runs);
  std::vector<size_t> per_column(4, 0);
  for (const TextCell& c : rows.cells) ++per_column[c.column];
  EXPECT_EQ(per_column[0], 1u);  // the description
  EXPECT_EQ(per_column[1], 1u);  // `創業塾受講後の創業人` over `数`
  EXPECT_TRUE(rows.breaks.empty());
}

TEST(TextRowsLeading, LinesShortOfTheirDrawnEndsAreRowsAtAWideLeading) {
  // The same leading, each line a row of its own: names far short of their
  // column's drawn end (the ends of the text alone would call the longest
  // one wrapped).
  std::vector<TextRun> runs = {run_to(0, 0, 146.2, 11, 90.0, 323), run_to(1, 0, 166.1, 11, 80.0, 323),
                               run_to(2, 0, 186.0, 11, 85.0, 323)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.cells.size(), 3u);
}

TEST(TextRowsLeading, ALineTwoCharactersShortOfItsDrawnEndWrapped) {
  // 芦別's KPI cell printed by Writer at 9.5 pt, 19.7 pt apart: `2024年度
  // （令和6年` ends 18.2 pt (1.9 em) short of its column's drawn end, the
  // closing bracket and the character before it moved down together;
  // `未策定` in the next column between its lines.
  std::vector<TextRun> runs = {run_to(0, 1, 561.5, 9.5, 517.8, 536.0), run(1, 0, 571.4, 9.5, false),
                               run_to(2, 1, 581.2, 9.5, 504.6, 536.0)};
  TextRows rows = find_text_rows(runs);
  size_t kpi = 0;
  for (const TextCell& c : rows.cells) kpi += c.column == 1;
  EXPECT_EQ(kpi, 1u);
}

TEST(TextRowsLeading, DigitsOfALabelWrappedACharacterALineAreNoRowsOfValues) {
  // 苫小牧's 年次 column on B5 pages, 19 pt wide: `平成30年(2018年)` one or two
  // characters a line, 13.5 pt apart, its row's values beside `(2`; `01` and
  // `8` are mostly digits but alone on their lines, so they are no rows.
  // Lines: 平 / 成 / 30 / 年 / (2 / 01 / 8 / 年 / ), the digits 30, 01 and 8.
  std::vector<TextRun> runs;
  for (size_t k = 0; k < 9; ++k) {
    bool digits = k == 2 || k == 5 || k == 6;
    runs.push_back({k, 0, 480 + 13.5 * double(k) - 4.75, 480 + 13.5 * double(k) + 4.75, digits, 48.0});
    if (k == 4) {
      runs.push_back(run(k, 1, 480 + 13.5 * 4, 9.5, true));
      runs.push_back(run(k, 2, 480 + 13.5 * 4, 9.5, true));
    }
  }
  TextRows rows = find_text_rows(runs);
  size_t labels = 0;
  for (const TextCell& c : rows.cells) labels += c.column == 0;
  EXPECT_EQ(labels, 1u);
  EXPECT_TRUE(rows.breaks.empty());
}

}  // namespace
}  // namespace kpix

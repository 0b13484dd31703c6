// assign_columns_by_header: the body of a lone header, its cells cut from its
// own text, numbered by the header cell over each (pipeline/tables/table.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/tables/table.h"

namespace kpix {
namespace {

TableCell cell(const std::string& text, double x0, double x1, double y, int column = -1) {
  TableCell c;
  c.text = text;
  c.box = {x0, y, x1, y + 18};
  c.column = column;
  return c;
}

TableRow row_of(std::vector<TableCell> cells) {
  TableRow r;
  r.cells = std::move(cells);
  for (const TableCell& c : r.cells) r.box = r.box.united(c.box);
  return r;
}

int column_of(const Table& t, const std::string& text) {
  for (const TableRow& r : t.rows)
    for (const TableCell& c : r.cells)
      if (c.text == text) return c.column;
  return -100;
}

TEST(ColumnsByHeader, ACellSpanningTheHeadersRowsHeadsTheColumnUnderIt) {
  // 岩見沢's KPI table printed on B5: `令和4年度の取組み` spans both header
  // rows; the second row, the finest, has no cell over its column.
  Table t;
  t.rows.push_back(row_of({cell("令和4年度の取組み", 34, 151, 0, 0), cell("重要業績評価指標(KPI)", 151, 482, 0, 1)}));
  t.rows.push_back(row_of({cell("項目", 151, 206, 18, 1), cell("基準値", 206, 264, 18, 2), cell("2020", 264, 322, 18, 3),
                           cell("目標値", 322, 482, 18, 4)}));
  t.rows.push_back(row_of({cell("第3子以降保育料無料化に加え", 36, 150, 40), cell("子どもが2人以上の世帯の割合", 150, 208, 40),
                           cell("53.8%", 208, 264, 40), cell("53.1%", 264, 321, 40), cell("55.0%", 321, 478, 40)}));
  assign_columns_by_header(t, 2);
  // Each body cell under the header cell over it (sub-column 0).
  EXPECT_EQ(column_of(t, "第3子以降保育料無料化に加え"), 0 * kSubColumns);
  EXPECT_EQ(column_of(t, "子どもが2人以上の世帯の割合"), 1 * kSubColumns);
  EXPECT_EQ(column_of(t, "53.8%"), 2 * kSubColumns);
  EXPECT_EQ(column_of(t, "53.1%"), 3 * kSubColumns);
  EXPECT_EQ(column_of(t, "55.0%"), 4 * kSubColumns);
}

TEST(ColumnsByHeader, AHeaderCellOverTheYearsGivesWayToThem) {
  // The same table in a Word-style report: 項目 and 基準値 span both header
  // rows beside `重要業績評価指標（KPI）` over the years, so the first row has
  // the most cells; the body carried onto the next page (its cells cut from
  // its own text, the centred dashes narrow) goes under the years, not all
  // under the heading over them.
  Table t;
  t.rows.push_back(row_of({cell("令和4年度の取組み", 34, 202, 0, 0), cell("項目", 202, 276, 0, 1),
                           cell("基準値", 276, 334, 0, 2), cell("重要業績評価指標(KPI)", 334, 503, 0, 3),
                           cell("目標値", 503, 562, 0, 6)}));
  t.rows.push_back(row_of({cell("2020", 334, 390, 18, 3), cell("2021", 390, 446, 18, 4), cell("2022", 446, 503, 18, 5)}));
  t.rows.push_back(row_of({cell("新規作物の販売額", 198, 275, 40), cell("-", 275, 310, 40), cell("--", 310, 367, 40),
                           cell("---", 367, 422, 40), cell("0", 422, 492, 40), cell("14,000千円", 492, 562, 40)}));
  assign_columns_by_header(t, 2);
  EXPECT_EQ(column_of(t, "-"), 2 * kSubColumns);
  EXPECT_EQ(column_of(t, "--"), 3 * kSubColumns);
  EXPECT_EQ(column_of(t, "---"), 4 * kSubColumns);
  EXPECT_EQ(column_of(t, "0"), 5 * kSubColumns);
  EXPECT_EQ(column_of(t, "14,000千円"), 6 * kSubColumns);
}

TEST(ColumnsByHeader, ABodyCellGoesUnderTheHeaderOverItsText) {
  // LibreOffice prints the table without borders: the header's cells are its
  // fills, the body's edges are guessed midway between texts, and `3件`'s
  // guessed cell reaches further under 項目 than under 基準値, where its text
  // stands. It goes under 基準値, and keeps its text's extent.
  Table t;
  t.rows.push_back(row_of({cell("令和3年度の取組み", 34, 477, 0, 0), cell("項目", 481, 643, 0, 2),
                           cell("基準値", 648, 692, 0, 4), cell("2020", 697, 757, 0, 6)}));
  t.rows.push_back(row_of({cell("既存農産業と企業との協働", 35, 479, 30), cell("取組みの実証件数", 479, 609, 30),
                           cell("3件", 609, 682, 30), cell("2件", 682, 739, 30)}));
  t.rows[1].cells[2].ink = {648.2, 32, 667.5, 44};
  t.rows[1].cells[3].ink = {697.0, 32, 716.3, 44};
  assign_columns_by_header(t, 1);
  EXPECT_EQ(column_of(t, "取組みの実証件数"), 2 * kSubColumns);
  EXPECT_EQ(column_of(t, "3件"), 4 * kSubColumns);
  EXPECT_EQ(column_of(t, "2件"), 6 * kSubColumns);
  EXPECT_DOUBLE_EQ(t.rows[1].cells[2].box.x0, 648.2);
}

}  // namespace
}  // namespace kpix

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

}  // namespace
}  // namespace kpix

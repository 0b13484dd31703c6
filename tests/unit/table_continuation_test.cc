// A table that runs on past the foot of a page: the tail of a row split by
// the page break is told from a row of its own, and joined to its head.
#include "pipeline/records/table_continuation.h"

#include <gtest/gtest.h>

#include "tests/unit/grid_table.h"

namespace kpix {
namespace {

struct FragmentCase {
  const char* what;
  std::vector<std::string> row;
  bool fragment;
};

TEST(TableContinuation, IsRowFragment) {
  const FragmentCase cases[] = {
      {"the rest of a name and of a description", {"る土壌改良やスマート技術導入", "による既存作物の販売額"}, true},
      {"the rest of a value's unit stays with its value's row", {"", "新規販路開拓", "", "", "", "", "円"}, true},
      {"a row with values is a row of its own", {"", "新たなビジネスモデルの創出", "-", "-", "1件", "3件"}, false},
      {"a dash is a value (none) of a row of its own", {"", "対象品目", "—"}, false},
      {"a 区分 word starts a row of a pair", {"", "実績値"}, false},
      {"a numbered name starts an item of its own", {"②新規就農者数"}, false},
      {"a bracketed number too", {"(2) 産業の競争力強化"}, false},
      {"a status word is a value", {"", "農業産出額", "未公表"}, false},
      {"a shared indicator is a KPI of its own",
       {"と、共生社会についての意識啓発を", "登録世帯数", "冬のくらし支援事業との共通指標"},
       false},
  };
  for (const FragmentCase& c : cases) {
    Table t = grid_table({c.row});
    EXPECT_EQ(is_row_fragment(t.rows[0]), c.fragment) << c.what;
  }
  EXPECT_FALSE(is_row_fragment(TableRow{})) << "an empty row is nothing to join";
}

TEST(TableContinuation, JoinFragmentAppendsEachCellToItsColumn) {
  Table head = grid_table({{"消費動向やニーズに即した農産", "新規作物及び", "-", "14,000千"}});
  Table tail = grid_table({{"物生産に向け", "新規販路開拓", "", "円"}});
  join_fragment(head.rows[0], tail.rows[0]);
  const TableRow& row = head.rows[0];
  ASSERT_EQ(row.cells.size(), 4u);
  EXPECT_EQ(row.at(0)->text, "消費動向やニーズに即した農産物生産に向け");
  EXPECT_EQ(row.at(1)->text, "新規作物及び新規販路開拓");
  EXPECT_EQ(row.at(2)->text, "-");
  EXPECT_EQ(row.at(3)->text, "14,000千円");
}

TEST(TableContinuation, JoinFragmentTakesACellOfAColumnTheHeadLeftEmpty) {
  Table head = grid_table({{"研修参加者数", "", "90人"}});
  Table tail = grid_table({{"", "(人)"}});
  join_fragment(head.rows[0], tail.rows[0]);
  ASSERT_EQ(head.rows[0].cells.size(), 3u);
  EXPECT_EQ(head.rows[0].cells[1].column, 1) << "cells stay left to right";
  EXPECT_EQ(head.rows[0].at(1)->text, "(人)");
}

TEST(TableContinuation, AlignColumnsNumbersCellsByTheCellsTheyLineUpWith) {
  Table before = grid_table({{"項目", "基準値", "目標値"}});
  // The next page's grid numbers its columns from 0 again, one column to the
  // right of where the first page's began.
  Table next = grid_table({{"", "転入者数", "100人", "150人"}});
  for (TableCell& c : next.rows[0].cells) {
    c.box.x0 -= 100;
    c.box.x1 -= 100;
  }
  EXPECT_EQ(align_columns(next, before.rows[0].cells), 3);
  EXPECT_EQ(next.rows[0].cells[0].column, 0);
  EXPECT_EQ(next.rows[0].cells[2].column, 2);
}

struct AlignCase {
  const char* what;
  double x0, x1;        // the cell
  double ink0, ink1;    // its glyphs (0, 0: none)
  AlignBy by;
  int column;           // of the cell it lines up with; -1: none
};

TEST(TableContinuation, AlignedWithTakesTheCellSharingMostOfTheWidthWhenDrawnAnotherWay) {
  // Columns 0..100, 100..160, 160..220 (a header whose columns come from its
  // text); the cells of a body drawn with fills sit a few points off. A
  // header cell over the last two columns (column 1) too.
  std::vector<TableCell> header(4);
  const double edges[] = {0, 100, 160, 220};
  for (int i = 0; i < 3; ++i) {
    header[size_t(i)].box = {edges[i], 0, edges[i + 1], 10};
    header[size_t(i)].column = i;
  }
  header[3].box = {100, -10, 220, 0};
  header[3].column = 1;
  const AlignCase cases[] = {
      {"both edges within 4 pt", 2, 98, 0, 0, AlignBy::edges, 0},
      {"edges 8 pt off, most of the width shared", 108, 168, 0, 0, AlignBy::shared_width, 1},
      {"edges 8 pt off, edges only", 108, 168, 0, 0, AlignBy::edges, -1},
      {"a cell over two columns shares too little with either", 40, 160, 0, 0, AlignBy::shared_width, -1},
      {"no overlap", 230, 260, 0, 0, AlignBy::shared_width, -1},
      // A row carried to a page's top, its edges cut at its text's gaps
      // (midway between the glyphs of two columns): its ink says the column.
      {"edges guessed, ink in one column", 130, 200, 165, 190, AlignBy::ink, 2},
      {"edges guessed, ink in one column, not asked by ink", 130, 200, 165, 190, AlignBy::shared_width, -1},
      {"edges guessed, ink across two columns", 60, 140, 70, 130, AlignBy::ink, -1},
      {"edges guessed, ink across two columns under a header cell over both", 130, 200, 140, 190, AlignBy::ink, 1},
      {"ink in a column many times the cell's width", 165, 175, 166, 174, AlignBy::ink, -1},
      {"no ink", 130, 200, 0, 0, AlignBy::ink, -1},
  };
  for (const AlignCase& c : cases) {
    TableCell cell;
    cell.box = {c.x0, 20, c.x1, 30};
    if (c.ink1 > c.ink0) cell.ink = {c.ink0, 21, c.ink1, 29};
    const TableCell* got = aligned_with(cell, header, c.by);
    EXPECT_EQ(got ? got->column : -1, c.column) << c.what;
  }
}

}  // namespace
}  // namespace kpix

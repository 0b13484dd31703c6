// Converter text (../shared/seeds format) to the page model.
#include <gtest/gtest.h>

#include "pipeline/load/text_loader.h"

namespace kpix {
namespace {

TEST(TextLoader, TabsSplitCellsAndTablesAreRunsOfTabbedLines) {
  Page p = parse_converter_text(
      "基本目標 1 の評価指標（KPI）の実績\n"
      "\n"
      "重要業績評価指標（KPI）\t\t基準値\t2020実績\n"
      "総所得の向上\t①1人あたりの総所得\t1,498千円\t1,622千円\n"
      "\t②従業者1人あたりの付加価値額\t3,539千円\t非調査年\n"
      "\n"
      "基準値・目標値等の考え方\n");
  ASSERT_EQ(p.lines.size(), 5u);
  EXPECT_EQ(p.lines[0].table, -1);
  EXPECT_EQ(p.lines[1].table, 0);
  EXPECT_EQ(p.lines[3].table, 0);
  EXPECT_EQ(p.lines[4].table, -1);
  EXPECT_EQ(p.lines[2].source_line, 4);
  EXPECT_EQ(p.lines[2].cells[2].text, "1,498千円");
  EXPECT_EQ(p.lines[2].cells[2].column, 2);
  EXPECT_EQ(p.lines[3].cells[0].text, "");
  EXPECT_EQ(p.lines[3].cells[1].source_line, 5);
}

TEST(TextLoader, LeftoverHtmlBecomesCellText) {
  EXPECT_EQ(strip_markup("<ul style=\"list-style-type: none\"> <li>・ コロナ禍の影響</li></ul>"), "・ コロナ禍の影響");
  EXPECT_EQ(strip_markup("<div style=\"border: 1px solid black;\"> 保育所入所運営事業との共通指標 </div>"),
            "保育所入所運営事業との共通指標");
  EXPECT_EQ(strip_markup("○総合戦略関連事業 **6事業** 5,538万円"), "○総合戦略関連事業 6事業 5,538万円");
  EXPECT_EQ(strip_markup("A &amp; B"), "A & B");
  EXPECT_EQ(strip_markup("<u>登録者数</u> 24名"), "登録者数 24名");
}

}  // namespace
}  // namespace kpix

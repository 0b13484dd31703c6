// Tables without any borders on hand-built pages (pipeline/layout/
// borderless_grids): where report text between tables crosses their columns.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

void add(std::vector<Glyph>& to, const std::vector<Glyph>& g) { to.insert(to.end(), g.begin(), g.end()); }

// The cells of the line whose first cell is `first`, or empty.
std::vector<std::string> row(const std::vector<Line>& lines, const std::string& first, int* table = nullptr) {
  for (const Line& l : lines)
    if (!l.cells.empty() && l.cells[0].text == first) {
      std::vector<std::string> out;
      for (const Cell& c : l.cells) out.push_back(c.text);
      if (table) *table = l.table;
      return out;
    }
  return {};
}

TEST(BorderlessTables, NotesAcrossTheColumnsBetweenTwoTablesPartThem) {
  // 芦別's revision notes without borders: a 具体的な施策 | 基準値 | KPI table
  // whose one row is a project title and two lines of description (14 pt
  // apart) with its values beside the first, 18 pt under the header (cell
  // padding); under it four lines of ※ notes across the page's width, then
  // the next such table. Every line is within three ems of the one before:
  // one block of text.
  std::vector<Glyph> g;
  const std::string note = "※　基準値は令和４年度の実績とし、目標値は計画の最終年度の値として新たに定めるものとする。";
  double y = 0;
  auto table = [&](const std::string& name, const std::string& base, const std::string& target) {
    add(g, word("具体的な施策", 60, y));
    add(g, word("基準値", 260, y));
    add(g, word("ＫＰＩ", 360, y));
    y += 18;
    add(g, word(name, 0, y));
    y += 14;
    add(g, word("本市の魅力を広く発信することで、本", 0, y));
    add(g, word(base, 260, y));
    add(g, word(target, 360, y));
    y += 14;
    add(g, word("市の知名度を高めます。", 0, y));
    y += 18;
  };
  table("施策Ａの推進", "10件", "20件");
  for (int i = 0; i < 4; ++i, y += 14) add(g, word(note, 0, y));
  y += 4;
  table("施策Ｂの推進", "3施設", "5施設");
  std::vector<Line> lines = analyze_layout(g, {});
  // One row each: the title and description one cell beside the values.
  const std::string a_cell = "施策Ａの推進\n本市の魅力を広く発信することで、本\n市の知名度を高めます。";
  const std::string b_cell = "施策Ｂの推進\n本市の魅力を広く発信することで、本\n市の知名度を高めます。";
  int a = -1, b = -1;
  EXPECT_EQ(row(lines, a_cell, &a), (std::vector<std::string>{a_cell, "10件", "20件"}));
  EXPECT_EQ(row(lines, b_cell, &b), (std::vector<std::string>{b_cell, "3施設", "5施設"}));
  EXPECT_GE(a, 0);
  EXPECT_GE(b, 0);
  EXPECT_NE(a, b);
  // The notes are free text, whole.
  size_t notes = 0;
  for (const Line& l : lines)
    if (l.table < 0 && l.cells.size() == 1 && l.cells[0].text.starts_with("※")) ++notes;
  EXPECT_EQ(notes, 4u);
}

TEST(BorderlessTables, ATwoLineNoteAcrossTheColumnsEndsTheTableAboveIt) {
  // Two tables of four rows each (指標 | 基準値 | 目標値, rows 18 pt apart)
  // with a two-line ※ note across the page's width between them: few
  // enough lines (two of twelve) for one set of columns to hold over the
  // whole block, but a paragraph, not a row.
  std::vector<Glyph> g;
  const std::string note = "※　目標値は計画の最終年度の値とし、基準値は直近の実績値とする。以下の表も同じとする。";
  double y = 0;
  auto table = [&](const std::string& tag) {
    add(g, word("指標", 0, y));
    add(g, word("基準値", 260, y));
    add(g, word("目標値", 360, y));
    y += 18;
    for (int i = 1; i <= 4; ++i, y += 18) {
      add(g, word(tag + "の指標" + std::to_string(i), 0, y));
      add(g, word(std::to_string(10 * i) + "件", 260, y));
      add(g, word(std::to_string(20 * i) + "件", 360, y));
    }
  };
  table("Ａ");
  for (int i = 0; i < 2; ++i, y += 14) add(g, word(note, 0, y));
  y += 4;
  table("Ｂ");
  std::vector<Line> lines = analyze_layout(g, {});
  int a1 = -1, a4 = -1, b1 = -1, b4 = -1;
  EXPECT_EQ(row(lines, "Ａの指標1", &a1), (std::vector<std::string>{"Ａの指標1", "10件", "20件"}));
  EXPECT_EQ(row(lines, "Ａの指標4", &a4), (std::vector<std::string>{"Ａの指標4", "40件", "80件"}));
  EXPECT_EQ(row(lines, "Ｂの指標1", &b1), (std::vector<std::string>{"Ｂの指標1", "10件", "20件"}));
  EXPECT_EQ(row(lines, "Ｂの指標4", &b4), (std::vector<std::string>{"Ｂの指標4", "40件", "80件"}));
  EXPECT_GE(a1, 0);
  EXPECT_EQ(a1, a4);
  EXPECT_EQ(b1, b4);
  EXPECT_NE(a1, b1);
  size_t notes = 0;
  for (const Line& l : lines)
    if (l.table < 0 && l.cells.size() == 1 && l.cells[0].text.starts_with("※")) ++notes;
  EXPECT_EQ(notes, 2u);
}

TEST(BorderlessTables, AHeadingSetLargerEndsTheTableAboveIt) {
  // A KPI table (指標 | 基準値 | 目標値, 10 pt text, rows 18 pt apart), then a
  // section title set at 14 pt, then a schedule of dates and meetings whose
  // columns lie elsewhere: within three ems of each other, one block of text,
  // but the title parts two tables and is no row of either.
  std::vector<Glyph> g;
  double y = 0;
  add(g, word("指標", 0, y));
  add(g, word("基準値", 260, y));
  add(g, word("目標値", 360, y));
  y += 18;
  for (int i = 1; i <= 4; ++i, y += 18) {
    add(g, word("Ａの指標" + std::to_string(i), 0, y));
    add(g, word(std::to_string(10 * i) + "件", 260, y));
    add(g, word(std::to_string(20 * i) + "件", 360, y));
  }
  add(g, word("２　改訂までの流れ", 0, y, 14, 14));
  y += 24;
  for (int i = 1; i <= 5; ++i, y += 18) {
    add(g, word(std::to_string(i + 6) + "月" + std::to_string(i + 3) + "日", 120, y));
    add(g, word("第" + std::to_string(i) + "回推進会議", 200, y));
  }
  std::vector<Line> lines = analyze_layout(g, {});
  int a1 = -1, a4 = -1;
  EXPECT_EQ(row(lines, "Ａの指標1", &a1), (std::vector<std::string>{"Ａの指標1", "10件", "20件"}));
  EXPECT_EQ(row(lines, "Ａの指標4", &a4), (std::vector<std::string>{"Ａの指標4", "40件", "80件"}));
  EXPECT_GE(a1, 0);
  EXPECT_EQ(a1, a4);
  int heading = 0;
  EXPECT_EQ(row(lines, "２　改訂までの流れ", &heading), (std::vector<std::string>{"２　改訂までの流れ"}));
  EXPECT_LT(heading, 0);
  int s1 = -1;
  EXPECT_EQ(row(lines, "7月4日", &s1), (std::vector<std::string>{"7月4日", "第1回推進会議"}));
  EXPECT_NE(s1, a1);
}

TEST(BorderlessTables, AHeaderWrappedUpwardOverAColumnGapMovesTheBoundary) {
  // 砂川's 数値目標 table without borders: 5年間の合計 wrapped upwards, its
  // first line wider than the column's values and reaching into the gap
  // before the remarks, past the middle of that gap where the rows alone put
  // the boundary. The line is the header's, and the boundary moves clear of it.
  std::vector<Glyph> g;
  add(g, word("5年間の合", 300, -12));  // to 345
  add(g, word("指標", 0, 0));
  add(g, word("3年度", 200, 0));
  add(g, word("計", 310, 0));
  add(g, word("所見", 400, 0));
  double y = 18;
  for (const std::string name : {"就業者数", "観光入込客数"}) {
    add(g, word(name, 0, y));
    add(g, word("6,300", 200, y));
    add(g, word("—", 310, y));
    add(g, word("実績値は国勢調査の年度のみ算出可能", 360, y));
    y += 18;
  }
  std::vector<Line> lines = analyze_layout(g, {});
  int header = -1, body = -1;
  std::vector<std::string> head = row(lines, "指標", &header);
  EXPECT_EQ(row(lines, "就業者数", &body),
            (std::vector<std::string>{"就業者数", "6,300", "—", "実績値は国勢調査の年度のみ算出可能"}));
  ASSERT_EQ(head.size(), 4u);
  EXPECT_EQ(head[2], "5年間の合\n計");
  EXPECT_GE(body, 0);
  EXPECT_EQ(header, body);
}

TEST(BorderlessTables, ANoteOfOneFullLineAndAShortOnePartsTwoTables) {
  // 芦別's stacked tables without borders, each note under one a full line
  // and a short last line. The descriptions of the second table run further
  // right than the first table's values begin: read as one table, no
  // boundary is free in every row, and one table's cells run together.
  std::vector<Glyph> g;
  double y = 0;
  auto table = [&](const std::string& name, size_t wide, double value_x, const std::string& base,
                   const std::string& target) {
    add(g, word("具体的な施策", 60, y));
    add(g, word("基準値", 270, y));
    add(g, word("ＫＰＩ", 360, y));
    y += 18;
    add(g, word(name, 0, y));
    y += 14;
    std::string description;
    for (size_t i = 0; i < wide; ++i) description += "あ";
    add(g, word(description, 0, y));
    add(g, word(base, value_x, y));
    add(g, word(target, 360, y));
    y += 24;
  };
  table("施策Ａの推進", 23, 240, "10件", "20件");
  add(g, word("※　ＫＰＩについては、実施中の施策を新たに計画に追加するものであることから、直近の", 0, y));
  y += 14;
  add(g, word("実績値とする。", 20, y));
  y += 18;
  table("施策Ｂの推進", 25, 262, "3施設", "5施設");
  std::vector<Line> lines = analyze_layout(g, {});
  int a = -1, b = -1, tail = 0;
  std::string desc_a, desc_b;
  for (int i = 0; i < 23; ++i) desc_a += "あ";
  for (int i = 0; i < 25; ++i) desc_b += "あ";
  EXPECT_EQ(row(lines, "施策Ａの推進\n" + desc_a, &a),
            (std::vector<std::string>{"施策Ａの推進\n" + desc_a, "10件", "20件"}));
  EXPECT_EQ(row(lines, "施策Ｂの推進\n" + desc_b, &b),
            (std::vector<std::string>{"施策Ｂの推進\n" + desc_b, "3施設", "5施設"}));
  EXPECT_GE(a, 0);
  EXPECT_GE(b, 0);
  EXPECT_NE(a, b);
  EXPECT_EQ(row(lines, "実績値とする。", &tail), (std::vector<std::string>{"実績値とする。"}));
  EXPECT_LT(tail, 0);
}

}  // namespace
}  // namespace kpix

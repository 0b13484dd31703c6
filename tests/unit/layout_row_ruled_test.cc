// Tables ruled by rows only, on hand-made pages: rows running past the last
// rule, a booktabs body parted by its text, a body taller than any row, a
// header that stands over the first rule undrawn, text over a first rule
// that is not a header, a header whose wrapped years are no values, bands
// between shaded section rows that hold several rows, and a bracket's empty
// half over a column line.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

TEST(HeaderOverTheFirstRule, AnUndrawnHeaderOverAShadedSectionRowIsTheTables) {
  // 砂川's report printed without borders: the header (its 5年間の合計 cell
  // wrapped) right over the shaded band of the first section row, whose
  // edges are the table's first rules.
  std::vector<Rule> rules = {{true, 40, 0, 400}, {true, 55, 0, 400}, {true, 100, 0, 400}};
  auto g = glyphs_of({word("5年間の合", 330, 14), word("施策名", 5, 20), word("指標", 120, 20),
                      word("区分", 220, 20), word("3年度", 270, 20), word("計", 350, 26),
                      word("(1) 人材育成", 5, 42),
                      word("事業A", 5, 60), word("就職率", 120, 60), word("目標値", 220, 60), word("36.0", 270, 60),
                      word("40", 350, 60),
                      word("実績値", 220, 78), word("25.0", 270, 78)});
  auto lines = analyze_layout(g, rules);
  const Line* header = line_starting(lines, "施策名");
  const Line* row = line_starting(lines, "事業A");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(row, nullptr);
  EXPECT_GE(row->table, 0);
  EXPECT_EQ(header->table, row->table);
  ASSERT_EQ(header->cells.size(), row->cells.size());
  EXPECT_EQ(header->cells[1].text, "指標");
  EXPECT_EQ(header->cells[3].text, "3年度");
}

TEST(HeaderOverTheFirstRule, ARowCarriedOverANoteIsNoHeader) {
  // A row carried from the page before at the page top, its closing rule
  // under it, then a note between rules: no table starts on that rule, so
  // the row is not taken as one's header.
  std::vector<Rule> rules = {{true, 25, 0, 400}, {true, 45, 0, 400}, {true, 65, 0, 400}};
  auto g = glyphs_of({word("防災訓練への参加率", 5, 10), word("11.1%", 200, 10), word("非調査年", 260, 10),
                      word("6.9%", 340, 10),
                      word("※基準値は2019年12月末現在の実績", 5, 30), word("※目標値は各年度の目標", 5, 50)});
  auto lines = analyze_layout(g, rules);
  const Line* row = line_starting(lines, "防災訓練");
  ASSERT_NE(row, nullptr);
  EXPECT_LT(row->table, 0);
}

TEST(Layout, RowsRunningPastTheLastRuleToThePageFootAreTheTables) {
  // A booktabs-style table broken by the page, under a one-row table closed
  // by the rule that opens it: its header between two rules here, its
  // closing rule on the next page. Its body rows run on under the header
  // rule to the foot: rows of the table under that header, not another table.
  std::vector<Rule> rules = {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 40, 0, 300}};
  auto g = glyphs_of({word("全体", 5, 5), word("概要", 120, 5), word("なし", 220, 5),  // the table above, closed
                      word("指標", 5, 25), word("2022", 120, 25), word("2023", 220, 25),
                      word("転入者数", 5, 50), word("1,200", 120, 50), word("1,500", 220, 50),
                      word("出生数", 5, 65), word("310", 120, 65), word("350", 220, 65),
                      word("死亡数", 5, 80), word("420", 120, 80), word("450", 220, 80),
                      word("- 3 -", 140, 200)});  // the page number
  auto lines = analyze_layout(g, rules);
  const Line* header = line_headed(lines, "指標");
  const Line* deaths = line_headed(lines, "死亡数");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(deaths, nullptr);
  ASSERT_EQ(deaths->cells.size(), 3u);
  EXPECT_EQ(deaths->cells[1].text, "420");
  EXPECT_EQ(deaths->cells[2].text, "450");
  EXPECT_GE(deaths->table, 0);
  EXPECT_EQ(deaths->table, header->table);
}

TEST(Layout, ABooktabsBodyIsPartedByItsTextWithoutStackedNumbers) {
  // Rules above, under the header and below only; the body's values carry
  // notes (`1,200人 (R4実績)`), so no line holds two short numbers. Its rows
  // still come apart where its text parts them.
  std::vector<Rule> rules = {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 80, 0, 300}};
  auto g = glyphs_of({word("指標", 5, 5), word("基準値", 120, 5), word("方向", 220, 5),
                      word("転入者数", 5, 25), word("1,200人 (R4実績)", 120, 25), word("増加", 220, 25),
                      word("出生数", 5, 43), word("310人 (R4実績)", 120, 43), word("減少", 220, 43),
                      word("死亡数", 5, 61), word("420人 (R4実績)", 120, 61), word("横ばい", 220, 61)});
  auto lines = analyze_layout(g, rules);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1].cells[0].text, "転入者数");
  EXPECT_EQ(lines[2].cells[0].text, "出生数");
  ASSERT_EQ(lines[3].cells.size(), 3u);
  EXPECT_EQ(lines[3].cells[1].text, "420人 (R4実績)");
}

TEST(Layout, ABooktabsBodyTallerThanAnyRowIsTheTables) {
  // Top rule, a rule between the header's two rows, mid rule under the
  // header, bottom rule under twelve rows of 16 pt, notes under it: the body
  // between the last two rules is one band 200 pt tall, and one table with
  // its header.
  std::vector<Rule> rules = {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 40, 0, 300}, {true, 240, 0, 300}};
  auto g = glyphs_of({word("区分", 5, 5), word("実績", 170, 5), word("指標", 5, 25), word("2022", 120, 25),
                      word("2023", 220, 25)});
  for (int i = 0; i < 12; ++i)
    for (auto w : {word("指標" + std::to_string(i + 1), 5, 44 + 16.0 * i), word(std::to_string(100 + i), 120, 44 + 16.0 * i),
                   word(std::to_string(200 + i), 220, 44 + 16.0 * i)})
      g.insert(g.end(), w.begin(), w.end());
  // Notes under the table, so its rows do not simply run to the page foot.
  for (const Glyph& c : glyphs_of({word("※実績は各年度末の値です。目標値は計画期間の最終年度の値です。", 5, 250),
                                     word("※基準値は令和元年度の値です。", 5, 264)}))
    g.push_back(c);
  auto lines = analyze_layout(g, rules);
  const Line* header = line_headed(lines, "指標");
  const Line* last = line_headed(lines, "指標12");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(last, nullptr);
  EXPECT_GE(header->table, 0);
  EXPECT_EQ(last->table, header->table);
  ASSERT_EQ(last->cells.size(), 3u);
  EXPECT_EQ(last->cells[2].text, "211");
}

TEST(Layout, ABooktabsHeadersWrappedYearsAreNoStackedValues) {
  // Narrow columns wrap the header's `2020実績`, `2023` and `2024` onto two
  // lines (`2020実` over `績`, `202` over `3` and `4`): numbers in two
  // columns on each of two lines, like value rows, but the band over the
  // body is its header, one row.
  std::vector<Rule> rules = {{true, 0, 0, 400}, {true, 32, 0, 400}, {true, 80, 0, 400}};
  auto g = glyphs_of({word("指標", 5, 4), word("2020実", 120, 4), word("202", 220, 4), word("202", 320, 4),
                      word("績", 120, 17), word("3", 220, 17), word("4", 320, 17),
                      word("転入者数", 5, 36), word("1,200", 120, 36), word("1,500", 220, 36), word("1,600", 320, 36),
                      word("出生数", 5, 52), word("310", 120, 52), word("350", 220, 52), word("360", 320, 52),
                      word("死亡数", 5, 66), word("420", 120, 66), word("450", 220, 66), word("470", 320, 66)});
  auto lines = analyze_layout(g, rules);
  const Line* header = line_headed(lines, "指標");
  ASSERT_NE(header, nullptr);
  ASSERT_EQ(header->cells.size(), 4u);
  EXPECT_EQ(header->cells[1].text, "2020実\n績");
  EXPECT_EQ(header->cells[2].text, "202\n3");
  const Line* deaths = line_headed(lines, "死亡数");
  ASSERT_NE(deaths, nullptr);
  EXPECT_EQ(deaths->table, header->table);
}

TEST(Layout, ABandBetweenShadedSectionRowsHoldsRowsOfItsOwn) {
  // 砂川's report printed by Writer without borders: the only rules are the
  // edges of the shaded header and section rows, so the band between two
  // section rows holds both projects' 目標値 and 実績値 rows, their names
  // wrapped onto two lines between them; the last band, under the second
  // section row, holds more lines than all before it, like a booktabs body.
  std::vector<Rule> rules = {{true, 0, 0, 400},   {true, 20, 0, 400},  {true, 40, 0, 400},
                             {true, 130, 0, 400}, {true, 150, 0, 400}, {true, 330, 0, 400}};
  auto g = glyphs_of({word("事業名", 5, 5), word("区分", 220, 5), word("3年度", 270, 5), word("4年度", 330, 5),
                      word("(1) 結婚支援", 5, 25)});
  auto project = [&](const std::string& name, double y, const std::string& target, const std::string& actual) {
    auto add = [&](std::vector<Glyph> w) { g.insert(g.end(), w.begin(), w.end()); };
    add(word("目標値", 220, y));
    add(word(target, 270, y));
    add(word(target, 330, y));
    add(word(name, 5, y + 10));
    add(word("支援事業", 5, y + 20));
    add(word("実績値", 220, y + 30));
    add(word(actual, 270, y + 30));
    add(word(actual, 330, y + 30));
  };
  project("出会い創出", 45, "30", "0");
  project("新生活", 88, "5", "3");
  auto section = word("(2) 子育て支援", 5, 135);
  g.insert(g.end(), section.begin(), section.end());
  for (int i = 0; i < 4; ++i) project("子育て" + std::to_string(i), 155 + 43 * i, "10", "8");
  auto lines = analyze_layout(g, rules);
  const Line* second = line_starting(lines, "新生活");
  ASSERT_NE(second, nullptr);
  ASSERT_GE(second->cells.size(), 3u);
  EXPECT_EQ(second->cells[0].text, "新生活\n支援事業");
  const Line* first = line_starting(lines, "出会い創出");
  ASSERT_NE(first, nullptr);
  EXPECT_NE(first, second);
}

TEST(Layout, AClosingBracketsEmptyHalfOverAColumnLineIsNoText) {
  // Row rules only, at 90 %: a name ending in `）` runs up to the value beside
  // it, the bracket's box (its ink in its left half) reaching over the
  // boundary the other rows' text leaves free.
  std::vector<Rule> rules = {{true, 0, 0, 400}, {true, 20, 0, 400}, {true, 40, 0, 400}, {true, 60, 0, 400},
                             {true, 80, 0, 400}};
  auto g = glyphs_of({word("項目", 50, 5), word("基準値", 150, 5), word("目標値", 250, 5),
                      word("利用者数（来場者数）", 50, 25), word("4,325人", 150, 25), word("5,000人", 250, 25),
                      word("企画展参加者数学生A", 50, 45), word("38人", 150, 45), word("60人", 250, 45),
                      word("参加者数", 50, 65), word("3人", 150, 65), word("40人", 250, 65)});
  auto lines = analyze_layout(g, rules);
  const Line* row = line_headed(lines, "利用者数（来場者数）");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->cells.size(), 3u);
  EXPECT_EQ(row->cells[1].text, "4,325人");
}

TEST(Layout, AHeadersBorderAcrossOneRowOfThreeStillPartsTheOthers) {
  // A drawn header (two rows, every border drawn) over a body ruled by rows
  // only; one of its three rows holds a shared KPI's note merged over the
  // year columns. The others keep the header's year columns.
  std::vector<Rule> rules = {{true, 0, 0, 400},  {true, 15, 0, 400}, {true, 30, 0, 400}, {true, 50, 0, 400},
                             {true, 70, 0, 400}, {true, 90, 0, 400}};
  for (double x : {0.0, 100.0, 200.0, 300.0, 400.0}) rules.push_back({false, x, 0, 30});
  // Each row's cells from the left of its columns (100 pt wide), at its top.
  const std::vector<std::pair<double, std::vector<std::string>>> rows = {
      {2, {"区分", "R2", "R3", "R4"}},
      {17, {"項目", "実績", "実績", "実績"}},
      {35, {"利用件数", "10件", "9件", "5件"}},
      {55, {"共通指標", "観光振興事業との共通指標として計上しています"}},
      {75, {"登録者数", "3人", "4人", "6人"}}};
  std::vector<Glyph> g;
  for (const auto& [top, cells] : rows)
    for (size_t c = 0; c < cells.size(); ++c) {
      auto w = word(cells[c], 5 + 100 * double(c), top);
      g.insert(g.end(), w.begin(), w.end());
    }
  auto lines = analyze_layout(g, rules);
  // The texts of the cells of the line headed `first` (none: empty).
  auto cells_of = [&](const std::string& first) {
    std::vector<std::string> out;
    if (const Line* l = line_headed(lines, first))
      for (const Cell& c : l->cells) out.push_back(c.text);
    return out;
  };
  EXPECT_EQ(cells_of("利用件数"), (std::vector<std::string>{"利用件数", "10件", "9件", "5件"}));
  // The note one merged cell, the columns it covers left empty.
  EXPECT_EQ(cells_of("共通指標"),
            (std::vector<std::string>{"共通指標", "観光振興事業との共通指標として計上しています", "", ""}));
}

}  // namespace
}  // namespace kpix

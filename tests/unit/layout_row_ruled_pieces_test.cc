// Tables ruled by rows only that the page broke, and text between two such
// tables: a header left alone between its rules at the foot of a page, a row
// alone between its rules at the top of the next, its cells wrapped side by
// side, and paragraphs and a section title between two tables ruled alike.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

TEST(RowRuledPieces, AHeaderAloneBetweenItsRulesAtThePageFootIsATable) {
  // Booktabs: the top rule and the rule under the header, and the page ends;
  // the body and the bottom rule are on the next page. Over it, a table of
  // the same rules, closed, and a paragraph across the page.
  std::vector<Rule> rules = {{true, 0, 0, 400}, {true, 20, 0, 400}, {true, 60, 0, 400},
                             {true, 300, 0, 400}, {true, 320, 0, 400}};
  auto g = glyphs_of({word("具体的な施策", 5, 5), word("基準値", 200, 5), word("目標値", 320, 5),
                      word("窓口のデジタル化", 5, 25), word("0%", 200, 25), word("20%", 320, 25),
                      word("(2)温室効果ガスの排出量の削減目標となる令和12年までに48%削減、", 5, 250),
                      word("令和32年までに実質ゼロに向け、抑制の取組を推進します。", 5, 265),
                      word("具体的な施策", 60, 305), word("基準値（R4）", 200, 305), word("KPI（R6）", 320, 305)});
  auto lines = analyze_layout(g, rules);
  const Line* last = nullptr;
  for (const Line& l : lines)
    if (l.box.y0 >= 299) last = &l;
  ASSERT_NE(last, nullptr);
  EXPECT_GE(last->table, 0) << last->text();
  ASSERT_EQ(last->cells.size(), 3u) << last->text();
  EXPECT_EQ(last->cells[1].text, "基準値（R4）");
}

TEST(RowRuledPieces, ARowAloneAtThePageTopWithItsCellsWrappedSideBySideIsATable) {
  // The next page (芦別's report in booktabs, its positions): the rule the
  // page carries the table on, the row (a name; a description wrapped onto
  // four lines; the values set at their cells' middle, between the
  // description's lines), its bottom rule, a note, and the next table's
  // header between its rules and its body. No line holds the row's three
  // cells, and its text covers the columns of the next table: it stands side
  // by side all the same, a row, not a paragraph between two tables.
  std::vector<Rule> rules = {{true, 57.4, 57, 539}, {true, 130.9, 57, 539}, {true, 158.6, 57, 539},
                             {true, 177.4, 57, 539}, {true, 250.5, 57, 539}};
  auto at = [](const std::string& text, double x, double centre) { return word(text, x, centre - 12.35, 9.5, 24.7); };
  auto g = glyphs_of({at("①ゼロカーボンシティの推進", 60, 64.1),
                      at("地域の温室効果ガス削減目標や再生可能エネルギーのポテンシャル等", 60, 78.3),
                      at("2024年度（令和6年度）", 431.8, 85.1),
                      at("を踏まえた再エネ目標、目標達成に必要となる脱炭素の取組、施策の", 60, 91.8), at("未策定", 361.2, 91.8),
                      at("中の計画策定", 431.8, 98.6),
                      at("実施方法や体制構築等の検討に関する調査を踏まえた芦別市ゼロカー", 60, 105.3),
                      at("ボン実行計画（区域施策編）を策定します。", 60, 119.6),
                      at("※KPIの基準値については、新たに追加する施策のため、令和4年度実績は未策定とする。", 57, 142.8),
                      at("具体的な施策", 165, 166.1), at("基準値（R4）", 335, 166.1), at("KPI（R6）", 465, 166.1),
                      at("②公共施設照明LED化の推進", 60, 184), at("市所有の公共施設において、カーボンニュートラルの実現に向", 60, 198.2),
                      at("照明のLED化率12.4%", 333.1, 211.8), at("照明のLED化率", 442.2, 205),
                      at("けた、温室効果ガスの排出抑制のため、芦別市公共施設照明", 60, 211.8), at("35.7%", 442.2, 218.5),
                      at("LED化基本方針を策定し、計画的に省エネルギーかつ長寿命の", 60, 225.4), at("LED照明への更新を行います。", 60, 239.5)});
  auto lines = analyze_layout(g, rules);
  const Line* row = line_starting(lines, "①ゼロカーボンシティの推進");
  ASSERT_NE(row, nullptr);
  EXPECT_GE(row->table, 0) << row->text();
  ASSERT_GE(row->cells.size(), 2u) << row->text();
  EXPECT_EQ(row->cells.back().text, "2024年度（令和6年度）\n中の計画策定");
}

TEST(RowRuledPieces, ABodyCarriedToThePageTopIsPartedByItsText) {
  // Booktabs: the body's last two rows carried to the top of the page, its
  // border drawn over them, its bottom rule under them; then a paragraph and
  // the next table. No two lines stack numbers in two columns (dashes and
  // arrows beside one number), yet they are two rows.
  std::vector<Rule> rules = {{true, 20, 0, 400}, {true, 60, 0, 400}, {true, 120, 0, 400}, {true, 140, 0, 400},
                             {true, 160, 0, 400}};
  auto g = glyphs_of({word("合計特殊出生率（-）", 5, 24), word("—", 150, 24), word("⇒", 220, 24), word("1.8", 320, 24),
                      word("子育て環境の満足度", 5, 42), word("2.9", 150, 42), word("⇒", 220, 42), word("3.3", 320, 42),
                      word("子育てしながら仕事を続けられる社会環境の整備を進める。", 5, 80),
                      word("保育の受け皿を確保し、待機児童の解消を図る。", 5, 95),
                      word("項目", 5, 124), word("H30基準", 150, 124), word("R6目標", 320, 124),
                      word("出生数", 5, 144), word("1,200", 150, 144), word("1,300", 320, 144)});
  auto lines = analyze_layout(g, rules);
  const Line* first = line_starting(lines, "合計特殊出生率");
  const Line* second = line_starting(lines, "子育て環境の満足度");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_GE(first->table, 0);
  EXPECT_NE(first, second);
  EXPECT_EQ(first->table, second->table);
}

TEST(RowRuledPieces, ParagraphsBetweenTwoTablesRuledAlikePartThem) {
  // Rows ruled only; under the first table a paragraph of bullets and a
  // heading with its underline, then the second table's caption and rules.
  // The paragraph runs across the columns but stops short of the last one.
  std::vector<Rule> rules = {{true, 0, 0, 400},   {true, 15, 0, 400},  {true, 30, 0, 400},
                             {true, 110, 0, 400}, {true, 150, 0, 400}, {true, 165, 0, 400}, {true, 180, 0, 400}};
  auto g = glyphs_of({word("区分", 5, 2), word("2014", 150, 2), word("2024", 300, 2),
                      word("社会増減", 5, 17), word("▲550", 150, 17), word("▲284", 300, 17),
                      word("社会動態：転出数が減少傾向となっており同様の傾向", 5, 40),
                      word("社会減は引き続き減少傾向で推移している", 5, 55),
                      word("2 人口動態について", 5, 85),
                      word("(2)年代別社会増減の推移", 5, 120), word("(単位：人)", 5, 135),
                      word("区分", 5, 152), word("2014", 150, 152), word("2024", 300, 152),
                      word("14歳以下", 5, 167), word("▲15", 150, 167), word("20", 300, 167)});
  auto lines = analyze_layout(g, rules);
  for (const char* text : {"社会動態", "(2)年代別"}) {
    const Line* l = line_starting(lines, text);
    ASSERT_NE(l, nullptr) << text;
    EXPECT_LT(l->table, 0) << l->text();
  }
  const Line* young = line_starting(lines, "14歳以下");
  ASSERT_NE(young, nullptr);
  EXPECT_GE(young->table, 0);
  ASSERT_EQ(young->cells.size(), 3u);
  EXPECT_EQ(young->cells[1].text, "▲15");
}

TEST(RowRuledPieces, ASectionTitleOverItsUnderlineIsNoRow) {
  // Rows ruled only; under the table a section title at twice the table's
  // size over its own underline, close enough to be taken for a row. Then the
  // next table.
  std::vector<Rule> rules = {{true, 0, 0, 400},  {true, 15, 0, 400},  {true, 30, 0, 400}, {true, 45, 0, 400},
                             {true, 80, 0, 400}, {true, 100, 0, 400}, {true, 115, 0, 400}};
  auto g = glyphs_of({word("項目", 5, 2), word("H30基準", 150, 2), word("R6目標", 300, 2),
                      word("新規雇用創出数", 5, 17), word("46人", 150, 17), word("230人", 300, 17),
                      word("新規創業件数", 5, 32), word("12件", 150, 32), word("125件", 300, 32),
                      word("基本目標", 5, 54, 20, 20),
                      word("項目", 5, 87), word("H30基準", 150, 87), word("R6目標", 300, 87),
                      word("合計特殊出生率", 5, 102), word("1.27", 150, 102), word("1.40", 300, 102)});
  auto lines = analyze_layout(g, rules);
  const Line* title = line_starting(lines, "基本目標");
  ASSERT_NE(title, nullptr);
  EXPECT_LT(title->table, 0) << title->text();
  const Line* rate = line_starting(lines, "合計特殊出生率");
  ASSERT_NE(rate, nullptr);
  EXPECT_GE(rate->table, 0);
}

}  // namespace
}  // namespace kpix

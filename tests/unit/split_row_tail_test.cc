// A row split by the page break whose tail on the next page holds labels only
// (a name's tail `…事業`, a period note, the 区分 word `実績値`): the tail is
// not a header of a new table, and the rows under it stay in the table's
// columns (pipeline/records/record_builder, issue 12 rule 4). A whole row
// carried to the next page goes on with the table whatever its columns were
// cut from.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

TEST(SplitRowTail, LabelsOnlyAtThePageTopInTheTablesColumnsAreNoNewHeader) {
  const std::vector<double> xs = {20, 180, 300, 360, 420, 480};
  Page one = grid_page(1, 60, xs,
                       {{"施策名・事業名", "重要業績評価指標", "区分", "3年度", "4年度"},
                        {"子育て支援事業", "利用者数", "目標値", "10", "20"},
                        {"", "", "実績値", "9", "18"},
                        {"健診クーポン券支", "受診率", "目標値", "50", "60"}},
                       {{"令和4年度　総合戦略の実績", 20}});
  Page two = grid_page(2, 40, xs,
                       {{"給事業", "(令和元年)", "実績値"},
                        {"健康づくり事業", "参加者数", "目標値", "5", "6"},
                        {"", "", "実績値", "4", "7"}});
  std::vector<KpiRecord> records = records_of({one, two});
  const KpiRecord* joined = record_named(records, "参加者数");
  ASSERT_NE(joined, nullptr);
  int targets = 0;
  for (const RecordValue& v : joined->values)
    if (v.role == Role::target && v.period && v.period->start == 2021 && v.v.value && *v.v.value == 5) ++targets;
  EXPECT_EQ(targets, 1);
}

// A two-row header (`second_row`) left alone at the foot of page 1, the
// body on page 2 in the same grid: how many of the body's two KPIs keep
// their names with a value of `role`.
int named_with(const std::vector<std::string>& second_row, Role role) {
  const std::vector<double> xs = {20, 140, 260, 340, 420, 560};
  Page one = grid_page(1, 700, xs, {{"事業名", "重要業績評価指標", "", "", "方向性"}, second_row},
                       {{"令和6年度　総合戦略の実績", 20}});
  Page two = grid_page(2, 40, xs,
                       {{"移住定住促進事業", "転入者数", "1,200人", "1,500人", "相談体制を見直す"},
                        {"子育て支援事業", "出生数", "310人", "350人", "支援を継続する"}});
  int named = 0;
  for (const KpiRecord& r : records_of({one, two})) {
    if (r.indicator != "転入者数" && r.indicator != "出生数") continue;
    bool has = false;
    for (const RecordValue& v : r.values) has = has || (v.role == role && v.v.value.has_value());
    named += has;
  }
  return named;
}

TEST(SplitRowTail, ABodyInTheGridOfALoneHeaderOnThePageBeforeKeepsItsColumns) {
  // 事業名 and 方向性 in the header's first row, 項目 | 基準値 | 目標値 in its
  // second. The body's cells keep the grid's columns: no row of values loses
  // its name.
  EXPECT_EQ(named_with({"", "項目", "基準値", "目標値", ""}, Role::target), 2);
}

TEST(SplitRowTail, ABodyInTheGridOfALoneHeaderWithAnUnlabelledColumnKeepsItsColumns) {
  // The header has no cell over the target column (岩見沢's KPI table
  // printed on A4: 項目 | 基準値 | R6実績 under the KPI label, the target's
  // header left blank): the body's target cell still lies between two of the
  // header grid's lines.
  EXPECT_EQ(named_with({"", "項目", "基準値", "", ""}, Role::baseline), 2);
}

TEST(SplitRowTail, ARowCarriedToThePageTopWithItsColumnsCutFromItsTextGoesOn) {
  // Page 1: a ruled table to the foot. Page 2: its last row alone at the
  // top, ruled above and below only, so its columns are cut midway between
  // its texts (edges well off the table's); each text still lies in its
  // column of page 1 (岩見沢's i-BOX row printed on A4 portrait).
  const std::vector<double> xs = {20, 180, 260, 340, 420, 500};
  Page one = grid_page(1, 700, xs,
                       {{"項目", "基準値", "2020", "2021", "目標値"},
                        {"利用者数", "4,325人", "1,707人", "1,851人", "5,000人"}},
                       {{"令和4年度の取組み", 20}});
  // Names and the target wrap over three lines; the values sit on the middle one.
  Page two = page_of(2, {{true, 40, 20, 500}, {true, 90, 20, 500}},
                     {{"i-BOX企画展", 22, 45}, {"参加者数(う", 22, 60}, {"ち学生)", 22, 75}, {"—", 182, 60},
                      {"3人", 262, 60}, {"97人", 342, 60}, {"40人/年", 422, 45}, {"(毎年度", 422, 60}, {"実績)", 422, 75}});
  std::vector<KpiRecord> records = records_of({one, two});
  const KpiRecord* carried = record_named(records, "i-BOX企画展参加者数(うち学生)");
  ASSERT_NE(carried, nullptr);
  std::map<std::string, std::string> by_column = raw_by_role_and_year(*carried);
  EXPECT_EQ(by_column["actual2020"], "3人");
  EXPECT_EQ(by_column["actual2021"], "97人");
  EXPECT_EQ(by_column["baseline"], "—");
}

TEST(SplitRowTail, ACellsLinesSpilledPastThePageBreakKeepItsPairTogether) {
  // A sheet printed from Calc: the second pair's 目標値 row is the last on
  // page 1, its merged name cell printed on page 2 beside the 実績値 row, and
  // the merged remark's lines spill under the grid at the foot of page 1 and
  // over it at the top of page 2, inside the remark's column.
  const std::vector<double> xs = {20, 120, 220, 280, 340, 400, 560};
  Page one = grid_page(1, 600, xs,
                       {{"施策名・事業名", "重要業績評価指標", "区分", "3年度", "4年度", "所見"},
                        {"子育て支援事業", "利用者数", "目標値", "10", "20", "計画どおり"},
                        {"", "", "実績値", "9", "18", ""},
                        {"", "", "目標値", "50", "60", "新型コロナウイ"}},
                       {{"令和4年度　総合戦略の実績", 20}});
  add_words(one, {{"ルスの影響で", 402, 690}, {"受診が減った", 402, 765}});
  Page two = grid_page(2, 40, xs, {{"健診事業", "受診率", "実績値", "45", "55", ""}});
  add_words(two, {{"が、回復した", 402, 8}});
  std::vector<KpiRecord> records = records_of({one, two});
  const KpiRecord* kpi = record_named(records, "受診率");
  ASSERT_NE(kpi, nullptr);
  std::map<std::string, std::string> by_column = raw_by_role_and_year(*kpi);
  EXPECT_EQ(by_column["target2021"], "50");
  EXPECT_EQ(by_column["actual2021"], "45");
}

TEST(SplitRowTail, TheTailOfARowUnderALoneHeadersColumnsJoinsIt) {
  // Page 1: a header ruled at the foot, and under it a row whose columns come
  // from its text (no rules: a Word table's frame broken by the page). Page 2:
  // the rest of that row's name (`交付件数`) at the top, in the header's
  // columns: one KPI, not a second one without values.
  const std::vector<double> xs = {20, 180, 260, 340, 420, 500};
  Page one = grid_page(1, 700, xs, {{"取組み", "項目", "基準値", "2020", "目標値"}}, {{"令和4年度の取組み", 20}});
  add_words(one, {{"障がい者支援事業", 22, 726}, {"補助金", 182, 726}, {"11件", 262, 726}, {"10件", 342, 726},
                  {"25件", 422, 726}, {"点字メニュー等", 22, 741}, {"の作成を支援", 22, 756}});
  Page two = grid_page(2, 40, xs, {{"を行った。", "交付件数"}});
  std::vector<KpiRecord> records = records_of({one, two});
  EXPECT_EQ(record_named(records, "交付件数"), nullptr);
  const KpiRecord* joined = record_named(records, "補助金交付件数");
  ASSERT_NE(joined, nullptr);
  EXPECT_EQ(raw_by_role_and_year(*joined)["actual2020"], "10件");
}

TEST(SplitRowTail, RowsAtThePageTopUnderALineOfTheRowBeforeGoOn) {
  // Page 1: a ruled table to the foot, its name column wide. Page 2: a line
  // first that ends the table as read (a free line: nothing drawn around
  // it), then the table's next rows, ruled between them only, their columns
  // cut midway between their texts, so that no cell shares most of its width
  // with the column of page 1 its text stands in (砂川's 集計表 printed by
  // LibreOffice without borders). They go on with the table all the same.
  const std::vector<double> xs = {20, 180, 330, 380, 430, 560};
  Page one = grid_page(1, 700, xs,
                       {{"事業名", "項目", "基準値", "2021", "目標値"},
                        {"観光振興事業", "入込客数", "1,625", "1,630", "1,700人"}},
                       {{"令和4年度の実績", 20}});
  Page two = page_of(2, {{true, 60, 20, 560}, {true, 80, 20, 560}, {true, 100, 20, 560}},
                     {{"（観光入込客数の推計による）", 22, 40}, {"寄附金推進事業", 22, 65}, {"登録件数", 182, 65},
                      {"87件", 335, 65}, {"231件", 385, 65}, {"120件", 470, 65}, {"移住定住事業", 22, 85},
                      {"転入者数", 182, 85}, {"310人", 335, 85}, {"350人", 385, 85}, {"400人", 470, 85}});
  std::vector<KpiRecord> records = records_of({one, two});
  const KpiRecord* carried = record_named(records, "登録件数");
  ASSERT_NE(carried, nullptr);
  std::map<std::string, std::string> by_column = raw_by_role_and_year(*carried);
  EXPECT_EQ(by_column["baseline"], "87件");
  EXPECT_EQ(by_column["actual2021"], "231件");
}

}  // namespace
}  // namespace kpix

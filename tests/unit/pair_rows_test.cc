// The 目標値 / 実績値 pair-row family on made-up converter text: a name
// centred over its pair of rows, as a borderless rendering leaves it (a line
// in each row), reads as one name.
#include <gtest/gtest.h>

#include "tests/unit/records_from_text.h"

namespace kpix {
namespace {

constexpr std::string_view kHeader =
    "施策名・事業名\t重要業績評価指標(KPI)\t区分\t3年度\t4年度\t5年度\t6年度\t7年度\t5年間の合計\n";

TEST(PairRows, ANameSplitOverItsPairOfRowsIsOneName) {
  std::string text = std::string(kHeader) +
                     "豊かな労働環境の充実支\t砂川高校からの市内企業就職\t目標値\t36.0\t37.0\t38.0\t39.0\t40.0\t—\n"
                     "援事業\t率 ／36.7%(令和元年)→40.0%(令和7年)\t実績値\t36.6\t25.0\t\t\t\t—\n";
  auto records = records_from_text(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].indicator, "砂川高校からの市内企業就職率");
  EXPECT_EQ(records[0].project, std::optional<std::string>("豊かな労働環境の充実支援事業"));
  int actuals = 0;
  for (const RecordValue& v : records[0].values) actuals += v.role == Role::actual && v.v.value.has_value();
  EXPECT_EQ(actuals, 2);  // 36.6 and 25.0
}

TEST(PairRows, MergedNameCellsReadAsBefore) {
  std::string text = std::string(kHeader) +
                     "介護人材育成支援事業\t研修終了者数 ／1人(令和元年)→35人(5年間)\t目標値\t7\t7\t7\t7\t7\t35\n"
                     "\t\t実績値\t7\t6\t\t\t\t13\n";
  auto records = records_from_text(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].indicator, "研修終了者数");
  EXPECT_EQ(records[0].project, std::optional<std::string>("介護人材育成支援事業"));
}

TEST(PairRows, NameCellsRepeatedOnBothRowsAreOneName) {
  // Group and name cells printed again on the 実績値 row, not merged: the
  // note read once, its target for the plan's five years.
  std::string text = std::string(kHeader) +
                     "医療・介護従事者移住定住促進事業\t補助金交付件数 ／－件(令和元年)→10件(各年度)\t目標値\t10\t10\t10\t10\t10\t—\n"
                     "医療・介護従事者移住定住促進事業\t補助金交付件数 ／－件(令和元年)→10件(各年度)\t実績値\t9\t9\t\t\t\t—\n";
  auto records = records_from_text(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].indicator, "補助金交付件数");
  EXPECT_EQ(records[0].project, std::optional<std::string>("医療・介護従事者移住定住促進事業"));
  bool plan_target = false;
  for (const RecordValue& v : records[0].values)
    plan_target = plan_target || (v.role == Role::target && v.period && v.period->start == 2021 &&
                                  v.period->end == 2025 && v.v.value == 10.0);
  EXPECT_TRUE(plan_target);
}

TEST(PairRows, ATableEndingInATargetRowAloneIsPairRows) {
  // The table's only pair cut by the page break after its 目標値 row: still a
  // pair-rows table, read as one (its name and 実績値 row on the next page).
  std::string text = std::string(kHeader) +
                     "住み替え支援事業\t補助金交付件数 ／115件(令和元年度)→87件(各年度)\t目標値\t87\t87\t87\t87\t87\t—\n";
  auto records = records_from_text(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].indicator, "補助金交付件数");
  int targets = 0;
  for (const RecordValue& v : records[0].values) targets += v.role == Role::target && v.v.value == 87.0;
  EXPECT_GE(targets, 5);
}

}  // namespace
}  // namespace kpix

// This round's contract rules (docs/records.md) as the families and the
// record builder keep them: category rows of statistics, one value per role
// and period, empty cells as `none`.
#include <gtest/gtest.h>

#include "pipeline/records/record_rules.h"
#include "pipeline/tables/families/statistic_names.h"
#include "tests/unit/records_from_text.h"

namespace kpix {
namespace {

TEST(StatisticNames, CategoryLabels) {
  struct Case {
    const char* label;
    bool category;
  };
  const Case cases[] = {{"14歳以下", true}, {"15～19歳", true}, {"65歳以上", true}, {"20~29歳", true},
                        {"職権", true},     {"差引増減", true}, {"女性", true},     {"出生数", false},
                        {"社会増減", false}, {"年末人口", false}, {"老年人口(65歳以上)", false}, {"高齢化率", false}};
  for (const Case& c : cases) EXPECT_EQ(is_category_label(c.label), c.category) << c.label;
}

TEST(StatisticNames, QuantityOfCaption) {
  EXPECT_EQ(quantity_of_caption("(単位：人)\n(2)年代別社会増減の推移\n"), std::optional<std::string>("社会増減"));
  EXPECT_EQ(quantity_of_caption("男女別人口の推移"), std::optional<std::string>("人口"));
  EXPECT_EQ(quantity_of_caption("自然増減の推移\n(単位：人)"), std::optional<std::string>("自然増減"))
      << "the last line naming a quantity";
  EXPECT_EQ(quantity_of_caption("各種事業の進捗状況"), std::nullopt);
}

TEST(ContractRules, CategoryRowsOfAStatisticsTableNameTheirQuantity) {
  auto records = records_from_text(
      "(2)年代別社会増減の推移\n"
      "区分\tR3 (2021)\tR4 (2022)\tR5 (2023)\n"
      "14歳以下\t1\t44\t4\n"
      "65歳以上\t▲ 77\t▲ 50\t▲ 81\n"
      "差引増減\t▲ 341\t▲ 349\t▲ 389\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].indicator, "社会増減:14歳以下");
  EXPECT_EQ(records[1].indicator, "社会増減:65歳以上");
  EXPECT_EQ(records[2].indicator, "社会増減:差引増減");
  EXPECT_EQ(records[1].values[1].v.value, -50);
}

RecordValue value(const std::string& role, int start, int end, std::optional<double> v, bool stated) {
  RecordValue rv;
  rv.role = *role_from_string(role);
  rv.period = Period{};
  rv.period->start = start;
  rv.period->end = end;
  rv.v.value = v;
  rv.v.status = v ? ValueStatus::ok : ValueStatus::none;
  rv.v.raw = v ? std::to_string(int(*v)) : "";
  rv.stated_beside = stated;
  return rv;
}

TEST(ContractRules, OneValuePerRoleAndPeriodTheColumnsKept) {
  KpiRecord rec;
  rec.values = {value("baseline", 2019, 2019, 36.7, true), value("target", 2025, 2025, 40, true),
                value("target", 2025, 2025, 40, false), value("target", 2024, 2024, 39, false)};
  keep_one_value_per_role_and_period(rec);
  ASSERT_EQ(rec.values.size(), 3u);
  EXPECT_FALSE(rec.values[1].stated_beside) << "the 2025 target is the column's";
  EXPECT_TRUE(rec.warnings.empty()) << "they agree";
}

TEST(ContractRules, OneValuePerRoleAndPeriodADisagreementIsSaid) {
  KpiRecord rec;
  rec.values = {value("target", 2025, 2025, 40, true), value("target", 2025, 2025, 41, false)};
  keep_one_value_per_role_and_period(rec);
  ASSERT_EQ(rec.values.size(), 1u);
  EXPECT_EQ(rec.values[0].v.value, 41);
  EXPECT_EQ(rec.warnings.size(), 1u);
}

TEST(ContractRules, ADashedColumnDoesNotOutweighAStatedNumber) {
  KpiRecord rec;
  rec.values = {value("target", 2021, 2025, 15, true), value("target", 2021, 2025, std::nullopt, false)};
  keep_one_value_per_role_and_period(rec);
  ASSERT_EQ(rec.values.size(), 1u);
  EXPECT_EQ(rec.values[0].v.value, 15);
}

TEST(ContractRules, EmptyYearCellsOfAPairRowAreNoneValues) {
  auto records = records_from_text(
      "施策名・事業名\t重要業績評価指標(KPI)\t区分\t3年度\t4年度\t5年度\t5年間の合計\n"
      "創業支援事業\t新規創業件数 ／2件(令和元年)→4件(令和5年)\t目標値\t2\t3\t4\t—\n"
      "\t\t実績値\t5\t\t\t\n");
  ASSERT_EQ(records.size(), 1u);
  int none_actuals = 0, targets_2023 = 0;
  for (const RecordValue& v : records[0].values) {
    if (v.role == Role::actual && v.v.status == ValueStatus::none) ++none_actuals;
    if (v.role == Role::target && v.period && v.period->start == 2023 && v.period->end == 2023) ++targets_2023;
  }
  EXPECT_EQ(none_actuals, 3) << "4年度, 5年度 and the total";
  EXPECT_EQ(targets_2023, 1) << "the note's →4件(令和5年) and the 5年度 column are one value";
}

}  // namespace
}  // namespace kpix

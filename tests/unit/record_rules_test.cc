// Records the builder hands on keep the contract's rules on their shape,
// whatever a table family made of a table; and the role-columns family keeps
// every row that has values.
#include "pipeline/records/record_rules.h"

#include <gtest/gtest.h>

#include "tests/unit/records_from_text.h"

namespace kpix {
namespace {

TEST(RecordRules, AProjectLevelRecordWithoutAProjectIsReadAtGoalLevel) {
  KpiRecord rec;
  rec.level = "project";
  rec.indicator = "転入者数";
  enforce_record_rules(rec);
  EXPECT_EQ(rec.level, "goal");
  EXPECT_FALSE(rec.project.has_value());
  ASSERT_EQ(rec.warnings.size(), 1u);
}

TEST(RecordRules, AnEmptyProjectNameIsNoProject) {
  KpiRecord rec;
  rec.level = "project";
  rec.project = "";
  enforce_record_rules(rec);
  EXPECT_EQ(rec.level, "goal");
  EXPECT_FALSE(rec.project.has_value());
}

TEST(RecordRules, GoalAndStatisticRecordsNameNoProject) {
  for (const char* level : {"goal", "statistic"}) {
    KpiRecord rec;
    rec.level = level;
    rec.project = "創業支援事業";
    enforce_record_rules(rec);
    EXPECT_FALSE(rec.project.has_value()) << level;
    EXPECT_TRUE(rec.warnings.empty()) << level;
  }
}

TEST(RecordRules, ASharedRowNamesItsProjectOrIsNotMarkedSharedWith) {
  KpiRecord named;
  named.level = "project";
  named.project = "保育・教育人材確保事業";
  named.shared_with = "保育所入所運営事業";
  enforce_record_rules(named);
  EXPECT_EQ(named.qualifiers, std::vector<std::string>{"shared"});
  KpiRecord unnamed = named;
  unnamed.qualifiers = {"shared"};
  unnamed.shared_with = "";
  enforce_record_rules(unnamed);
  EXPECT_FALSE(unnamed.shared_with.has_value());
  EXPECT_EQ(unnamed.warnings.size(), 1u);
}

TEST(RecordRules, AnInvalidNumberLeavesAWarning) {
  KpiRecord rec;
  rec.level = "goal";
  RecordValue v;
  v.v.status = ValueStatus::invalid;
  rec.values.push_back(v);
  enforce_record_rules(rec);
  EXPECT_EQ(rec.warnings.size(), 1u);
  enforce_record_rules(rec);
  EXPECT_EQ(rec.warnings.size(), 1u) << "said once";
}

const KpiRecord* find(const std::vector<KpiRecord>& records, std::string_view indicator) {
  for (const KpiRecord& r : records)
    if (r.indicator == indicator) return &r;
  return nullptr;
}

const RecordValue* value_of(const KpiRecord& r, const std::string& role) {
  for (const RecordValue& v : r.values)
    if (to_string(v.role) == role) return &v;
  return nullptr;
}

TEST(RoleColumnsRules, ATableWithNeitherAProjectColumnNorAProjectHeadingIsGoalLevel) {
  auto records = records_from_text(
      "人口の推移と目標\n"
      "指標\t基準値\tR6実績\tR9目標値\n"
      "転入者数\t1,000人\t1,100人\t1,200人\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].level, "goal");
  EXPECT_FALSE(records[0].project.has_value());
}

TEST(RoleColumnsRules, ARowOfValuesWithoutANameFillsInTheRowAbove) {
  // A wrapped indicator whose values a rendering printed on the name's second line.
  auto records = records_from_text(
      "指標\t基準値\tR6実績\tR9目標値\n"
      "転入者数\t\t\t\n"
      "\t1,000人\t1,100人\t1,200人\n"
      "転出者数\t900人\t950人\t800人\n");
  ASSERT_EQ(records.size(), 2u);
  const KpiRecord* in = find(records, "転入者数");
  ASSERT_NE(in, nullptr);
  ASSERT_NE(value_of(*in, "baseline"), nullptr);
  EXPECT_EQ(value_of(*in, "baseline")->v.value, 1000);
  EXPECT_EQ(value_of(*in, "target")->v.value, 1200);
}

TEST(RoleColumnsRules, ARowOfValuesWithoutANameUnderAFullRowIsARecordOfTheSameName) {
  auto records = records_from_text(
      "指標\t基準値\tR6実績\tR9目標値\n"
      "転入者数\t1,000人\t1,100人\t1,200人\n"
      "\t10人\t11人\t12人\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].indicator, "転入者数");
  EXPECT_EQ(value_of(records[1], "baseline")->v.value, 10);
  EXPECT_FALSE(records[1].warnings.empty());
}

}  // namespace
}  // namespace kpix

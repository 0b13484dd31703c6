// Notes under a KPI table: the text after the table cut into notes, and the
// periods they give applied to the table's records (pipeline/records/table_notes).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/records/table_notes.h"

namespace kpix {
namespace {

struct SplitCase {
  const char* what;
  std::string text;
  std::vector<std::string> notes;
};

TEST(TableNotes, SplitNotes) {
  const SplitCase cases[] = {
      {"a note wrapped over two lines is one note",
       "※ K P I の基準値は2016年度～2018年度の合計\n目標値は2020年から2024年までの5年間の合計\n",
       {"※ K P I の基準値は2016年度～2018年度の合計目標値は2020年から2024年までの5年間の合計"}},
      {"each ※ opens a note", "※1 基準値は2018年\n※2 目標値は計画期間終了時点\n", {"※1 基準値は2018年", "※2 目標値は計画期間終了時点"}},
      {"list items open notes",
       "①②住民基本台帳人口（基準値：2018年、目標値：計画期間終了時点）\n④観光入込客数（基準値：2017年度）\n",
       {"①②住民基本台帳人口（基準値：2018年、目標値：計画期間終了時点）", "④観光入込客数（基準値：2017年度）"}},
      {"a heading is no note and ends the one before", "※ 基準値は2018年\n【基本目標2】\n※ 目標値は2024年\n",
       {"※ 基準値は2018年", "※ 目標値は2024年"}},
      {"no text, no notes", "", {}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(split_notes(c.text), c.notes) << c.what;
}

RecordValue value(const std::string& role, const std::string& raw) {
  RecordValue v;
  v.role = *role_from_string(role);
  v.v.status = ValueStatus::ok;
  v.v.raw = raw;
  return v;
}

KpiRecord record(int marker, std::vector<RecordValue> values) {
  KpiRecord r;
  r.marker = marker;
  r.values = std::move(values);
  return r;
}

std::string years_of(const RecordValue& v) {
  if (!v.period) return "-";
  std::string s = std::to_string(v.period->start) + "-" + std::to_string(v.period->end);
  if (v.period->agg == Agg::sum) s += " sum";
  if (v.period->agg == Agg::mean) s += " mean";
  return s;
}

TEST(TableNotes, PeriodsForTheWholeTable) {
  RecordValue pending = value("target", "50人 (5年間の合計)");
  pending.plan_end_pending = true;
  std::vector<KpiRecord> records = {record(1, {value("baseline", "26人"), pending})};
  apply_table_notes("※ K P I の基準値は2016年度～2018年度の合計、目標値は2020年から2024年までの5年間の合計\n", "令和",
                    records, 0, 1);
  EXPECT_EQ(years_of(records[0].values[0]), "2016-2018 sum");
  EXPECT_EQ(years_of(records[0].values[1]), "2020-2024 sum");
  EXPECT_FALSE(records[0].values[1].plan_end_pending);
}

TEST(TableNotes, NumberedNotesSpeakOfTheirRowsOnly) {
  std::vector<KpiRecord> records = {record(1, {value("baseline", "100人")}), record(2, {value("baseline", "5件")}),
                                    record(3, {value("baseline", "20%")})};
  apply_table_notes("①②住民基本台帳人口（基準値：2018年）\n", "令和", records, 0, 3);
  EXPECT_EQ(years_of(records[0].values[0]), "2018-2018");
  EXPECT_EQ(years_of(records[1].values[0]), "2018-2018");
  EXPECT_EQ(years_of(records[2].values[0]), "-");
}

TEST(TableNotes, AValueThatStatesItsPeriodKeepsIt) {
  RecordValue own = value("baseline", "14人/年 (R2～R4平均)");
  own.v.period = Period{};
  own.v.period->start = 2020;
  own.v.period->end = 2022;
  own.v.period->agg = Agg::mean;
  own.period = own.v.period;
  std::vector<KpiRecord> records = {record(1, {own})};
  apply_table_notes("※ 基準値は2018年\n", "令和", records, 0, 1);
  EXPECT_EQ(years_of(records[0].values[0]), "2020-2022 mean");
}

TEST(TableNotes, OnlyTheTablesRecordsAreTouched) {
  std::vector<KpiRecord> records = {record(1, {value("baseline", "1件")}), record(1, {value("baseline", "2件")})};
  apply_table_notes("※ 基準値は2018年\n", "令和", records, 1, 2);
  EXPECT_EQ(years_of(records[0].values[0]), "-");
  EXPECT_EQ(years_of(records[1].values[0]), "2018-2018");
}

}  // namespace
}  // namespace kpix

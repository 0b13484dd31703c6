// What only the whole document tells, filled into its records at the end
// (pipeline/records/document_facts): municipality, units from names and
// shared rows, the plan's end year for targets that wait for it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/records/document_facts.h"

namespace kpix {
namespace {

struct MunicipalityCase {
  const char* what;
  std::string name, code;
  std::vector<std::string> lines, table_lines;
  std::string want_name;
  std::optional<std::string> want_code;
  size_t notes;
};

TEST(DocumentFacts, ChooseMunicipality) {
  MunicipalityIndex index;
  const MunicipalityCase cases[] = {
      {"a code given names the municipality", "", "012106", {}, {}, "岩見沢市", "012106", 0},
      {"an unknown code is noted", "", "999999", {"砂川市の総合戦略"}, {}, "", std::nullopt, 1},
      {"a name given is resolved", "芦別市", "", {}, {}, "芦別市", "012165", 0},
      {"else the one the document names", "", "", {"第2期砂川市まち・ひと・しごと創生総合戦略", "数値目標・KPI集計表"}, {},
       "砂川市", "012262", 0},
      {"a document naming itself only in its tables", "", "", {"事業評価書"}, {"苫小牧市 総務部"}, "苫小牧市", "012131", 0},
  };
  for (const MunicipalityCase& c : cases) {
    std::vector<std::string> notes;
    MunicipalityChoice m = choose_municipality(c.name, c.code, index, c.lines, c.table_lines, notes);
    EXPECT_EQ(m.name, c.want_name) << c.what;
    EXPECT_EQ(m.code, c.want_code) << c.what;
    EXPECT_EQ(notes.size(), c.notes) << c.what;
  }
}

RecordValue number(const std::string& role, const std::string& unit) {
  RecordValue v;
  v.role = *role_from_string(role);
  v.v.status = ValueStatus::ok;
  v.v.value = 10;
  v.v.unit = unit;
  return v;
}

KpiRecord record(const std::string& level, const std::string& indicator, std::vector<RecordValue> values = {}) {
  KpiRecord r;
  r.level = level;
  r.indicator = indicator;
  r.values = std::move(values);
  return r;
}

struct NameUnitCase {
  std::string level, indicator;
  std::string unit;
};

TEST(DocumentFacts, UnitsFromNames) {
  const NameUnitCase cases[] = {
      {"project", "新規創業件数", "件"},
      {"project", "研修終了者数", "人"},
      {"goal", "子育て世帯数", "世帯"},
      {"project", "登録団体数", "団体"},
      {"statistic", "出生", "人"},
      {"statistic", "社会増減数", "人"},
      {"statistic", "合計特殊出生率", ""},  // a rate counts no one
      {"goal", "転入超過", ""},               // people, but only statistics are read so
      {"project", "農業産出額", ""},
  };
  for (const NameUnitCase& c : cases) {
    std::vector<KpiRecord> records = {record(c.level, c.indicator, {number("actual", ""), number("achievement", "")})};
    fill_units_from_names(records);
    EXPECT_EQ(records[0].unit, c.unit) << c.indicator;
    EXPECT_EQ(records[0].values[0].v.unit, c.unit) << c.indicator;  // the bare number takes it
    EXPECT_EQ(records[0].values[1].v.unit, "") << c.indicator;      // an achievement rate does not
  }
}

TEST(DocumentFacts, AUnitPrintedIsKept) {
  std::vector<KpiRecord> records = {record("project", "新規創業件数", {number("actual", "社")})};
  records[0].unit = "社";
  fill_units_from_names(records);
  EXPECT_EQ(records[0].unit, "社");
}

TEST(DocumentFacts, ASharedRowTakesTheUnitOfTheRowItShares) {
  KpiRecord elsewhere = record("project", "転入者数");
  elsewhere.project = "シティプロモーション事業";
  elsewhere.unit = "人";
  KpiRecord shared_one = record("project", "転入者数");
  shared_one.project = "移住定住促進事業";
  shared_one.unit = "名";
  KpiRecord row = record("project", "転入者数");
  row.project = "空き家対策事業";
  row.shared_with = "移住定住促進事業";
  std::vector<KpiRecord> records = {elsewhere, shared_one, row};
  fill_units_of_shared_rows(records);
  EXPECT_EQ(records[2].unit, "名");
}

struct PlanEndCase {
  const char* what;
  int plan_years;
  std::vector<std::string> qualifiers;
  std::optional<int> plan_end;
  std::string period;  // start-end agg, or "-"
  size_t warnings;
};

TEST(DocumentFacts, TargetsForThePlansEnd) {
  const PlanEndCase cases[] = {
      {"計画終了時点: the plan's last year", 0, {}, 2027, "2027-2027 fiscal", 0},
      {"5年間の合計: the plan's last five years, summed", 5, {"total"}, 2024, "2020-2024 fiscal sum", 0},
      {"4年間の平均: averaged", 4, {"average"}, 2027, "2024-2027 fiscal mean", 0},
      {"no plan end known: a warning, no year", 0, {}, std::nullopt, "-", 1},
  };
  for (const PlanEndCase& c : cases) {
    RecordValue v = number("target", "人");
    v.plan_end_pending = true;
    v.plan_years = c.plan_years;
    v.v.qualifiers = c.qualifiers;
    std::vector<KpiRecord> records = {record("goal", "転入者数", {v})};
    fill_plan_end(records, c.plan_end);
    const RecordValue& got = records[0].values[0];
    std::string period = "-";
    if (got.period) {
      period = std::to_string(got.period->start) + "-" + std::to_string(got.period->end) + " " +
               std::string(to_string(got.period->basis));
      if (got.period->agg != Agg::none) period += " " + std::string(to_string(got.period->agg));
    }
    EXPECT_EQ(period, c.period) << c.what;
    EXPECT_FALSE(got.plan_end_pending) << c.what;
    EXPECT_EQ(records[0].warnings.size(), c.warnings) << c.what;
  }
}

}  // namespace
}  // namespace kpix

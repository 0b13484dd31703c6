// What diff_editions reports for pairs of small made-up records: a past
// year's actual restated, an actual that was pending, an unchanged value
// (nothing), a rebased baseline and how it stands to the old figures, targets
// revised, set and dropped, and KPIs matched across a renamed project or a
// renamed indicator of the same concept, or not matched where that is unsure.
#include <gtest/gtest.h>

#include "pipeline/dataset/diff.h"

namespace kpix {
namespace {

using nlohmann::json;

json value(const char* role, int year, const char* raw, std::optional<double> v, const char* status = "ok",
           int end = 0) {
  json j = {{"role", role}, {"raw", raw}, {"status", status}, {"unit", "人"}, {"qualifiers", json::array()},
            {"period", {{"start", year}, {"end", end ? end : year}, {"basis", "fiscal"}}},
            {"source", {{"page", 1}, {"line", year - 2000}}}};
  j["value"] = v ? json(*v) : json(nullptr);
  return j;
}

json kpi(const char* indicator, const char* project, std::vector<json> values, const char* concept_id = nullptr) {
  json r = {{"indicator", indicator}, {"unit", "人"}, {"level", *project ? "project" : "goal"},
            {"values", values}, {"source", {{"page", 1}, {"line", 1}}}};
  r["project"] = *project ? json(project) : json(nullptr);
  if (concept_id) r["concept"] = {{"id", concept_id}};
  return r;
}

// "kind what indicator: old → new" per entry, shared entries with their note.
std::vector<std::string> lines(const EditionDiff& d) {
  auto show = [](const json& v) {
    if (v.is_null()) return std::string("-");
    return std::to_string(v["period"]["start"].get<int>()) + ":" + v["raw"].get<std::string>();
  };
  std::vector<std::string> out;
  for (const DiffEntry& e : d.entries) {
    const json& r = e.new_record.is_null() ? e.old_record : e.new_record;
    std::string s = e.kind + (e.what ? " " + std::string(to_string(*e.what)) : "") + " " + r["indicator"].get<std::string>();
    if (e.kind != "shared" && e.kind != "kpi_added" && e.kind != "kpi_dropped")
      s += ": " + show(e.old_value) + " → " + show(e.new_value);
    if (!e.note.empty()) s += " (" + e.note + ")";
    out.push_back(s);
  }
  return out;
}

TEST(EditionDiff, ValuesOfAMatchedKpi) {
  std::vector<json> olds = {kpi("転出超過数", "", {value("baseline", 2018, "▲312人", -312), value("actual", 2020, "▲341人", -341),
                                                value("actual", 2021, "▲349人", -349),
                                                value("actual", 2022, "集計中", std::nullopt, "pending"),
                                                value("target", 2024, "▲275人", -275)})};
  std::vector<json> news = {kpi("転出超過数", "", {value("baseline", 2020, "▲341人", -341), value("actual", 2021, "▲350人", -350),
                                                value("actual", 2022, "▲389人", -389), value("actual", 2023, "－", std::nullopt, "none"),
                                                value("target", 2024, "▲270人", -270), value("target", 2027, "▲250人", -250)})};
  EditionDiff d = diff_editions(olds, news);
  EXPECT_EQ(lines(d), (std::vector<std::string>{
                          "shared 転出超過数",
                          "restated actual 転出超過数: 2021:▲349人 → 2021:▲350人",
                          "new_actual 転出超過数: 2022:集計中 → 2022:▲389人 (the old edition had 2022 as 集計中)",
                          "restated baseline 転出超過数: 2018:▲312人 → 2020:▲341人 (the new baseline is the old edition's 2020 actual)",
                          "target_revised 転出超過数: 2024:▲275人 → 2024:▲270人",
                          "target_revised 転出超過数: - → 2027:▲250人 (a target the old edition did not have)",
                      }));
  EXPECT_EQ(diff_counts(d), "1 shared KPIs, 1 new actuals, 2 restated, 2 targets revised, 0 added, 0 dropped");
}

TEST(EditionDiff, NothingChangedGivesOnlyTheSharedKpi) {
  std::vector<json> same = {kpi("新規就農者数", "新規就農支援事業", {value("baseline", 2018, "14人", 14), value("actual", 2020, "14人", 14),
                                                              value("target", 2024, "20人", 20)})};
  EXPECT_EQ(lines(diff_editions(same, same)), (std::vector<std::string>{"shared 新規就農者数"}));
}

TEST(EditionDiff, ARebasedBaselineThatDisagreesWithTheOldActualSaysSo) {
  std::vector<json> olds = {kpi("移住者数", "移住促進事業", {value("baseline", 2018, "30人", 30), value("actual", 2022, "41人", 41)})};
  std::vector<json> news = {kpi("移住者数", "移住促進事業", {value("baseline", 2022, "44人", 44), value("target", 2027, "50人", 50)})};
  EXPECT_EQ(lines(diff_editions(olds, news)),
            (std::vector<std::string>{"shared 移住者数",
                                      "restated baseline 移住者数: 2018:30人 → 2022:44人 (the old edition's 2022 actual was 41人)",
                                      "target_revised 移住者数: - → 2027:50人 (a target the old edition did not have)"}));
}

TEST(EditionDiff, KpisMatchedAcrossRenamesOnlyWhereUnambiguous) {
  std::vector<json> olds = {
      kpi("観光入込客数(イベントを除く)", "観光振興戦略推進事業", {}),
      kpi("合計特殊出生率(5年平均)", "", {}, "population.tfr"),
      kpi("参加者数", "講座A事業", {}),
      kpi("参加者数", "講座B事業", {}),
      kpi("社会動態における転入率", "シティプロモーション推進事業", {}),  // a pointer to another row
  };
  olds[4]["shared_with"] = "移住定住促進事業";
  std::vector<json> news = {
      kpi("観光入込客数(イベントを除く)", "観光物産振興事業", {}),
      kpi("合計特殊出生率(5か年平均)", "", {}, "population.tfr"),
      kpi("参加者数", "講座C事業", {}),  // which of A and B it continues, nobody can say
  };
  EXPECT_EQ(lines(diff_editions(olds, news)),
            (std::vector<std::string>{
                "shared 観光入込客数(イベントを除く) (project renamed: 観光振興戦略推進事業 → 観光物産振興事業)",
                "shared 合計特殊出生率(5か年平均) (indicator renamed: 合計特殊出生率(5年平均) → 合計特殊出生率(5か年平均) (same concept))",
                "kpi_added 参加者数", "kpi_dropped 参加者数", "kpi_dropped 参加者数"}));
}

}  // namespace
}  // namespace kpix

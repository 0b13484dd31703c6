// The prose KPI reader (pipeline/records/prose_kpi.h) on sentences written
// from the real documents' grammar: 京都's 新規・充実事業 sheets (`指標：…【数値目標：…】`,
// actuals `名：79,092人 ※R6.１１末時点`), 音威子府's 総合戦略 headline (`…４０人
// （2014年度）→年４０人（2019年度）`), 総合戦略 goal lines (`数値目標：観光入込客数
// 50万人（令和6年度）`) and action plans' target sentences. Every expected value
// was worked out by hand from the sentence.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/normalize/as_of.h"
#include "pipeline/records/prose_kpi.h"

namespace kpix {
namespace {

// role period value unit [qualifiers] [plan-end] per value, `;` between values.
std::string Dump(const KpiRecord& r) {
  std::string s = r.level + " " + r.indicator + " [" + r.unit + "]";
  for (const RecordValue& v : r.values) {
    s += "; " + std::string(to_string(v.role));
    if (v.period) s += " " + std::to_string(v.period->start) + "-" + std::to_string(v.period->end);
    if (v.plan_end_pending) s += " plan-end";
    if (v.plan_years) s += "/" + std::to_string(v.plan_years) + "y";
    s += " " + (v.v.value ? v.v.number : std::string(to_string(v.v.status)));
    for (const std::string& q : v.v.qualifiers) s += " " + q;
  }
  return s;
}

struct Case {
  const char* form;  // what the case is about
  const char* text;
  const char* era;
  std::vector<std::string> want;
};

const Case kCases[] = {
    // Target only (its year left for the plan's end), with the basis naming a
    // baseline year of the same figure.
    {"target with basis", "・ 指標：つどいの広場の利用者【数値目標：100,641人（数値目標の考え方：R4年度と同数の施設利用者）】",
     "令和", {"project つどいの広場の利用者 [人]; target plan-end 100641; baseline 2022-2022 100641"}},
    // Target only, its basis a formula, the bracket wrapped by the cell.
    {"target only", "・ 指標：つどいの広場における「地域支援事業の実施」の実施【数値目標：480回（数値目標の考え方：12回（年 間）×40施設）】",
     "令和", {"project つどいの広場における「地域支援事業の実施」の実施 [回]; target plan-end 480"}},
    // Two indicators in one boxed cell.
    {"two in a cell",
     "＜実施成果（アウトプット）＞ ・ 指標：相談件数【数値目標：1,200件】 ＜事業効果（アウトカム）＞ ・ 指標：満足度【数値目標：約80％】",
     "令和", {"project 相談件数 [件]; target plan-end 1200", "project 満足度 [%]; target plan-end 80 approximate"}},
    // Target and year.
    {"target and year", "数値目標：観光入込客数 50万人（令和6年度）", "令和", {"goal 観光入込客数 [人]; target 2024-2024 500000"}},
    {"target and year, 平成", "数値目標：転入者数 1,200人（平成31年度）", "平成", {"goal 転入者数 [人]; target 2019-2019 1200"}},
    // Baseline → target.
    {"baseline to target", "高校の入学者数４０人（2014年度）→年４０人（2019年度）", "平成",
     {"goal 高校の入学者数 [人]; baseline 2014-2014 40; target 2019-2019 40 per_year"}},
    {"baseline to target, total", "新規就農者数２人（2014年度）→５年間で６人（2019年度）", "平成",
     {"goal 新規就農者数 [人]; baseline 2014-2014 2; target 2015-2019 6 total"}},
    // Plan end implied: a sentence with no year.
    {"plan end implied", "地域の防災訓練に参加する市民の割合を３０％以上とする。", "令和",
     {"project 地域の防災訓練に参加する市民の割合 [%]; target plan-end 30"}},
    {"plan end implied, approximate", "各中学校区にスクールソーシャルワーカーを２名程度配置する。", "令和",
     {"project 各中学校区にスクールソーシャルワーカー [名]; target plan-end 2 approximate"}},
    // Not KPIs: a budget sentence and running text.
    {"money is not a target", "事業費の総額を5億円とする。", "令和", {}},
    {"running text", "令和6年度中に新たに1か所で実施する。", "令和", {}},
};

TEST(ProseKpi, ReadsEachForm) {
  for (const Case& c : kCases) {
    std::vector<std::string> got;
    for (const KpiRecord& r : read_prose_kpis(c.text, c.era)) got.push_back(Dump(r));
    EXPECT_EQ(got, c.want) << c.form << ": " << c.text;
  }
}

TEST(ProseKpi, ActualsByNameWithTheirHeadingAndDate) {
  std::string text =
      "（令和５年度） 令和5年度は、1か所新規に実施 （令和６年度） 全施設にて実施。 ・ つどいの広場の利用者：79,092人、"
      "つどいの広場における「地域支援事業の実施」の実施：1,249回 ※R6.１１ 末時点";
  auto got = read_named_actuals(text, {"つどいの広場の利用者", "つどいの広場における「地域支援事業の実施」の実施"}, "令和");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].indicator, "つどいの広場の利用者");
  EXPECT_EQ(got[0].v.number, "79092");
  EXPECT_EQ(got[0].v.unit, "人");
  ASSERT_TRUE(got[0].period);
  EXPECT_EQ(got[0].period->start, 2024);
  EXPECT_EQ(got[0].v.as_of, "2024-11-30");
  EXPECT_EQ(got[1].v.number, "1249");
  EXPECT_EQ(got[1].v.unit, "回");
  EXPECT_EQ(got[1].v.as_of, "2024-11-30");
  // The statement of the KPI itself gives no actual.
  EXPECT_TRUE(read_named_actuals("指標：つどいの広場の利用者【数値目標：100,641人】", {"つどいの広場の利用者"}, "令和").empty());
}

TEST(AsOf, DatesTheDocumentsWrite) {
  const std::pair<const char*, const char*> cases[] = {
      {"※R6.12末時点", "2024-12-31"},   {"※R6.１１末時点", "2024-11-30"}, {"令和6年11月末現在", "2024-11-30"},
      {"R7.3.31時点", "2025-03-31"},    {"2024年2月末時点", "2024-02-29"}, {"平成25年3月31日現在", "2013-03-31"},
  };
  for (auto& [text, want] : cases) EXPECT_EQ(find_as_of(text), std::optional<std::string>(want)) << text;
  EXPECT_FALSE(find_as_of("令和6年度"));
  EXPECT_FALSE(find_as_of("R6.13末時点"));
}

}  // namespace
}  // namespace kpix

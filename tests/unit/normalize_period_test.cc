// normalize_period and find_period against labels of the seed documents.
// Expected years worked out by hand: 令和 N = 2018 + N, 平成 N = 1988 + N,
// 昭和 N = 1925 + N, 元年 = 1; 年度 is fiscal, 年 and dates calendar, a bare
// year or era letter (`R6`, `2020実績`) unknown.
//
// Dump: start-end/basis[/agg][/date][ !] where `!` marks a warning.
#include <string>

#include <gtest/gtest.h>

#include "parsers/normalize/period.h"

namespace kpix {
namespace {

std::string Dump(const std::optional<Period>& p) {
  if (!p) return "none";
  std::string s = std::to_string(p->start) + "-" + std::to_string(p->end) + "/" + std::string(to_string(p->basis));
  if (p->agg != Agg::none) s += "/" + std::string(to_string(p->agg));
  if (!p->date.empty()) s += "/" + p->date;
  if (!p->warnings.empty()) s += " !";
  return s;
}

struct Case {
  const char* label;
  const char* era;
  const char* want;
};

const Case kLabels[] = {
    // Column headers.
    {"令和4年度", "", "2022-2022/fiscal"},
    {"令和元年", "", "2019-2019/calendar"},
    {"令和元年度", "", "2019-2019/fiscal"},
    {"平成31年度", "", "2019-2019/fiscal"},
    {"平成27年", "", "2015-2015/calendar"},
    {"平成元年", "", "1989-1989/calendar"},
    {"昭和64年", "", "1989-1989/calendar"},
    {"R6", "", "2024-2024/unknown"},
    {"R6実績", "", "2024-2024/unknown"},
    {"H30基準", "", "2018-2018/unknown"},
    {"R 2実績", "", "2020-2020/unknown"},
    {"R 6目標", "", "2024-2024/unknown"},
    {"R9目標値", "", "2027-2027/unknown"},
    {"R1 (2019)", "", "2019-2019/unknown"},
    {"2020実績", "", "2020-2020/unknown"},
    {"2020", "", "2020-2020/unknown"},
    {"2024", "", "2024-2024/unknown"},
    {"H26 (2014)", "", "2014-2014/unknown"},
    {"H27 (2015)", "", "2015-2015/unknown"},
    {"Ｒ４年度", "", "2022-2022/fiscal"},
    {"3年度", "令和", "2021-2021/fiscal"},
    {"7年度", "令和", "2025-2025/fiscal"},
    {"7年度", "R", "2025-2025/fiscal"},
    {"30年度", "平成", "2018-2018/fiscal"},
    {"(R4実績)", "", "2022-2022/unknown"},
    {"（令和元年）", "", "2019-2019/calendar"},
    {"令和7年", "", "2025-2025/calendar"},
    {"令和元年度", "", "2019-2019/fiscal"},
    // Ranges.
    {"R2～R4平均", "", "2020-2022/unknown/mean"},
    {"R2〜R4平均", "", "2020-2022/unknown/mean"},
    {"R2~R4平均", "", "2020-2022/unknown/mean"},
    {"R2～R4合計", "", "2020-2022/unknown/sum"},
    {"2016～2018年平均", "", "2016-2018/calendar/mean"},
    {"2015～2017年平均", "", "2015-2017/calendar/mean"},
    {"2020~2022年平均", "", "2020-2022/calendar/mean"},
    {"令和2年度～令和6年度", "", "2020-2024/fiscal"},
    {"令和6年度～令和9年度", "", "2024-2027/fiscal"},
    {"平成27年～令和2年", "", "2015-2020/calendar"},
    {"令和2年～令和7年", "", "2020-2025/calendar"},
    {"2016年度～2018年度の合計", "", "2016-2018/fiscal/sum"},
    {"2015～2019年度", "", "2015-2019/fiscal"},
    {"令和2年～6年", "", "2020-2024/calendar"},
    {"H29～R4", "", "2017-2022/unknown"},
    {"R3年10月～R4年9月", "", "2021-2022/calendar"},
    // Cross-checked spellings.
    {"2024年度（令和6年度）", "", "2024-2024/fiscal"},
    {"2024年度（令和5年度）", "", "2024-2024/fiscal !"},
    {"令和3（2021）年度", "", "2021-2021/fiscal"},
    {"令和4（2022）年度", "", "2022-2022/fiscal"},
    {"2030年（令和12年）", "", "2030-2030/calendar"},
    {"2021（令和3）年", "", "2021-2021/calendar"},
    {"H26 (2015)", "", "2014-2014/unknown !"},
    // Dates.
    {"R7.4.1現在", "", "2025-2025/calendar/2025-04-01"},
    {"令和5年12月20日", "", "2023-2023/calendar/2023-12-20"},
    {"令和5年12月21日", "", "2023-2023/calendar/2023-12-21"},
    {"令和7年9月10日", "", "2025-2025/calendar/2025-09-10"},
    {"R6.5.24", "", "2024-2024/calendar/2024-05-24"},
    {"2019年4月1日現在", "", "2019-2019/calendar/2019-04-01"},
    {"令和2年 4月", "", "2020-2020/calendar"},
    {"令和5年10月末現在", "", "2023-2023/calendar"},
    {"R6.3末", "", "2024-2024/calendar"},  // a month's end, dotted, as 令和6年3月末
    {"R6.3月末時点", "", "2024-2024/calendar"},
    {"R6.13末", "", "none"},
    // A fiscal year written the English way.
    {"FY2024", "", "2024-2024/fiscal"},
    {"FY2020～FY2024", "", "2020-2024/fiscal"},
    {"ＦＹ２０２４実績", "", "2024-2024/fiscal"},
    {"FY24", "", "none"},
    // Era years past the era's end are kept, with a warning.
    {"平成32年", "", "2020-2020/calendar !"},
    {"平成32年度", "", "2020-2020/fiscal !"},
    {"H32", "", "2020-2020/unknown !"},
    {"昭和65年", "", "1990-1990/calendar !"},
};

// Not period labels.
const Case kNotLabels[] = {
    {"令和4年度実績値に対する所見", "", "none"},
    {"5年間の合計", "", "none"},
    {"5年間の合計", "令和", "none"},
    {"初年度 H27 (2015)", "", "none"},
    {"R4～R2", "", "none"},
    {"3年度", "", "none"},
    {"R123", "", "none"},
    {"令和0年", "", "none"},
    {"9999年", "", "none"},
    {"1867", "", "none"},
    {"2201", "", "none"},
    {"ICT5", "", "none"},
    {"令和5年13月", "", "none"},
    {"R", "", "none"},
    {"", "", "none"},
    {"年度", "", "none"},
    {"第2期", "", "none"},
    {"1,498千円", "", "none"},
    {"36.0", "", "none"},
    {"2020.5", "", "none"},
    {"5年", "", "none"},
    {"R2.13.1", "", "none"},
    {"令和5年2月30日", "", "none"},
    {"基準値", "", "none"},
    {"目標値", "", "none"},
};

TEST(NormalizePeriod, Labels) {
  for (const Case& c : kLabels)
    EXPECT_EQ(Dump(normalize_period(c.label, c.era)), c.want) << c.label << " era " << c.era;
}

TEST(NormalizePeriod, NotLabels) {
  for (const Case& c : kNotLabels)
    EXPECT_EQ(Dump(normalize_period(c.label, c.era)), c.want) << c.label << " era " << c.era;
}

// The first period inside longer text: headings, footnotes, notes.
const Case kFind[] = {
    {"令和4（2022）年度の取組み", "", "2022-2022/fiscal"},
    {"※ K P I の基準値は2016年度～2018年度の合計", "", "2016-2018/fiscal/sum"},
    {"第3期岩見沢市総合戦略（令和6年度～令和9年度）", "", "2024-2027/fiscal"},
    {"総合戦略：第1期(2015～2019年度)、第2期(2020～2024年度)", "", "2015-2019/fiscal"},
    {"計画期間は、令和7年度～令和11年度", "", "2025-2029/fiscal"},
    {"③工業統計調査 ※製造業（基準値：2016～2018年平均、目標値：計画期間内における最新の実績）", "",
     "2016-2018/calendar/mean"},
    {"令和5年12月21日（木）16時から", "", "2023-2023/calendar/2023-12-21"},
    {"※令和5年10月末現在", "", "2023-2023/calendar"},
    {"岩見沢市による中心市宣言の公表【R6.5.24】", "", "2024-2024/calendar/2024-05-24"},
    {"南空知定住自立圏形成協定の締結 【R7.3.26】", "", "2025-2025/calendar/2025-03-26"},
    {"(2) 基本目標と登載事業 ～ 【R6事業費：7億2217万円】", "", "2024-2024/unknown"},
    {"2021（令和3）年8月、2050（令和32）年までに", "", "2021-2021/calendar"},
    {"平成22年（2010年）～平成27年（2015年）までの人口の純移動率", "", "2010-2015/calendar"},
    {"国の基本構想の概要（2025年度～2034年度末までの10年間）", "", "2025-2034/fiscal"},
    {"H24~拡充しながら事業継続", "", "2012-2012/unknown"},
    {"令和2年国勢調査(令和4年7月公表)", "", "2020-2020/calendar"},
    {"※ K P I の基準値は2019年4月1日現在の実績", "", "2019-2019/calendar/2019-04-01"},
    {"3年度", "令和", "2021-2021/fiscal"},
    {"重要業績評価指標 (KPI)", "", "none"},
    {"人口167,106人 ⇒ 15万人を維持", "", "none"},
    {"新千歳空港旅客数(千人)", "", "none"},
    {"CO2の実質排出量ゼロ", "", "none"},
    {"情報交換を実施した団体数(3年で一巡)", "令和", "none"},
    {"5年間の合計", "令和", "none"},
    {"Society5.0の実現", "", "none"},
};

TEST(FindPeriod, InText) {
  for (const Case& c : kFind) EXPECT_EQ(Dump(find_period(c.label, c.era)), c.want) << c.label;
}

TEST(FindPeriod, SpanInValueCell) {
  std::string cell = "14人/年 (R2～R4平均)";
  size_t b = 0, e = 0;
  auto p = find_period_span(cell, "", b, e, true);
  ASSERT_TRUE(p);
  EXPECT_EQ(cell.substr(b, e - b), "R2～R4平均");
  // A bare number is not a year in a value cell, but is in a header.
  EXPECT_FALSE(find_period_span("2020", "", b, e, true));
  EXPECT_TRUE(find_period_span("2020", "", b, e, false));
  EXPECT_TRUE(find_period_span("2024年度（令和6年度）中の計画策定", "", b, e, true));
}

TEST(Era, ThroughIcu) {
  EXPECT_EQ(era_to_gregorian("令和", 1), 2019);
  EXPECT_EQ(era_to_gregorian("R", 6), 2024);
  EXPECT_EQ(era_to_gregorian("平成", 30), 2018);
  EXPECT_EQ(era_to_gregorian("H", 31), 2019);
  EXPECT_EQ(era_to_gregorian("平成", 32), 2020);
  EXPECT_EQ(era_to_gregorian("昭和", 64), 1989);
  EXPECT_EQ(era_to_gregorian("大正", 1), 1912);
  EXPECT_EQ(era_to_gregorian("明治", 1), 1868);
  EXPECT_FALSE(era_to_gregorian("慶応", 1));
  EXPECT_FALSE(era_to_gregorian("令和", 0));
  EXPECT_FALSE(era_to_gregorian("", 3));
}

TEST(Era, FiscalYear) {
  EXPECT_EQ(fiscal_year_of(2025, 3), 2024);  // R7.3.26 belongs to FY2024
  EXPECT_EQ(fiscal_year_of(2025, 4), 2025);  // R7.4.1
  EXPECT_EQ(fiscal_year_of(2023, 12), 2023);
  EXPECT_EQ(fiscal_year_of(2024, 1), 2023);
}

TEST(NormalizePeriod, WarningsText) {
  auto p = normalize_period("平成32年");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->warnings.size(), 1u);
  EXPECT_EQ(p->warnings[0], "平成32年 is past the end of 平成 (31年); read as 2020");
  auto q = normalize_period("2024年度（令和5年度）");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->warnings.size(), 1u);
  EXPECT_EQ(q->warnings[0], "2024年度(令和5年度): 2024 and 2023 disagree; kept 2024");
}

TEST(NormalizePeriod, Json) {
  EXPECT_EQ(normalize_period("R2～R4平均")->to_json().dump(), R"({"agg":"mean","basis":"unknown","end":2022,"start":2020})");
  EXPECT_EQ(normalize_period("R7.4.1現在")->to_json().dump(),
            R"({"basis":"calendar","date":"2025-04-01","end":2025,"start":2025})");
  EXPECT_EQ(normalize_period("令和4年度")->to_json().dump(), R"({"basis":"fiscal","end":2022,"start":2022})");
}

}  // namespace
}  // namespace kpix

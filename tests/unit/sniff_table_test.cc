// sniff_table over tables of cases built from grid literals
// (tests/unit/grid_table.h): the label over each data column and the kinds
// fixed from the data. The expected values are what the tables show a
// reader; the shapes are those of the seed documents (岩見沢, 砂川, 芦別,
// 苫小牧), with made-up rows.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pipeline/tables/table_shape.h"
#include "tests/unit/grid_table.h"

namespace kpix {
namespace {

std::string role_name(std::optional<Role> r) { return r ? std::string(to_string(*r)) : ""; }

std::optional<std::pair<int, int>> years(const std::optional<Period>& p) {
  if (!p) return std::nullopt;
  return std::pair<int, int>{p->start, p->end};
}

using Grid = std::vector<std::vector<std::string>>;

// ---- sniff_table: labels per column and the kinds fixed from the data ----

struct Column {
  int column;
  ColumnKind kind;
  std::string role;
  std::optional<std::pair<int, int>> period;
  std::string label;
};

struct ShapeCase {
  const char* what;
  Grid grid;
  bool from_text;
  size_t header_rows;
  std::vector<Column> columns;
  std::vector<std::string> warnings;
};

TEST(SnifferSteps, SniffTable) {
  using K = ColumnKind;
  using P = std::pair<int, int>;
  const ShapeCase cases[] = {
      {"PDF, columns from the text: group labels centred over their columns, empty cells on both sides",
       {{"年次", "世帯数", "", "", "人口", "", "", "自然動態", ""},
        {"", "", "総人口", "増減数", "老年人口", "高齢化率", "出生", "死亡", "増減数"},
        {"平成30年(2018年)", "88 545", "171 811", "△562", "48 603", "28.29%", "1 243", "1 859", "△616"}},
       false,
       2,
       {{0, K::unknown, "", {}, "年次"},
        {1, K::unknown, "", {}, "世帯数"},
        {2, K::unknown, "", {}, "人口/総人口"},
        {3, K::unknown, "", {}, "人口/増減数"},
        {4, K::unknown, "", {}, "人口/老年人口"},
        {5, K::unknown, "", {}, "人口/高齢化率"},
        {6, K::unknown, "", {}, "自然動態/出生"},
        {7, K::unknown, "", {}, "自然動態/死亡"},
        {8, K::unknown, "", {}, "自然動態/増減数"}},
       {}},
      {"role columns",
       {{"項目", "基準値", "R6実績", "R9目標値"}, {"①転入者数", "100人", "120人", "150人"}},
       false,
       1,
       {{0, K::indicator, "", {}, "項目"},
        {1, K::value, "baseline", {}, "基準値"},
        {2, K::value, "actual", P{2024, 2024}, "R6実績"},
        {3, K::value, "target", P{2027, 2027}, "R9目標値"}},
       {}},
      {"project, indicator, roles by year and an achievement column",
       {{"事業名・事業の内容", "重要業績評価指標 (KPI)", "H30基準", "R 2実績", "R 3実績", "R 6目標", "達成状況"},
        {"合同就職説明会事業", "内定者数(人)", "9", "累計0", "累計7", "累計40", "47.5%"}},
       false,
       1,
       {{0, K::project, "", {}, "事業名・事業の内容"},
        {1, K::indicator, "", {}, "重要業績評価指標(KPI)"},
        {2, K::value, "baseline", P{2018, 2018}, "H30基準"},
        {3, K::value, "actual", P{2020, 2020}, "R2実績"},
        {4, K::value, "actual", P{2021, 2021}, "R3実績"},
        {5, K::value, "target", P{2024, 2024}, "R6目標"},
        {6, K::achievement, "achievement", {}, "達成状況"}},
       {}},
      {"columns only the header names: KPI rows with their values still empty",
       {{"指標", "基準値", "R6実績", "R9目標値"}, {"転入者数", "100人", "", ""}},
       false,
       1,
       {{0, K::indicator, "", {}, "指標"},
        {1, K::value, "baseline", {}, "基準値"},
        {2, K::value, "actual", P{2024, 2024}, "R6実績"},
        {3, K::value, "target", P{2027, 2027}, "R9目標値"}},
       {}},
      {"converter text: a KPI label spans the group and name columns; the group column is no indicator",
       {{"重要業績評価指標 (KPI)", "", "基準値", "R6実績", "R9目標値"},
        {"総所得の向上", "①1人あたりの総所得", "1,718千円", "1,918千円", "2,000千円"},
        {"労働生産性の向上", "②従業者1人あたりの付加価値額", "4,045千円", "調査なし (次回R8)", "4,250千円"}},
       true,
       1,
       {{0, K::group, "", {}, "重要業績評価指標(KPI)"},
        {1, K::indicator, "", {}, "重要業績評価指標(KPI)"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "actual", P{2024, 2024}, "R6実績"},
        {4, K::value, "target", P{2027, 2027}, "R9目標値"}},
       {}},
      {"PDF: a KPI label beside an empty header cell spans it; the numbered column names the indicators",
       {{"重要業績評価指標 (KPI)", "", "基準値", "R6実績", "R9目標値"},
        {"総所得の向上", "①1人あたりの総所得", "1,718千円", "1,918千円", "2,000千円"},
        {"", "②従業者1人あたりの付加価値額", "4,045千円", "調査なし (次回R8)", "4,250千円"}},
       false,
       1,
       {{0, K::group, "", {}, "重要業績評価指標(KPI)"},
        {1, K::indicator, "", {}, "重要業績評価指標(KPI)"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "actual", P{2024, 2024}, "R6実績"},
        {4, K::value, "target", P{2027, 2027}, "R9目標値"}},
       {}},
      {"PDF: without numbers, the column with a name on every row and no two alike is the indicator, "
       "whichever side the group label is printed on",
       {{"項目", "", "基準値", "目標値"},
        {"転入者数", "人口の流入", "100人", "150人"},
        {"転出者数", "人口の流入", "90人", "80人"}},
       false,
       1,
       {{0, K::indicator, "", {}, "項目"},
        {1, K::group, "", {}, "項目"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "target", {}, "目標値"}},
       {}},
      {"PDF: a label merged down over the header rows spans no columns to its right",
       {{"令和3（2021）年度の取組み", "", "", ""},
        {"", "項目", "基準値", "2020"},
        {"既存農産業と企業との協働により推進した", "取組みの実証件数", "3件", "3件"}},
       false,
       2,
       {{0, K::comment, "", {}, "令和3(2021)年度の取組み"},
        {1, K::indicator, "", {}, "項目"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "actual", P{2020, 2020}, "2020"}},
       {}},
      {"converter text: years under a spanning KPI label in the upper header row",
       {{"令和4（2022）年度の取組み", "項目", "基準値", "重要業績評価指標（KPI）", "", "", "目標値"},
        {"", "", "", "2020", "2021", "2022", ""},
        {"新たな農業体制の構築に向けた取組みを進めた。", "新たなビジネスモデルの創出", "-", "-", "-", "1件", "3件"}},
       true,
       2,
       {{0, K::comment, "", {}, "令和4(2022)年度の取組み"},
        {1, K::indicator, "", {}, "項目"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "actual", P{2020, 2020}, "重要業績評価指標(KPI)/2020"},
        {4, K::value, "actual", P{2021, 2021}, "重要業績評価指標(KPI)/2021"},
        {5, K::value, "actual", P{2022, 2022}, "重要業績評価指標(KPI)/2022"},
        {6, K::value, "target", {}, "目標値"}},
       {}},
      {"converter text: numbers after an actual column whose header was lost are targets",
       {{"指標", "基準値", "R6実績"}, {"①転入者数", "100人", "120人", "150人"}, {"②転出者数", "90人", "85人", "80人"}},
       true,
       1,
       {{0, K::indicator, "", {}, "指標"},
        {1, K::value, "baseline", {}, "基準値"},
        {2, K::value, "actual", P{2024, 2024}, "R6実績"},
        {3, K::value, "target", {}, ""}},
       {"column 3 has no role in its header; read as targets"}},
      {"a year series has no targets to lose a header",
       {{"区分", "R3 (2021)", "R4 (2022)"}, {"出生数", "372", "329", "287"}, {"死亡", "1,089", "1,220", "1,257"}},
       false,
       1,
       {{0, K::kind, "", {}, "区分"},
        {1, K::value, "actual", P{2021, 2021}, "R3(2021)"},
        {2, K::value, "actual", P{2022, 2022}, "R4(2022)"},
        {3, K::unknown, "", {}, ""}},
       {}},
      {"a column under the KPI label that holds numbers is no indicator column",
       {{"重要業績評価指標(KPI)", "<", "基準値"}, {"転入者数", "120人", "100人"}, {"出生数", "50人", "40人"}},
       false,
       1,
       {{0, K::indicator, "", {}, "重要業績評価指標(KPI)"},
        {1, K::unknown, "", {}, "重要業績評価指標(KPI)"},
        {2, K::value, "baseline", {}, "基準値"}},
       {}},
      {"two indicator-like columns: the left one groups the rows",
       {{"項目", "指標名", "基準値", "目標値"}, {"①しごと", "転入者数", "100人", "150人"}, {"", "新規創業件数", "12件", "20件"}},
       false,
       1,
       {{0, K::group, "", {}, "項目"},
        {1, K::indicator, "", {}, "指標名"},
        {2, K::value, "baseline", {}, "基準値"},
        {3, K::value, "target", {}, "目標値"}},
       {}},
  };
  for (const ShapeCase& c : cases) {
    TableShape s = sniff_table(grid_table(c.grid, {c.from_text}), "令和");
    EXPECT_EQ(s.header_rows, c.header_rows) << c.what;
    ASSERT_EQ(s.columns.size(), c.columns.size()) << c.what;
    for (size_t i = 0; i < c.columns.size(); ++i) {
      const ColumnInfo& got = s.columns[i];
      const Column& want = c.columns[i];
      EXPECT_EQ(got.column, want.column) << c.what << ", column " << i;
      EXPECT_EQ(to_string(got.kind), to_string(want.kind)) << c.what << ", column " << i;
      EXPECT_EQ(role_name(got.role), want.role) << c.what << ", column " << i;
      EXPECT_EQ(years(got.period), want.period) << c.what << ", column " << i;
      EXPECT_EQ(got.label, want.label) << c.what << ", column " << i;
    }
    EXPECT_EQ(s.warnings, c.warnings) << c.what;
  }
}

}  // namespace
}  // namespace kpix

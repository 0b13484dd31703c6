// The sniffer's steps one by one, each over a table of cases built from grid
// literals (tests/unit/grid_table.h): which cells are header labels, how many
// header rows a table has, what a column's label makes of it and where joined
// tables are cut (sniff_table's own cases: sniff_table_test.cc). The expected
// values are what the tables show a reader; the shapes are those of the seed
// documents (岩見沢, 砂川, 芦別, 苫小牧), with made-up rows.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pipeline/tables/table_shape.h"
#include "tests/unit/grid_table.h"

namespace kpix {
namespace {

// A column's role as the cases name it: "" for none.
std::string role_name(std::optional<Role> r) { return r ? std::string(to_string(*r)) : ""; }

using Grid = std::vector<std::vector<std::string>>;

// ---- Step 1: header labels ----

struct LabelCase {
  std::string text;
  bool label;
};

TEST(SnifferSteps, IsHeaderLabel) {
  const LabelCase cases[] = {
      // Role words, column names, and periods (bare or with a role).
      {"項目", true},
      {"基準値", true},
      {"R6実績", true},
      {"R9目標値", true},
      {"H30基準", true},
      {"R 2実績", true},
      {"達成状況", true},
      {"区分", true},
      {"年次", true},
      {"重要業績評価指標（KPI）", true},
      {"KPI (R6)", true},
      {"事業名・事業の内容", true},
      {"令和3（2021）年度の取組み", true},
      {"5年間の合計", true},
      {"自然動態", true},
      {"2020", true},
      {"3年度", true},
      {"H26 (2014)", true},
      {"初年度 H27 (2015)", true},
      // Data: names, values (with notes that hold header words), status words.
      {"①転入者数", false},
      {"①1人あたりの総所得", false},
      {"出生数", false},
      {"社会動態における転入率", false},
      {"100人", false},
      {"1,498千円", false},
      {"36.0", false},
      {"▲389人", false},
      {"25人 (R2～R4合計)", false},
      {"累計148人", false},
      {"移住定住促進事業との共通指標", false},
      {"未公表", false},
      {"", false},
  };
  for (const LabelCase& c : cases) EXPECT_EQ(is_header_label(c.text, "令和"), c.label) << c.text;
}

// ---- Step 1: header rows ----

struct HeaderRowsCase {
  const char* what;
  Grid grid;
  bool from_text;
  size_t header_rows;
};

TEST(SnifferSteps, CountHeaderRows) {
  const HeaderRowsCase cases[] = {
      {"one header row over KPI rows",
       {{"項目", "基準値", "R6実績", "R9目標値"}, {"①転入者数", "100人", "120人", "150人"}},
       false,
       1},
      {"a spanning KPI label with an empty cell beside it (converter text)",
       {{"重要業績評価指標 (KPI)", "", "基準値", "R6実績", "R9目標値"},
        {"総所得の向上", "①1人あたりの総所得", "1,718千円", "1,918千円", "2,000千円"},
        {"労働生産性の向上", "②従業者1人あたりの付加価値額", "4,045千円", "調査なし (次回R8)", "4,250千円"}},
       true,
       1},
      {"years under the roles: two header rows",
       {{"指標", "基準値", "目標値"}, {"", "2018年度", "2024年度"}, {"転入者数", "100人", "150人"}},
       false,
       2},
      {"a row of plain names under group labels",
       {{"年次", "自然動態", "<", "社会動態", "<"},
        {"", "出生", "死亡", "転入", "転出"},
        {"平成30年 (2018年)", "1 243", "1 859", "6 122", "6 070"},
        {"令和元年 (2019年)", "1 146", "1 927", "6 166", "5 978"}},
       false,
       2},
      {"a lone spanning label row over the header",
       {{"重要業績評価指標（KPI）"}, {"指標", "基準値", "目標値"}, {"転入者数", "100人", "150人"}},
       false,
       2},
      {"a caption inside the frame is no header row: its 目標 labels no column",
       {{"【基本目標1】安定した雇用を創出するとともに、経済を支える人材を育て活かす"},
        {"事業名", "項目", "基準値", "R6実績"},
        {"農業DX推進事業", "①創出件数", "1件", "0件"}},
       false,
       0},
      {"a goal's title as the first row, full-width digit",
       {{"基本目標１　安定した雇用を創出する"}, {"指標", "基準値", "目標値"}, {"転入者数", "100人", "150人"}},
       false,
       0},
      {"years across, row names down the first column",
       {{"区分", "H26 (2014)", "R1 (2019)", "R6 (2024)"}, {"出生数", "509", "376", "275"}, {"死亡", "1,189", "1,169", "1,309"}},
       false,
       1},
      {"values whose notes hold header words are data",
       {{"指標", "基準値", "目標値"}, {"転入者数", "25人 (R2～R4合計)", "30人 (5年間の合計)"}},
       false,
       1},
      {"KPI rows with no header at all",
       {{"転入者数", "100人", "150人"}, {"転出者数", "90人", "80人"}},
       false,
       0},
      {"a form of label | value fields",
       {{"担当課", "道路課"}, {"事務事業名", "道路補修"}},
       false,
       0},
  };
  for (const HeaderRowsCase& c : cases)
    EXPECT_EQ(count_header_rows(grid_table(c.grid, {c.from_text}), "令和"), c.header_rows) << c.what;
}

// ---- Step 3: a column's label ----

struct Expected {
  ColumnKind kind;
  std::string role;
  std::optional<std::pair<int, int>> period;  // start, end
};

std::optional<std::pair<int, int>> years(const std::optional<Period>& p) {
  if (!p) return std::nullopt;
  return std::pair{p->start, p->end};
}

struct LabelPartsCase {
  std::vector<std::string> parts;  // top to bottom, as the sniffer gives them (NFKC, no spaces)
  Expected expected;
};

TEST(SnifferSteps, ClassifyLabel) {
  using P = std::pair<int, int>;
  const LabelPartsCase cases[] = {
      {{"項目"}, {ColumnKind::indicator, "", {}}},
      {{"指標名"}, {ColumnKind::indicator, "", {}}},
      {{"重要業績評価指標(KPI)"}, {ColumnKind::indicator, "", {}}},
      {{"数値目標"}, {ColumnKind::indicator, "", {}}},  // the goal's indicator, not a target column
      {{"事業名"}, {ColumnKind::project, "", {}}},
      {{"具体的な施策"}, {ColumnKind::project, "", {}}},
      {{"事業名・事業の内容"}, {ColumnKind::project, "", {}}},
      {{"区分"}, {ColumnKind::kind, "", {}}},
      {{"取組内容"}, {ColumnKind::comment, "", {}}},
      {{"令和4年度実績値に対する所見"}, {ColumnKind::comment, "", {}}},
      {{"備考"}, {ColumnKind::comment, "", {}}},
      {{"基準値"}, {ColumnKind::value, "baseline", {}}},
      {{"H30基準"}, {ColumnKind::value, "baseline", P{2018, 2018}}},
      {{"基準値(R4)"}, {ColumnKind::value, "baseline", P{2022, 2022}}},
      {{"現状値", "(2014年度)"}, {ColumnKind::value, "baseline", P{2014, 2014}}},
      {{"R6実績"}, {ColumnKind::value, "actual", P{2024, 2024}}},
      {{"2020実績"}, {ColumnKind::value, "actual", P{2020, 2020}}},
      {{"R9目標値"}, {ColumnKind::value, "target", P{2027, 2027}}},
      {{"R6目標"}, {ColumnKind::value, "target", P{2024, 2024}}},
      {{"KPI(R6)"}, {ColumnKind::value, "target", P{2024, 2024}}},
      {{"目標値"}, {ColumnKind::value, "target", {}}},
      {{"達成状況"}, {ColumnKind::achievement, "achievement", {}}},
      {{"累計"}, {ColumnKind::total, "", {}}},
      // The role nearest the data decides; a year under a label of no role
      // makes a year column.
      {{"重要業績評価指標(KPI)", "基準値"}, {ColumnKind::value, "baseline", {}}},
      {{"重要業績評価指標(KPI)", "2021"}, {ColumnKind::value, "actual", P{2021, 2021}}},
      {{"2020"}, {ColumnKind::value, "actual", P{2020, 2020}}},
      {{"初年度", "H27(2015)"}, {ColumnKind::value, "actual", P{2015, 2015}}},
      // A role above a word of no role: 見込 under a spanning 目標値.
      {{"目標値", "R6年度見込"}, {ColumnKind::value, "target", P{2024, 2024}}},
      {{}, {ColumnKind::unknown, "", {}}},
  };
  for (const LabelPartsCase& c : cases) {
    ColumnInfo info = classify_label(c.parts, "令和");
    std::string label;
    for (const std::string& p : c.parts) label += (label.empty() ? "" : "/") + p;
    EXPECT_EQ(to_string(info.kind), to_string(c.expected.kind)) << label;
    EXPECT_EQ(role_name(info.role), c.expected.role) << label;
    EXPECT_EQ(years(info.period), c.expected.period) << label;
    EXPECT_EQ(info.label, label);
  }
}

// ---- Stacked tables ----

struct StackedCase {
  const char* what;
  Grid grid;
  std::vector<size_t> part_rows;  // rows of each part, top to bottom
};

TEST(SnifferSteps, SplitStackedTables) {
  const std::vector<std::string> header = {"指標", "基準値", "目標値"};
  const std::vector<std::string> header2 = {"指標", "R5実績", "R6目標"};
  const std::vector<std::string> kpi1 = {"転入者数", "100人", "150人"};
  const std::vector<std::string> kpi2 = {"出生数", "50人", "60人"};
  const StackedCase cases[] = {
      {"one table", {header, kpi1, kpi2}, {3}},
      {"a second header after data rows starts a second table", {header, kpi1, header, kpi2}, {2, 2}},
      {"a title row of labels goes with the header under it",
       {header, kpi1, {"重要業績評価指標（KPI）"}, header, kpi2},
       {2, 3}},
      {"two header rows in a row start one table", {header, kpi1, header, header2, kpi2}, {2, 3}},
      {"three tables", {header, kpi1, header, kpi2, header, kpi1}, {2, 2, 2}},
      // A page that begins with the last rows of the table above, then the
      // next table's header in the same grid: the rows carried over are a
      // part of their own, read with the table they continue.
      {"rows carried over above a header", {kpi1, kpi2, header, kpi1}, {2, 2}},
      {"a carried-over row, a title row, a header", {kpi2, {"重要業績評価指標（KPI）"}, header, kpi1}, {1, 3}},
      {"rows without any header are not cut", {kpi1, kpi2, kpi1}, {3}},
      // A sheet's goal caption over its first table's header, in the grid:
      // the caption is a part alone, not the header's title row.
      {"a caption over a header, then a second table",
       {{"基本目標1 安定した雇用を創出し、地域人材の活躍の場をつくる"}, header, kpi1, header2, kpi2},
       {1, 2, 2}},
      // The sheet's title printed again in the grid over a later table's
      // header (a spreadsheet of several tables): a part alone, not a title
      // row whose `KPI` and `目標` would label every column under it.
      {"a sheet's title over a later header is a part alone",
       {header, kpi1, {"第2期砂川市まち・ひと・しごと創生総合戦略 数値目標・KPI集計表"}, header, kpi2},
       {2, 1, 2}},
      {"a goal caption over a later header is a part alone",
       {header, kpi1, {"基本目標2 新しい人の流れをつくる"}, header, kpi2},
       {2, 1, 2}},
  };
  for (const StackedCase& c : cases) {
    Table t = grid_table(c.grid);
    std::vector<Table> parts = split_stacked_tables(t, "令和");
    std::vector<size_t> rows;
    for (const Table& p : parts) rows.push_back(p.rows.size());
    EXPECT_EQ(rows, c.part_rows) << c.what;
    // The parts are the table's rows in order, each boxed round its own rows.
    size_t from = 0;
    for (const Table& p : parts) {
      ASSERT_FALSE(p.rows.empty()) << c.what;
      EXPECT_EQ(p.rows.front().cells.front().text, t.rows[from].cells.front().text) << c.what;
      EXPECT_DOUBLE_EQ(p.box.y0, t.rows[from].box.y0) << c.what;
      EXPECT_DOUBLE_EQ(p.box.y1, t.rows[from + p.rows.size() - 1].box.y1) << c.what;
      from += p.rows.size();
    }
  }
}

}  // namespace
}  // namespace kpix

// The series family on grid literals (tests/unit/grid_table.h): population
// statistics by year, read only where the table is about population.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/tables/recognizer.h"
#include "tests/unit/grid_table.h"

namespace kpix {
namespace {

TEST(SeriesFamily, YearsDownUnderPopulationHeadersWithNoHeadingAreRead) {
  // 苫小牧's 人口動態 table printed booktabs: its caption inside the top rule
  // became a table of its own, so no heading above tells what the table is;
  // its header does (世帯数, 人口, 自然動態).
  Table t = grid_table({{"年次", "世帯数", "人口", "<", "自然動態", "<"},
                        {"", "", "総人口", "高齢化率", "出生", "死亡"},
                        {"平成30年(2018年)", "88 545", "171 811", "28.29%", "1 243", "1 859"},
                        {"令和元年(2019年)", "89 460", "171 242", "28.83%", "1 146", "1 927"},
                        {"令和2年(2020年)", "89 992", "170 205", "29.36%", "1 152", "1 970"}});
  Recognized r = recognize_table(t, TableContext{}, false);
  EXPECT_EQ(r.family, "series");
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.records[0].indicator, "世帯数");
  EXPECT_EQ(r.records[3].indicator, "出生");
  ASSERT_EQ(r.records[3].values.size(), 3u);
  EXPECT_EQ(r.records[3].values[2].v.raw, "1 152");
  EXPECT_EQ(r.records[3].values[2].v.value, 1152);
  ASSERT_TRUE(r.records[3].values[2].period);
  EXPECT_EQ(r.records[3].values[2].period->start, 2020);
}

TEST(SeriesFamily, AYearSeriesOfSomethingElseIsNotRead) {
  // A budget's cost lines by year: no population word in the heading, the
  // header or the first column.
  Table t = grid_table({{"年度", "事業費", "国庫支出金", "一般財源"},
                        {"令和2年度", "1,200", "600", "600"},
                        {"令和3年度", "1,300", "650", "650"},
                        {"令和4年度", "1,250", "600", "650"}});
  Recognized r = recognize_table(t, TableContext{}, false);
  EXPECT_TRUE(r.records.empty());
}

}  // namespace
}  // namespace kpix

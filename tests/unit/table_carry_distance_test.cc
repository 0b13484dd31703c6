// A grid with no header of its own is the last headed table's rows carried
// over only on the page after the last that held that table's rows, after
// text or not. Pages later, after pages of text, it is another table: a small
// statistic (中心市 | 全国 141市 | 道内 15市) whose columns happen to fall
// where the KPI table's did is no KPI of that table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

const std::vector<double> kColumns = {20, 220, 320, 420, 520};

Page kpi_page() {
  return grid_page(1, 100, kColumns,
                   {{"重要業績評価指標(KPI)", "基準値", "R6実績", "R9目標値"},
                    {"①転入者数", "100人", "120人", "150人"},
                    {"②創業件数", "2件", "3件", "5件"}});
}

Page later_grid(int number) {
  return grid_page(number, 200, kColumns, {{"③相談件数", "6件", "8件", "9件"}},
                   {{"(2)相談体制の充実", 120}, {"相談窓口を一つにまとめ、相談しやすい体制をつくる。", 150}});
}

Page text_page(int number) {
  return grid_page(number, 700, {20, 520}, {},
                   {{"国の定住自立圏構想", 100}, {"圏域全体で生活機能を確保し、人口定住を図る。", 140}});
}

TEST(TableCarryDistance, AGridOnTheNextPageAfterTextGoesOnUnderTheHeader) {
  std::vector<KpiRecord> records = records_of({kpi_page(), later_grid(2)});
  const KpiRecord* carried = record_named(records, "相談件数");
  ASSERT_NE(carried, nullptr) << records.size() << " records";
  EXPECT_EQ(raw_by_role_and_year(*carried)["baseline"], "6件");
  EXPECT_NE(record_named(records, "転入者数"), nullptr);
}

TEST(TableCarryDistance, AGridPagesLaterIsAnotherTable) {
  std::vector<KpiRecord> records = records_of({kpi_page(), text_page(2), later_grid(3)});
  EXPECT_NE(record_named(records, "転入者数"), nullptr);
  EXPECT_NE(record_named(records, "創業件数"), nullptr);
  EXPECT_EQ(record_named(records, "相談件数"), nullptr) << "read under the header of page 1, two pages back";
  EXPECT_EQ(records.size(), 2u);
}

}  // namespace
}  // namespace kpix

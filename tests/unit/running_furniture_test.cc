// A running head (the same short text in the page's top band of page after
// page, its numbers aside) is page furniture: it is no note under the table
// on the page before it, whose statements would give that table's values
// their periods, and it does not end that table. A line that only one page
// prints there is still read as text.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

const std::vector<double> kColumns = {20, 220, 320, 420, 520};

// The target of `r`'s period end, or 0 for none.
int target_end(const KpiRecord& r) {
  for (const RecordValue& v : r.values)
    if (v.role == Role::target) return v.period ? v.period->end : 0;
  return -1;
}

Page page_with_head(int number, const std::string& head, const std::vector<std::vector<std::string>>& rows,
                    std::vector<std::pair<std::string, double>> lines = {}) {
  lines.insert(lines.begin(), {head, 20});
  return grid_page(number, 100, kColumns, rows, lines);
}

TEST(RunningFurniture, ARunningHeadIsNoNoteOfTheTableBeforeIt) {
  // The note under page 1's table says its targets are five years' sums; the
  // page number and the next page's head, lines that open no note of their
  // own, would go on with it and give them 令和9年度 alone.
  const std::string head = "令和9年度 総合戦略 進捗状況報告書 資料2";
  std::vector<KpiRecord> records = records_of(
      {page_with_head(1, head, {{"重要業績評価指標(KPI)", "基準値", "R6実績", "目標値"}, {"①転入者数", "100人", "120人", "150人"}},
                      {{"※KPIの目標値は5年間の合計", 300}, {"1 / 2", 770}}),
       page_with_head(2, head, {{"重要業績評価指標(KPI)", "基準値", "R6実績", "目標値"}, {"②創業件数", "2件", "3件", "5件"}})});
  const KpiRecord* first = record_named(records, "転入者数");
  ASSERT_NE(first, nullptr);
  EXPECT_NE(target_end(*first), 2027) << "the next page's head read as the note's words";
  ASSERT_NE(record_named(records, "創業件数"), nullptr);
}

TEST(RunningFurniture, TheSameLineOnOnePageOnlyIsStillANote) {
  // Printed once, under the table in the page's foot band: a note of it
  // (furniture read as text the first time it is seen).
  Page one = grid_page(1, 100, kColumns,
                       {{"重要業績評価指標(KPI)", "基準値", "R6実績", "目標値"}, {"①転入者数", "100人", "120人", "150人"}},
                       {{"※目標値は令和9年度", 770}});
  Page two = grid_page(2, 100, kColumns, {{"重要業績評価指標(KPI)", "基準値", "R6実績", "目標値"}, {"②創業件数", "2件", "3件", "5件"}});
  std::vector<KpiRecord> records = records_of({one, two});
  const KpiRecord* first = record_named(records, "転入者数");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(target_end(*first), 2027);
}

}  // namespace
}  // namespace kpix

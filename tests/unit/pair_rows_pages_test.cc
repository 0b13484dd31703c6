// A 目標値 / 実績値 pair split by a page break whose merged name cells a sheet
// prints on the second page only (LibreOffice Calc): the 目標値 row at the
// foot of one page has values and no name, its 実績値 row at the next page's
// top has the name. The pair is one record (issue 12 rule 2: a row with
// values never vanishes); a nameless row nothing names is said to be left
// out, never made a record without a name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

// The raw text of the record's value of `role` for the one year `year`.
std::string raw_at(const KpiRecord& r, Role role, int year) {
  for (const RecordValue& v : r.values)
    if (v.role == role && v.period && v.period->start == year && v.period->end == year) return v.v.raw;
  return "(none)";
}

const std::vector<double> kColumns = {20, 120, 260, 310, 350, 390, 430, 470, 510, 580};

const std::vector<std::string> kHeader = {"施策名・事業名", "重要業績評価指標(KPI)", "区分", "3年度", "4年度",
                                          "5年度",          "6年度",                "7年度", "5年間の合計"};

// Page 1: a named pair, then a 目標値 row without name cells, then a line
// of text under the grid that ends the table there (Calc prints a cell's
// overflow and the page number so).
Page first_page() {
  return grid_page(1, 60, kColumns,
                   {kHeader,
                    {"移住促進事業", "転入者数／1人→5人", "目標値", "1", "2", "3", "4", "5", "—"},
                    {"", "", "実績値", "1", "2"},
                    {"", "", "目標値", "7", "7", "7", "7", "7", "—"}},
                   {{"数値は令和5年3月末現在の速報値である", 200}});
}

TEST(PairRowsPages, TheNextPagesActualRowNamesTheTargetRowBeforeIt) {
  Page two = grid_page(2, 60, kColumns, {{"相談支援事業", "相談件数／6件→7件", "実績値", "6", "8"}});
  std::vector<KpiRecord> records = records_of({first_page(), two});
  const KpiRecord* first = record_named(records, "転入者数");
  const KpiRecord* split = record_named(records, "相談件数");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->project, std::optional<std::string>("相談支援事業"));
  EXPECT_EQ(raw_at(*split, Role::target, 2021), "7");
  EXPECT_EQ(raw_at(*split, Role::target, 2025), "7");
  EXPECT_EQ(raw_at(*split, Role::actual, 2021), "6");
  EXPECT_EQ(raw_at(*split, Role::actual, 2022), "8");
  EXPECT_EQ(raw_by_role_and_year(*split)["baseline"], "6件");
  for (const RecordValue& v : split->values) {
    if (v.role == Role::target && v.v.raw == "7") {
      EXPECT_EQ(v.source.page, 1);
    }
    if (v.role == Role::actual && v.v.raw == "6") {
      EXPECT_EQ(v.source.page, 2);
    }
  }
  // The pair before keeps its own values: none of the split pair's.
  EXPECT_EQ(raw_at(*first, Role::target, 2021), "1");
  EXPECT_EQ(raw_at(*first, Role::actual, 2022), "2");
  for (const RecordValue& v : first->values) EXPECT_NE(v.v.raw, "8");
}

TEST(PairRowsPages, ANamelessRowNothingNamesIsLeftOutWithANote) {
  // The next page starts a table of its own: nothing names the row.
  Page two = grid_page(2, 60, kColumns,
                       {kHeader, {"創業支援事業", "創業件数／2件→9件", "目標値", "2", "2", "2", "2", "2", "—"},
                        {"", "", "実績値", "3", "1"}});
  RecordBuilder b;
  b.add_page(first_page(), false);
  b.add_page(two, false);
  MunicipalityIndex m;
  std::vector<KpiRecord> records = b.finish(DocumentInfo{}, {}, m);
  ASSERT_EQ(records.size(), 2u);
  for (const KpiRecord& r : records) EXPECT_FALSE(r.indicator.empty());
  EXPECT_NE(record_named(records, "創業件数"), nullptr);
  int notes = 0;
  for (const std::string& n : b.summary().notes) notes += n.starts_with("page 1: a 目標値 row with values but no KPI name");
  EXPECT_EQ(notes, 1);
}

}  // namespace
}  // namespace kpix

// The caps on one table (pipeline/tables/table.h) cut what is past them with
// a warning, never silently (issue 13: a 10 MB line of tab-separated cells).
#include <gtest/gtest.h>

#include <string>

#include "pipeline/load/text_loader.h"
#include "pipeline/records/record_builder.h"
#include "pipeline/tables/table.h"

namespace kpix {
namespace {

bool any_contains(const std::vector<std::string>& notes, const std::string& part) {
  for (const std::string& n : notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

TEST(TableCaps, ARowPastTheCellCapIsCutWithANote) {
  std::string line = "指標";
  for (size_t i = 0; i < kMaxCellsPerRow + 6; ++i) line += "\t" + std::to_string(i);
  Page page = parse_converter_text(line + "\n");
  std::vector<const Line*> lines;
  for (const Line& l : page.lines) lines.push_back(&l);
  Table t = make_table(lines, page, true);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells.size(), kMaxCellsPerRow);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_NE(t.notes[0].find("line 1 has more than 1024 cells: 7 cells after the first 1024 not read"), std::string::npos)
      << t.notes[0];
}

TEST(TableCaps, RowsPastTheRowCapAreLeftOutWithANote) {
  Table t;
  std::vector<TableRow> rows(kMaxRowsPerTable + 3);
  for (TableRow& r : rows) r.page = 2;
  t.page = 2;
  append_rows_capped(t, std::move(rows));
  EXPECT_EQ(t.rows.size(), kMaxRowsPerTable);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0], "table on page 2 has more than 50000 rows: 3 rows after the first 50000 not read");
  std::vector<TableRow> more(2);
  append_rows_capped(t, std::move(more));
  EXPECT_EQ(t.rows.size(), kMaxRowsPerTable);
  EXPECT_EQ(t.notes.size(), 2u);
}

TEST(TableCaps, TheDocumentSummarySaysATableWasCut) {
  // A KPI table whose last row runs past the cap: the KPI above is read, and
  // the summary (printed by extract and ingest) names the cut.
  std::string text = "重要業績評価指標（KPI）\t基準値\t目標値\n観光入込客数\t50万人\t60万人\n";
  std::string wide = "備考";
  for (size_t i = 0; i < kMaxCellsPerRow + 1; ++i) wide += "\tx";
  RecordBuilder b;
  b.add_page(parse_converter_text(text + wide + "\n"), true);
  MunicipalityIndex m;
  std::vector<KpiRecord> records = b.finish(DocumentInfo{}, {}, m);
  EXPECT_TRUE(any_contains(b.summary().notes, "line 3 has more than 1024 cells")) << b.summary().notes.size();
}

TEST(TableCaps, ALineOfCellsThatIsNoTableStillSaysItWasCut) {
  // One line of 指標 and 1,025 numbers (1,026 cells), no header: a form no
  // family reads, but the cut of its last two cells is
  // said all the same.
  std::string line = "指標";
  for (size_t i = 0; i < kMaxCellsPerRow + 1; ++i) line += "\t" + std::to_string(i);
  RecordBuilder b;
  b.add_page(parse_converter_text(line + "\n"), true);
  MunicipalityIndex m;
  EXPECT_TRUE(b.finish(DocumentInfo{}, {}, m).empty());
  EXPECT_TRUE(any_contains(b.summary().notes, "line 1 has more than 1024 cells: 2 cells after the first 1024 not read"));
}

}  // namespace
}  // namespace kpix

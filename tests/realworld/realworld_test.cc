// Real municipal PDFs nobody on the team made (../shared/realworld): the
// page model and records hold up beyond the samples. Expected text read by
// hand from the rendered pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "pipeline/layout.h"
#include "pipeline/pdf_loader.h"
#include "pipeline/stage_runner.h"

namespace kpix {
namespace {

std::string realworld(const std::string& name) { return std::string(KPIX_SOURCE_DIR) + "/../shared/realworld/" + name; }

class RealWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(realworld("README.md")))
      GTEST_SKIP() << "../shared/realworld is absent: real-world tests skipped";
  }
};

int count_lines_containing(const Page& p, const std::string& needle) {
  int n = 0;
  for (const Line& l : p.lines)
    if (l.text().find(needle) != std::string::npos) ++n;
  return n;
}

TEST_F(RealWorld, ShadowTextReadOnce) {
  // 音威子府村 総合戦略, PDF page 12 (printed page 8): the heading is drawn twice.
  PdfSource pdf(realworld("otoineppu_sogosenryaku_2015.pdf"));
  Page p = pdf.load_page(11);
  EXPECT_EQ(count_lines_containing(p, "卒業生の新規就業者数０人（2014年度）→５年間で６人（2019年度）"), 1);
  EXPECT_EQ(count_lines_containing(p, "卒卒"), 0);
}

TEST_F(RealWorld, KpiTableOfTheRealStrategy) {
  // Same page: 重要業績評価指標（ＫＰＩ） | 現状値（2014年度） | 目標値（2019年度）
  //            バイオガスプラント事業関連就業者数 | － | ５年間で１人
  PdfSource pdf(realworld("otoineppu_sogosenryaku_2015.pdf"));
  Page p = pdf.load_page(11);
  bool found = false;
  for (const Line& l : p.lines) {
    if (l.table < 0 || l.text().find("５年間で１人") == std::string::npos) continue;
    std::vector<std::string> cells;
    for (const Cell& c : l.cells)
      if (!c.text.empty()) cells.push_back(flatten_cell_text(c.text));
    EXPECT_EQ(cells, (std::vector<std::string>{"バイオガスプラント事業関連就業者数", "－", "５年間で１人"}));
    found = true;
  }
  EXPECT_TRUE(found);
}

TEST_F(RealWorld, DocumentsWithoutKpiTablesGiveNoRecordsAndNoError) {
  // A budget summary (Excel), a newsletter's salary index table, a sewerage
  // plan's income table: tables with years, none of them KPIs.
  Extractor ex;
  for (const char* name : {"nobeoka_r8_6gatsu_hosei_yosan_gaiyou.pdf", "otoineppu_kouhou_2024-06_kyuyo_kohyo.pdf",
                           "otoineppu_nousyuu_keieisenryaku.pdf"}) {
    Extraction out = ex.extract(realworld(name), {});
    EXPECT_TRUE(out.records.empty()) << name << ": " << out.records.front().dump();
    EXPECT_TRUE(out.rejected.empty()) << name;
    EXPECT_NE(std::find(out.notes.begin(), out.notes.end(), "no KPI tables found"), out.notes.end()) << name;
  }
}

TEST_F(RealWorld, StrategyRecordsCarryTheVillage) {
  Extractor ex;
  Extraction out = ex.extract(realworld("otoineppu_sogosenryaku_2015.pdf"), {});
  ASSERT_FALSE(out.records.empty());
  EXPECT_EQ(out.records[0]["municipality"]["name"], "音威子府村");
  EXPECT_EQ(out.records[0]["municipality"]["code"], "014702");
}

}  // namespace
}  // namespace kpix

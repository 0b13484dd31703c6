// Real municipal PDFs nobody on the team made (../shared/realworld): the
// page model and records hold up beyond the samples. Expected text read by
// hand from the rendered pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "parsers/normalize/text.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/pdf_loader.h"
#include "pipeline/output/extractor.h"

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
  Page p = lay_out_page(pdf.load_page(11));
  EXPECT_EQ(count_lines_containing(p, "卒業生の新規就業者数０人（2014年度）→５年間で６人（2019年度）"), 1);
  EXPECT_EQ(count_lines_containing(p, "卒卒"), 0);
}

TEST_F(RealWorld, KpiTableOfTheRealStrategy) {
  // Same page: 重要業績評価指標（ＫＰＩ） | 現状値（2014年度） | 目標値（2019年度）
  //            バイオガスプラント事業関連就業者数 | － | ５年間で１人
  PdfSource pdf(realworld("otoineppu_sogosenryaku_2015.pdf"));
  Page p = lay_out_page(pdf.load_page(11));
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

// The record of `indicator` (in `project` when given), or nullptr.
const nlohmann::json* find_record(const Extraction& out, const std::string& indicator, const std::string& project = "") {
  for (const nlohmann::json& r : out.records)
    if (r["indicator"] == indicator && (project.empty() || r["project"] == project)) return &r;
  return nullptr;
}

// The value of `role` for fiscal year `year`, or nullptr.
const nlohmann::json* find_value(const nlohmann::json& rec, const std::string& role, int year) {
  for (const nlohmann::json& v : rec["values"])
    if (v["role"] == role && v.contains("period") && v["period"]["start"] == year && v["period"]["end"] == year) return &v;
  return nullptr;
}

TEST_F(RealWorld, EvaluationSheetIndicatorTable) {
  // 池田市 事務事業評価 NO.433, page 1, （５）事業の成果指標及び評価:
  //   成果指標の内容 | 単位 | 目標値 {R５年度実績 | R６年度見込 | R６年度実績 | R９年度見込}
  //   証明書等の交付件数 | 件 | 2,628 | 2,500 | 2,831 | 2,600
  // beside （４）事業費等 (決算 / 予算 in 千円), which is money and not read.
  Extractor ex;
  Extraction out = ex.extract(realworld("ikeda_r7_jimujigyo_hyoka_433.pdf"), {});
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_TRUE(out.rejected.empty());
  const nlohmann::json* rec = find_record(out, "証明書等の交付件数");
  ASSERT_NE(rec, nullptr);
  EXPECT_EQ((*rec)["municipality"]["name"], "池田市");
  EXPECT_EQ((*rec)["municipality"]["code"], "272043");
  EXPECT_EQ((*rec)["level"], "project");
  EXPECT_EQ((*rec)["project"], "建築指導事務事業");
  EXPECT_EQ((*rec)["unit"], "件");
  ASSERT_EQ((*rec)["values"].size(), 4u);
  const nlohmann::json* actual = find_value(*rec, "actual", 2024);
  ASSERT_NE(actual, nullptr);
  EXPECT_EQ((*actual)["raw"], "2,831");
  EXPECT_EQ((*actual)["value"], 2831);
  EXPECT_EQ((*actual)["unit"], "件");
  EXPECT_EQ((*actual)["source"]["page"], 1);
  // R６年度見込, set ahead beside the year's 実績: a target.
  const nlohmann::json* expected = find_value(*rec, "target", 2024);
  ASSERT_NE(expected, nullptr);
  EXPECT_EQ((*expected)["value"], 2500);
  const nlohmann::json* plan_end = find_value(*rec, "target", 2027);
  ASSERT_NE(plan_end, nullptr);
  EXPECT_EQ((*plan_end)["value"], 2600);
  // No record of the budget half of the grid (事業費 Ａ 2,503 …).
  for (const nlohmann::json& r : out.records)
    for (const nlohmann::json& v : r["values"]) EXPECT_NE(v["raw"], "2,503") << r.dump();

  const nlohmann::json* rate = find_record(out, "完了検査済証交付率");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ((*rate)["unit"], "%");
  const nlohmann::json* rate_actual = find_value(*rate, "actual", 2024);
  ASSERT_NE(rate_actual, nullptr);
  EXPECT_EQ((*rate_actual)["value"], 96);
}

TEST_F(RealWorld, EvaluationSheetWithOneIndicator) {
  // 池田市 NO.1: 出前授業のメニュー数 | 種類 | 27 | 27 | 27 | 30, project 環境学習推進事業.
  Extractor ex;
  Extraction out = ex.extract(realworld("ikeda_r7_jimujigyo_hyoka_001.pdf"), {});
  ASSERT_EQ(out.records.size(), 1u);
  const nlohmann::json& rec = out.records[0];
  EXPECT_EQ(rec["indicator"], "出前授業のメニュー数");
  EXPECT_EQ(rec["project"], "環境学習推進事業");
  EXPECT_EQ(rec["unit"], "種類");
  const nlohmann::json* target = find_value(rec, "target", 2027);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ((*target)["value"], 30);
}

TEST_F(RealWorld, IndicatorBlocksOfAProjectEvaluationForm) {
  // 横浜市 事業評価書: each 細事業 has `細事業事業量 | システム稼働日 | 単位 | 日`,
  // `年度 | ３年度 … ９年度`, then 想定 (planned: targets) and 実績 rows. Its
  // 細事業費 rows (年度 | ５年度 | ６年度 over 決算) are money and not read.
  Extractor ex;
  Extraction out = ex.extract(realworld("yokohama_r7_jigyo_hyokasho_012.pdf"), {});
  ASSERT_EQ(out.records.size(), 3u);
  EXPECT_TRUE(out.rejected.empty());
  const nlohmann::json* rec = find_record(out, "システム稼働日", "行政情報ネットワーク基盤運用事業");
  ASSERT_NE(rec, nullptr);
  EXPECT_EQ((*rec)["municipality"]["name"], "横浜市");
  EXPECT_EQ((*rec)["municipality"]["code"], "141003");
  EXPECT_EQ((*rec)["unit"], "日");
  EXPECT_EQ((*rec)["source"]["page"], 2);
  EXPECT_EQ((*rec)["values"].size(), 11u);  // 7 planned (R3–R9), 4 actual (R3–R6)
  const nlohmann::json* planned = find_value(*rec, "target", 2027);
  ASSERT_NE(planned, nullptr);
  EXPECT_EQ((*planned)["value"], 366);
  const nlohmann::json* actual = find_value(*rec, "actual", 2023);
  ASSERT_NE(actual, nullptr);
  EXPECT_EQ((*actual)["value"], 366);
  EXPECT_EQ(find_value(*rec, "actual", 2025), nullptr);  // not yet reached
  for (const nlohmann::json& r : out.records)
    for (const nlohmann::json& v : r["values"]) EXPECT_NE(v["raw"], "1,658,589") << r.dump();
}

TEST_F(RealWorld, BudgetBooksGiveNoRecords) {
  // Budget books and a budget speech: 決算 / 予算 tables by year, 事業名 fields,
  // 単位 notes — money, not KPIs.
  Extractor ex;
  for (const char* name : {"fuji_r6_ippan_yosansho.pdf", "setagaya_r8_tousho_yosan.pdf", "nobeoka_r8_shiseihoshin_yosan.pdf",
                           "otoineppu_gyouseihoukoku_r7.pdf"}) {
    Extraction out = ex.extract(realworld(name), {});
    EXPECT_TRUE(out.records.empty()) << name << ": " << out.records.front().dump();
    EXPECT_TRUE(out.rejected.empty()) << name;
  }
}

}  // namespace
}  // namespace kpix

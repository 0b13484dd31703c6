// Real evaluation sheets whose KPIs are not one row each (issue 17):
// 神戸's 事務事業評価シート (name row over values row, 見込 column) and 京都's
// 新規・充実事業 sheet (KPIs and actuals in prose). Expectations read from the
// PDFs in ../shared/realworld; the whole records are scored by
// tests/samples/eval_test.cc against samples/expected/.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/output/extractor.h"
#include "tests/samples/sample_paths.h"

namespace kpix {
namespace {

std::string realworld(const std::string& name) { return testing::shared_dir() + "/realworld/" + name; }

const nlohmann::json* find_record(const Extraction& out, const std::string& indicator) {
  for (const nlohmann::json& r : out.records)
    if (r["indicator"] == indicator) return &r;
  return nullptr;
}

const nlohmann::json* find_value(const nlohmann::json& rec, const std::string& role, int year) {
  for (const nlohmann::json& v : rec["values"])
    if (v["role"] == role && v.contains("period") && v["period"]["start"] == year) return &v;
  return nullptr;
}

bool has_qualifier(const nlohmann::json& v, const std::string& q) {
  for (const auto& x : v["qualifiers"])
    if (x == q) return true;
  return false;
}

class EvaluationSheets : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(realworld("kobe_h25_jimujigyo_hyoka_016_kousetsu_ichiba.pdf")))
      GTEST_SKIP() << "../shared/realworld is absent";
  }
};

TEST_F(EvaluationSheets, NameRowOverValuesRowWithAnEstimateColumn) {
  // 神戸 公設市場, ≪事業実績等≫: `（項目） 管理施設数 【０】` over 2 … 2 under
  // 20年度実績 … 25年度見込み (平成: FY2008 … FY2013); 【０】 is the 数値目標
  // for 27年度 (the sheet's 27年度における達成見込み).
  Extractor ex;
  Extraction out = ex.extract(realworld("kobe_h25_jimujigyo_hyoka_016_kousetsu_ichiba.pdf"), {});
  EXPECT_TRUE(out.rejected.empty());
  const nlohmann::json* rec = find_record(out, "管理施設数");
  ASSERT_NE(rec, nullptr);
  EXPECT_EQ((*rec)["project"], "公設市場");
  const nlohmann::json* fy2008 = find_value(*rec, "actual", 2008);
  ASSERT_NE(fy2008, nullptr);
  EXPECT_EQ((*fy2008)["value"], 2);
  EXPECT_FALSE(has_qualifier(*fy2008, "estimate"));
  const nlohmann::json* fy2013 = find_value(*rec, "actual", 2013);
  ASSERT_NE(fy2013, nullptr);
  EXPECT_TRUE(has_qualifier(*fy2013, "estimate"));
  const nlohmann::json* target = find_value(*rec, "target", 2015);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ((*target)["value"], 0);
  // `市民一人あたりの市税等の充当額 …（単位：円）`: △ 6 → −6 円.
  const nlohmann::json* per_head = find_record(out, "市民一人あたりの市税等の充当額");
  ASSERT_NE(per_head, nullptr);
  EXPECT_EQ((*per_head)["unit"], "円");
  ASSERT_NE(find_value(*per_head, "actual", 2013), nullptr);
  EXPECT_EQ((*find_value(*per_head, "actual", 2013))["value"], -6);
  // ≪事業別コスト等≫ and ≪執行体制≫ are money and staff by year: not KPIs.
  EXPECT_EQ(find_record(out, "人件費"), nullptr);
  EXPECT_EQ(find_record(out, "事務職"), nullptr);
}

TEST_F(EvaluationSheets, ProseTargetsAndActualsOfTheSameIndicator) {
  // 京都 No.45: `指標：つどいの広場の利用者【数値目標：100,641人（…R4年度と同数…）】`,
  // later `つどいの広場の利用者：79,092人、… ※R6.１１末時点` under （令和６年度）.
  Extractor ex;
  Extraction out = ex.extract(realworld("kyoto_r6_shinki_jujitsu_jigyo_045.pdf"), {});
  EXPECT_TRUE(out.rejected.empty());
  const nlohmann::json* rec = find_record(out, "つどいの広場の利用者");
  ASSERT_NE(rec, nullptr);
  EXPECT_EQ((*rec)["municipality"]["name"], "京都市");
  ASSERT_NE(find_value(*rec, "target", 2024), nullptr);
  EXPECT_EQ((*find_value(*rec, "target", 2024))["value"], 100641);
  ASSERT_NE(find_value(*rec, "baseline", 2022), nullptr);
  const nlohmann::json* actual = find_value(*rec, "actual", 2024);
  ASSERT_NE(actual, nullptr);
  EXPECT_EQ((*actual)["value"], 79092);
  EXPECT_EQ((*actual)["as_of"], "2024-11-30");
}

}  // namespace
}  // namespace kpix

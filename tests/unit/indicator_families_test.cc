// The evaluation-sheet families on made-up converter text (tabs between
// cells): an indicator table with a 単位 column and value columns under a
// spanning header, and form blocks `name | 単位 | unit`, 年度 row, role rows.
// The shapes, not any one city's sheet.
#include <gtest/gtest.h>

#include "tests/unit/records_from_text.h"
#include "pipeline/tables/form_fields.h"

namespace kpix {
namespace {

const RecordValue* value_of(const KpiRecord& r, const std::string& role, int year) {
  for (const RecordValue& v : r.values)
    if (to_string(v.role) == role && v.period && v.period->start == year && v.period->end == year) return &v;
  return nullptr;
}

TEST(FormFields, ProjectFieldAndRowRoles) {
  TableRow row;
  row.cells = {{"担当課", "", {}, 0}, {"道路課", "", {}, 1}, {"事務事業名", "", {}, 2}, {"道路 補修事業", "", {}, 3}};
  EXPECT_EQ(project_field(row), std::optional<std::string>("道路補修事業"));
  TableRow header;
  header.cells = {{"事業名", "", {}, 0}, {"重要業績評価指標(KPI)", "", {}, 1}};
  EXPECT_EQ(project_field(header), std::nullopt);
  EXPECT_EQ(row_label_role("想定"), Role::target);
  EXPECT_EQ(row_label_role("見込み"), std::nullopt);  // a target or an expected actual: the label alone cannot tell
  EXPECT_EQ(row_label_role("実 績"), Role::actual);
  EXPECT_EQ(row_label_role("決算"), std::nullopt);
  EXPECT_EQ(row_label_role("事業計画"), std::nullopt);
  EXPECT_TRUE(is_unit_text("％"));
  EXPECT_TRUE(is_unit_text("種類"));
  EXPECT_FALSE(is_unit_text("365"));
  EXPECT_FALSE(is_unit_text("A.順調に推移している"));
}

TEST(IndicatorSheet, UnitColumnAndRolesUnderASpanningHeader) {
  auto records = records_from_text(
      "北山市 事務事業評価\n"
      "\n"
      "担当課\t環境課\t事務事業名\t地域清掃推進事業\n"
      "\n"
      "区分\tR5年度\tR6年度\t成果指標の内容\t単位\t目標値\n"
      "\t決算\t決算\t\t\tR5年度実績\tR6年度見込\tR6年度実績\tR9年度見込\n"
      "事業費\t1,200\t1,300\t清掃活動の参加者数\t人\t1,150\t1,200\t1,260\t1,500\n"
      "委託料\t800\t900\t回収量\tｔ\t30.5\t31\t－\t35\n"
      "\t\t\t成果指標の達成状況\tA.順調に推移している\n");
  ASSERT_EQ(records.size(), 2u);
  const KpiRecord& r = records[0];
  EXPECT_EQ(r.level, "project");
  EXPECT_EQ(r.project, std::optional<std::string>("地域清掃推進事業"));
  EXPECT_EQ(r.indicator, "清掃活動の参加者数");
  EXPECT_EQ(r.unit, "人");
  ASSERT_EQ(r.values.size(), 4u);  // the 決算 columns beside it are money
  ASSERT_NE(value_of(r, "actual", 2024), nullptr);
  EXPECT_EQ(value_of(r, "actual", 2024)->v.value, 1260);
  ASSERT_NE(value_of(r, "target", 2024), nullptr);  // 見込 under 目標値: set ahead
  EXPECT_EQ(value_of(r, "target", 2024)->v.value, 1200);
  ASSERT_NE(value_of(r, "target", 2027), nullptr);
  EXPECT_EQ(value_of(r, "target", 2027)->v.value, 1500);
  const KpiRecord& t = records[1];
  EXPECT_EQ(t.indicator, "回収量");
  EXPECT_EQ(t.unit, "t");
  ASSERT_NE(value_of(t, "actual", 2024), nullptr);
  EXPECT_EQ(value_of(t, "actual", 2024)->v.status, ValueStatus::none);
  EXPECT_EQ(value_of(t, "actual", 2023)->v.value, 30.5);
}

TEST(IndicatorSheet, NoProjectNamedNoRecords) {
  RecordBuilder b;
  b.add_page(parse_converter_text("成果指標の内容\t単位\tR5年度実績\tR6年度見込\n"
                                  "参加者数\t人\t10\t12\n"),
             true);
  MunicipalityIndex m;
  EXPECT_TRUE(b.finish(DocumentInfo{}, {}, m).empty());
  bool said = false;
  for (const std::string& n : b.summary().notes) said = said || n.find("names no project") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(IndicatorBlocks, NameUnitYearsAndRoleRows) {
  auto records = records_from_text(
      "南川市 事業評価書\n"
      "\n"
      "細事業名称\t道路補修事業\n"
      "細事業費\t年度\t5年度\t6年度\n"
      "\t決算\t1,000\t2,000\n"
      "細事業事業量\t補修箇所数\t単位\t箇所\n"
      "年度\t3年度\t4年度\t5年度\n"
      "想定\t10\t12\t12\n"
      "実績\t9\t13\n"
      "\n"
      "細事業名称\t橋梁点検事業\n"
      "細事業事業量\t点検橋梁数\t単位\t橋\n"
      "年度\t3年度\t4年度\t5年度\n"
      "計画\t5\t5\t6\n"
      "実績\t5\t4\t6\n");
  ASSERT_EQ(records.size(), 2u);
  const KpiRecord& r = records[0];
  EXPECT_EQ(r.project, std::optional<std::string>("道路補修事業"));
  EXPECT_EQ(r.indicator, "補修箇所数");
  EXPECT_EQ(r.unit, "箇所");
  ASSERT_EQ(r.values.size(), 5u);  // 3 planned, 2 actual; the 決算 row is money
  EXPECT_EQ(value_of(r, "target", 2023)->v.value, 12);
  EXPECT_EQ(value_of(r, "actual", 2022)->v.value, 13);
  EXPECT_EQ(value_of(r, "actual", 2023), nullptr);
  EXPECT_EQ(records[1].project, std::optional<std::string>("橋梁点検事業"));
  EXPECT_EQ(records[1].values.size(), 6u);
}

TEST(IndicatorBlocks, MoneyByYearIsNoBlock) {
  // `年度 | 5年度 | 6年度` over `決算` with no unit row and no role row.
  EXPECT_TRUE(records_from_text("事業名\t道路補修事業\n"
                   "事業費（千円）\t年度\t5年度\t6年度\n"
                   "\t決算\t1,000\t2,000\n"
                   "\t予算\t1,100\t2,100\n")
                  .empty());
}

}  // namespace
}  // namespace kpix

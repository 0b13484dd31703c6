// Concepts in the dataset: records.concept and records.concept_qualifiers are
// filled from each record's `concept`, the CSV export carries them, and
// `kpix export --concept population.tfr` gives the total fertility rate of
// 岩見沢 and 苫小牧 side by side. Values read by hand from the seeds:
//   000 line 311: ①合計特殊出生率（単年） 1.26 | 1.18 | 1.06 | 0.99 | － | － | 1.40
//   001 line 71:  (合計特殊出生率) 1.27 1.27 1.14 1.18 1.06 0.99 1.09 0.99 (H26 … R6)
//   004 line 331: 合計特殊出生率（-） — ⇒ ⇒ ⇒ 1.8 — (R6目標 1.8; ⇒ is no number)
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "cli_helpers.h"

namespace kpix::testing {
namespace {

using nlohmann::json;

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  // The test data has no quoted fields with commas in the columns read here;
  // quoted fields are kept whole all the same.
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) row.push_back(field), field.clear();
    else if (c == '\n' && !quoted) row.push_back(field), field.clear(), rows.push_back(row), row.clear();
    else field += c;
  }
  return rows;
}

class ConceptsDataset : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path db;
  void SetUp() override {
    if (!fs::exists(kSeed2023)) GTEST_SKIP() << "seed texts not found in " << kSeeds;
    db = tmp.path / "kpi.sqlite";
    KpixRun r = kpix(tmp.path, "ingest --db " + quote(db.string()) + " " + quote(kSeeds));
    ASSERT_EQ(r.status, 0) << r.err;
  }
};

TEST_F(ConceptsDataset, ColumnsFollowTheRecords) {
  EXPECT_EQ(query(db, "SELECT DISTINCT concept, concept_qualifiers FROM records WHERE indicator = '合計特殊出生率(単年)'"),
            "population.tfr|single_year\n");
  EXPECT_EQ(query(db, "SELECT concept, concept_qualifiers FROM records WHERE indicator = '農業産出額' LIMIT 1"),
            "agriculture.output|\n");
  EXPECT_EQ(query(db, "SELECT concept IS NULL FROM records WHERE indicator = '創業塾受講後の創業人数' LIMIT 1"), "1\n");
  // The column and the JSON agree on every record.
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM records WHERE COALESCE(concept, '') != "
                      "COALESCE(json_extract(json, '$.concept.id'), '')"),
            "0\n");
  // The vocabulary covers at least 25 quantities of the five documents.
  EXPECT_GE(std::stoi(query(db, "SELECT COUNT(DISTINCT concept) FROM records")), 25);

  KpixRun csv = kpix(tmp.path, "export --db " + quote(db.string()) + " --format csv");
  ASSERT_EQ(csv.status, 0) << csv.err;
  auto rows = csv_rows(csv.out);
  ASSERT_GT(rows.size(), 1u);
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  ASSERT_TRUE(col.count("concept") && col.count("concept_qualifiers"));
  int tfr = 0;
  for (const auto& row : rows)
    if (row.size() == rows[0].size() && row[col["indicator"]] == "合計特殊出生率(5年平均)") {
      EXPECT_EQ(row[col["concept"]], "population.tfr");
      EXPECT_EQ(row[col["concept_qualifiers"]], "average:5y");
      ++tfr;
    }
  EXPECT_EQ(tfr, 7);  // 基準値, 2020–2024 actuals, 目標値
}

TEST_F(ConceptsDataset, ExportOfOneConceptAcrossMunicipalities) {
  KpixRun r = kpix(tmp.path, "export --db " + quote(db.string()) + " --concept population.tfr --format jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<json> rows = parse_jsonl(r.out);
  std::set<std::string> towns;
  std::map<std::string, double> value;  // "town indicator role year" → value
  for (const json& row : rows) {
    EXPECT_EQ(row["concept"], "population.tfr");
    EXPECT_EQ(row["unit"], "");  // a ratio without unit: every row comparable
    EXPECT_TRUE(row["value"].is_number());
    towns.insert(row["municipality"].get<std::string>());
    value[row["municipality"].get<std::string>() + " " + row["indicator"].get<std::string>() + " " +
          row["role"].get<std::string>() + " " + std::to_string(row["period_end"].get<int>())] = row["value"];
  }
  EXPECT_EQ(towns, (std::set<std::string>{"岩見沢市", "苫小牧市"}));
  EXPECT_DOUBLE_EQ(value["岩見沢市 合計特殊出生率(単年) baseline 2018"], 1.26);
  EXPECT_DOUBLE_EQ(value["岩見沢市 合計特殊出生率(単年) actual 2022"], 0.99);
  EXPECT_DOUBLE_EQ(value["岩見沢市 合計特殊出生率(単年) target 2024"], 1.40);
  EXPECT_DOUBLE_EQ(value["岩見沢市 合計特殊出生率 actual 2014"], 1.27);
  EXPECT_DOUBLE_EQ(value["岩見沢市 合計特殊出生率 actual 2023"], 1.09);
  EXPECT_DOUBLE_EQ(value["苫小牧市 合計特殊出生率 target 2024"], 1.8);
  // 苫小牧's ⇒ cells are no numbers: no rows for them.
  for (const json& row : rows)
    if (row["municipality"] == "苫小牧市") EXPECT_EQ(row["role"], "target");

  KpixRun bad = kpix(tmp.path, "export --db " + quote(db.string()) + " --concept population.fertility");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("no concept `population.fertility`"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace kpix::testing

// 岩見沢's 2023 review of its 2nd strategy (seed 000, 令和5年12月20日) and its
// 2025 committee deck on the 3rd (seed 001, 令和7年9月10日) are two editions:
// ingest links them (successor plan) whichever comes first and says so, and
// kpix diff lists their shared KPIs with new actuals, restated baselines and
// revised targets. Every value below was read by hand from the two seed texts:
//
//   KPI (000 line / 001 line)          000: 基準値, 2022実績, 目標値       001: 基準値, R6実績, R9目標値
//   ①1人あたりの総所得 (83 / 119)       1,498千円 (2018), 1,718千円, 1,600千円   1,718千円 (2022), 1,918千円, 2,000千円
//   ①転出超過数 (214 / 138)             ▲312人 (2018), ▲389人, ▲275人          ▲389人 (2022), ▲284人, ▲275人
//   ①健康寿命（男性） (425 / 178)       79.56歳 (2017), 集計中, 80.65歳        78.97歳 (2022年度), 78.90歳, 79.21歳
//   ③「住み続けたい」の回答割合 (216/140) 67.5% (2018), 非調査年, 70.0%       67.5% (2018), 60.7%, 70.0%
//   観光入込客数（イベントを除く）       1,033,847人/年 (2018), 840,891人        678,418人 (R2~R4平均), 920,849人
//     under 観光振興戦略推進事業 in 000, 観光物産振興事業 in 001
//   ②合計特殊出生率（5年平均） / ②合計特殊出生率 (5か年平均): one KPI renamed
//
// The years in brackets are those the footnotes (基準値・目標値等の考え方) give;
// 000's targets are for its plan's end (2024), 001's for R9 (2027).
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "cli_helpers.h"

namespace kpix::testing {
namespace {

using nlohmann::json;

// The KPIs both editions carry, read by hand (indicator as records name it).
const std::set<std::string> kShared = {
    "1人あたりの総所得", "従業者1人あたりの付加価値額", "従業者1人あたりの製造品出荷額等", "農業産出額",
    "転出超過数", "人口の社会増減率", "「住み続けたい」の回答割合", "合計特殊出生率(単年)",
    "合計特殊出生率(5か年平均)", "不安や負担を「感じない」の回答割合", "健康寿命(男性)", "健康寿命(女性)",
    "「評価する」の回答割合", "新たな利活用サービスの実装数", "創業塾受講後の創業人数", "新規就農者数",
    "観光入込客数(イベントを除く)", "社会動態における転入率", "社会動態における転出率",
    "障がい者が暮らしやすいまちづくり推進事業補助金交付件数"};

class EditionsCli : public ::testing::Test {
 protected:
  TempDir tmp;
  void SetUp() override {
    if (!fs::exists(kSeed2023)) GTEST_SKIP() << "seed texts not found in " << kSeeds;
  }
  fs::path db() const { return tmp.path / "kpi.sqlite"; }
  KpixRun ingest(const std::vector<std::string>& files) {
    std::string args = "ingest -j1 --db " + quote(db().string());
    for (const std::string& f : files) args += " " + quote(f);
    return kpix(tmp.path, args);
  }
  std::vector<json> diff(const std::string& old_doc, const std::string& new_doc) {
    KpixRun r = kpix(tmp.path, "diff --format jsonl --db " + quote(db().string()) + " " + quote(old_doc) + " " + quote(new_doc));
    EXPECT_EQ(r.status, 0) << r.err;
    return parse_jsonl(r.out);
  }
};

// entries of `kind` (and `what`) for an indicator of the new edition
std::vector<json> find(const std::vector<json>& entries, const std::string& indicator, const std::string& kind,
                       const std::string& what = "") {
  std::vector<json> out;
  for (const json& e : entries) {
    const json& side = e["new"].is_null() ? e["old"] : e["new"];
    if (side["indicator"] == indicator && e["kind"] == kind && (what.empty() || e.value("what", "") == what))
      out.push_back(e);
  }
  return out;
}

// `2022-2022 -389`: period and number (as a person writes it).
std::string year_value(const json& v) {
  std::ostringstream n;
  n.precision(12);
  if (v["value"].is_number()) n << v["value"].get<double>();
  else n << "null";
  return std::to_string(v["period"]["start"].get<int>()) + "-" + std::to_string(v["period"]["end"].get<int>()) + " " +
         n.str();
}

// The hand-read changes, the same whichever rendering was ingested.
void expect_iwamizawa_changes(const std::vector<json>& d) {
  std::set<std::string> shared;
  for (const json& e : d)
    if (e["kind"] == "shared") shared.insert(e["new"]["indicator"].get<std::string>());
  EXPECT_EQ(shared, kShared);

  auto one = [&](const std::string& ind, const std::string& kind, const std::string& what = "") {
    auto found = find(d, ind, kind, what);
    EXPECT_EQ(found.size(), 1u) << ind << " " << kind << " " << what;
    return found.empty() ? json::object() : found.front();
  };
  // 転出超過数: R6 is new; the baseline moved from 2018 to 2022 and is the
  // 2022 actual 000 printed; the target ▲275 now stands for R9.
  json e = one("転出超過数", "new_actual");
  EXPECT_EQ(year_value(e["new_value"]), "2024-2024 -284");
  e = one("転出超過数", "restated", "baseline");
  EXPECT_EQ(year_value(e["old_value"]), "2018-2018 -312");
  EXPECT_EQ(year_value(e["new_value"]), "2022-2022 -389");
  EXPECT_EQ(e["note"], "the new baseline is the old edition's 2022 actual");
  e = one("転出超過数", "target_revised");
  EXPECT_EQ(year_value(e["old_value"]), "2024-2024 -275");
  EXPECT_EQ(year_value(e["new_value"]), "2027-2027 -275");
  // Both sources, page and box (or line for text).
  for (const char* side : {"old_value", "new_value"}) {
    const json& src = e[side]["source"];
    EXPECT_TRUE(src.contains("page")) << side;
    EXPECT_TRUE(src.contains("bbox") || src.contains("line")) << side;
  }

  // 1人あたりの総所得 in 円 (千円 scaled).
  EXPECT_EQ(year_value(one("1人あたりの総所得", "new_actual")["new_value"]), "2024-2024 1918000");
  e = one("1人あたりの総所得", "restated", "baseline");
  EXPECT_EQ(year_value(e["old_value"]), "2018-2018 1498000");
  EXPECT_EQ(year_value(e["new_value"]), "2022-2022 1718000");
  e = one("1人あたりの総所得", "target_revised");
  EXPECT_EQ(year_value(e["old_value"]), "2024-2024 1600000");
  EXPECT_EQ(year_value(e["new_value"]), "2027-2027 2000000");

  // 健康寿命(男性): 000 had 2022 as 集計中; 001 gives it as its baseline.
  e = one("健康寿命(男性)", "restated", "baseline");
  EXPECT_EQ(year_value(e["old_value"]), "2017-2017 79.56");
  EXPECT_EQ(year_value(e["new_value"]), "2022-2022 78.97");
  EXPECT_EQ(e["note"], "the old edition had 2022 as 集計中");
  e = one("健康寿命(男性)", "target_revised");
  EXPECT_EQ(year_value(e["old_value"]), "2024-2024 80.65");
  EXPECT_EQ(year_value(e["new_value"]), "2027-2027 79.21");

  // 「住み続けたい」: the same baseline (67.5%, 2018): nothing restated.
  EXPECT_TRUE(find(d, "「住み続けたい」の回答割合", "restated").empty());
  EXPECT_EQ(year_value(one("「住み続けたい」の回答割合", "new_actual")["new_value"]), "2024-2024 60.7");

  // 観光入込客数: matched across the renamed project.
  e = one("観光入込客数(イベントを除く)", "shared");
  EXPECT_EQ(e["old"]["project"], "観光振興戦略推進事業(観光振興戦略推進事業)");
  EXPECT_EQ(e["new"]["project"], "観光物産振興事業");
  e = one("観光入込客数(イベントを除く)", "restated", "baseline");
  EXPECT_EQ(year_value(e["old_value"]), "2018-2018 1033847");
  EXPECT_EQ(year_value(e["new_value"]), "2020-2022 678418");

  // The renamed TFR KPI: 5年平均 → 5か年平均, one concept.
  e = one("合計特殊出生率(5か年平均)", "shared");
  EXPECT_EQ(e["old"]["indicator"], "合計特殊出生率(5年平均)");
}

TEST_F(EditionsCli, SeedsAreLinkedAsSuccessorPlanEditionsWhicheverComesFirst) {
  // The 2025 deck first, the 2023 review in a later run: the link is the same.
  KpixRun later = ingest({kSeed2025});
  ASSERT_EQ(later.status, 0) << later.err;
  EXPECT_EQ(later.err.find("edition of"), std::string::npos) << later.err;
  KpixRun earlier = ingest({kSeed2023});
  ASSERT_EQ(earlier.status, 0) << earlier.err;
  // Linking the 2023 review moved the link of the 2025 deck: ingest says so,
  // with the counts and the command for the whole diff. A document of an
  // earlier run is named by its stored path, which is absolute.
  const std::string stored_2025 = fs::absolute(kSeed2025).lexically_normal().string();
  EXPECT_NE(earlier.err.find("kpix: " + stored_2025 + ": edition of 000_20258ccdc73fa33f.txt (same municipality 岩見沢市 "
                                                    "(012106); successor plan 総合戦略 第2期"),
            std::string::npos)
      << earlier.err;
  EXPECT_NE(earlier.err.find("20 shared KPIs"), std::string::npos) << earlier.err;
  EXPECT_NE(earlier.err.find("kpix diff --db "), std::string::npos) << earlier.err;
  EXPECT_EQ(query(db(), "SELECT d.file, p.file, e.relation FROM editions e JOIN documents d ON d.id = e.document_id "
                        "JOIN documents p ON p.id = e.previous_id"),
            "001_a61508fec1d3fe11.txt|000_20258ccdc73fa33f.txt|successor_plan\n");
  EXPECT_EQ(query(db(), "SELECT d.file, kind, term, start_year, end_year FROM document_plans JOIN documents d ON "
                        "d.id = document_id ORDER BY d.file"),
            "000_20258ccdc73fa33f.txt|総合戦略|2|NULL|2024\n001_a61508fec1d3fe11.txt|総合戦略|3|2024|2027\n");

  expect_iwamizawa_changes(diff("000_20258ccdc73fa33f.txt", "001_a61508fec1d3fe11.txt"));
  // One document alone: against its previous edition; by hash prefix too.
  std::string sha = query(db(), "SELECT substr(sha256, 1, 12) FROM documents WHERE file LIKE '001%'");
  sha.pop_back();
  KpixRun one = kpix(tmp.path, "diff --db " + quote(db().string()) + " " + sha);
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(one.out.rfind("000_20258ccdc73fa33f.txt (2023-12-20) → 001_a61508fec1d3fe11.txt (2025-09-10)\n", 0), 0u)
      << one.out.substr(0, 300);
  EXPECT_NE(one.out.find("restated baseline 2018 ▲312人 → 2022 ▲389人"), std::string::npos);
}

TEST_F(EditionsCli, SamplePdfsGiveTheSameChangesWithPageAndBox) {
  const std::string dir = KPIX_SOURCE_DIR "/samples/pdf/";
  KpixRun r = ingest({dir + "000-iwamizawa-chromium.pdf", dir + "001-iwamizawa-chromium.pdf", dir + "000-iwamizawa-lo-html.pdf",
                  dir + "001-iwamizawa-lo-html.pdf"});
  ASSERT_EQ(r.status, 0) << r.err;
  // Each 2025 rendering is linked to the 2023 one made the same way; the two
  // 2023 renderings are one edition, not each other's.
  EXPECT_EQ(query(db(), "SELECT d.file, p.file FROM editions e JOIN documents d ON d.id = e.document_id "
                        "JOIN documents p ON p.id = e.previous_id ORDER BY d.file"),
            "001-iwamizawa-chromium.pdf|000-iwamizawa-chromium.pdf\n001-iwamizawa-lo-html.pdf|000-iwamizawa-lo-html.pdf\n");
  auto d = diff("000-iwamizawa-chromium.pdf", "001-iwamizawa-chromium.pdf");
  expect_iwamizawa_changes(d);
  // On a PDF a source is a page and a box.
  for (const json& e : find(d, "転出超過数", "restated", "baseline")) {
    EXPECT_TRUE(e["old_value"]["source"].contains("bbox"));
    EXPECT_TRUE(e["new_value"]["source"].contains("bbox"));
  }
  // An unknown document is a usage error naming it.
  KpixRun bad = kpix(tmp.path, "diff --db " + quote(db().string()) + " nosuch.pdf 001-iwamizawa-chromium.pdf");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("nosuch.pdf: no such document"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace kpix::testing

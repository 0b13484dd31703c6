// kpix check end to end: the binary on tests/data/check/entries-iwamizawa.csv
// (and its Shift_JIS twin, made with `iconv -t CP932`) against the seed texts
// 000 and 001 (岩見沢市). Every planted error below was checked by hand against
// ../shared/seeds/000_20258ccdc73fa33f.txt lines 83, 86, 214-215 and 140, and
// 001_… line 209:
//   line 4  転出超過数 基準値 2018 `312 人`         source ▲312人        → sign_lost
//   line 5  1人あたりの総所得 基準値 `1498`, no unit source 1,498千円     → factor_1000
//   line 6  農業産出額 実績 2020 `1,783,000`, no unit source 17,830百万円 → factor_10000
//   line 7  転出超過数 実績 2022 `▲398`             source ▲389人        → digits_transposed
//   line 8  1人あたりの総所得 実績 R4 `1,719` 千円   source 1,718千円     → one_digit_wrong
//   line 9  転出超過数 実績 2021 `▲341`             source ▲349人 (2020 is ▲341人) → other_year
//   line 10 転出超過数 目標値 令和6年度 `▲312`       source ▲275人 (基準値 ▲312人)  → other_role
//   line 13 転入超過数 (no such indicator) → not_found; line 14 an unclosed quote → malformed;
//   line 17 社会動態における転入率 基準値, no year: 3.19% (000) and 3.09% (001) → ambiguous;
//   lines 2, 3, 11, 12, 15, 16, 18 are typed correctly (`未公表`, full-width `９`, `1,783,000 万円`) → match.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSeeds = KPIX_SOURCE_DIR "/../shared/seeds";
const std::string kSeed000 = kSeeds + "/000_20258ccdc73fa33f.txt";
const std::string kSeed001 = kSeeds + "/001_a61508fec1d3fe11.txt";
const std::string kData = KPIX_SOURCE_DIR "/tests/data/check";
const std::string kPdf000 = KPIX_SOURCE_DIR "/samples/pdf/000-iwamizawa-chromium.pdf";

struct KpixRun {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CheckCli : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    if (!fs::exists(kSeed000) || !fs::exists(kSeed001))
      GTEST_SKIP() << "seed texts not found in " << kSeeds << " (needs ../shared/seeds next to the project)";
    char tmpl[] = "/tmp/kpix-check-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir = tmpl;
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }
  KpixRun kpix(const std::string& args) {
    std::string cmd = std::string(KPIX_BINARY) + " " + args + " >" + quote((dir / "out").string()) + " 2>" +
                      quote((dir / "err").string());
    int rc = std::system(cmd.c_str());
    KpixRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    return r;
  }
  // Line → "verdict" or "verdict/diagnosis".
  std::map<int, std::string> verdicts(const fs::path& json_file) {
    std::map<int, std::string> m;
    json arr = json::parse(slurp(json_file));
    for (const json& j : arr) {
      std::string v = j["verdict"];
      if (j["diagnosis"].is_object()) v += "/" + j["diagnosis"]["kind"].get<std::string>();
      m[j["line"].get<int>()] = v;
    }
    return m;
  }
};

const std::map<int, std::string> kExpected = {
    {2, "match"},
    {3, "match"},
    {4, "mismatch/sign_lost"},
    {5, "mismatch/factor_1000"},
    {6, "mismatch/factor_10000"},
    {7, "mismatch/digits_transposed"},
    {8, "mismatch/one_digit_wrong"},
    {9, "mismatch/other_year"},
    {10, "mismatch/other_role"},
    {11, "match"},
    {12, "match"},
    {13, "not_found"},
    {14, "malformed"},
    {15, "match"},
    {16, "match"},
    {17, "ambiguous"},
    {18, "match"},
};

TEST_F(CheckCli, PlantedErrorsGetTheirDiagnosisAndCorrectEntriesMatch) {
  KpixRun r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.csv") + " --json " + quote((dir / "v.json").string()) +
               " " + quote(kSeed000) + " " + quote(kSeed001));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_EQ(verdicts(dir / "v.json"), kExpected) << r.out;
  EXPECT_NE(r.out.find("7 match, 7 mismatch, 1 not_found, 1 ambiguous, 1 malformed"), std::string::npos) << r.out;
  // Each disagreement on one line, with the CSV line number.
  EXPECT_NE(r.out.find("entries-iwamizawa.csv:4: mismatch: 転出超過数 baseline 2018"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entries-iwamizawa.csv:14: malformed"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("entries-iwamizawa.csv:2:"), std::string::npos) << "matches are not listed";

  json arr = json::parse(slurp(dir / "v.json"));
  ASSERT_EQ(arr.size(), 17u);
  const json& sign = arr[2];
  EXPECT_EQ(sign["line"], 4);
  EXPECT_EQ(sign["entered"]["text"], "312");
  EXPECT_EQ(sign["source"]["value"], -312);
  EXPECT_EQ(sign["source"]["raw"], "▲312人");
  EXPECT_EQ(sign["source"]["document"], "000_20258ccdc73fa33f.txt");
  EXPECT_EQ(sign["source"]["line"], 214);
  EXPECT_EQ(arr[3]["source"]["value"], 1498000);
  EXPECT_EQ(arr[3]["entered"]["value"], 1498);
  EXPECT_EQ(arr[15]["candidates"].size(), 2u);
  EXPECT_EQ(arr[12]["line"], 14);
  EXPECT_NE(arr[12]["problem"].get<std::string>().find("not closed"), std::string::npos);
}

TEST_F(CheckCli, ShiftJisFileGivesTheSameVerdicts) {
  KpixRun r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.sjis.csv") + " --json " +
               quote((dir / "s.json").string()) + " " + quote(kSeed000) + " " + quote(kSeed001));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("(Shift_JIS)"), std::string::npos) << r.out;
  EXPECT_EQ(verdicts(dir / "s.json"), kExpected);
}

TEST_F(CheckCli, MalformedLineIsReportedByNumberAndTheRestStillChecked) {
  KpixRun r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.csv") + " --json " + quote((dir / "v.json").string()) +
               " " + quote(kSeed000) + " " + quote(kSeed001));
  json arr = json::parse(slurp(dir / "v.json"));
  bool seen14 = false, after = false;
  for (const json& j : arr) {
    if (j["line"] == 14) {
      seen14 = true;
      EXPECT_EQ(j["verdict"], "malformed");
      EXPECT_NE(j["problem"].get<std::string>().find("not closed"), std::string::npos) << j.dump();
    }
    if (j["line"].get<int>() > 14 && j["verdict"] == "match") after = true;
  }
  EXPECT_TRUE(seen14);
  EXPECT_TRUE(after) << "lines after the malformed one are still checked";
}

TEST_F(CheckCli, AllMatchingExitsZero) {
  std::ofstream(dir / "ok.csv") << "\xEF\xBB\xBFmunicipality,indicator,role,year,value,unit\n"
                                   "岩見沢市,転出超過数,baseline,2018,▲312,人\n"
                                   "岩見沢市,②人口の社会増減率,actual,R3,△0.44,%\n"
                                   "岩見沢市,1人あたりの総所得,target,2024,\"1,600\",千円\n";
  KpixRun r = kpix("check --entries " + quote((dir / "ok.csv").string()) + " " + quote(kSeed000));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 match, 0 mismatch"), std::string::npos) << r.out;
}

TEST_F(CheckCli, UsageErrorsExitTwo) {
  EXPECT_EQ(kpix("check " + quote(kSeed000)).status, 2);  // no --entries
  std::ofstream(dir / "bad.csv", std::ios::binary) << "指標,区分,年度,値\n\xFF\xFE\xFF,1,2,3\n";
  KpixRun r = kpix("check --entries " + quote((dir / "bad.csv").string()) + " " + quote(kSeed000));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.csv: neither UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(kpix("check --entries " + quote((dir / "missing.csv").string()) + " " + quote(kSeed000)).status, 2);
}

TEST_F(CheckCli, ReportListsDisagreementsFirstWithPageCrops) {
  if (!fs::exists(kPdf000)) GTEST_SKIP() << kPdf000 << " not found (samples/pdf)";
  KpixRun r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.csv") + " --report " +
               quote((dir / "r.html").string()) + " " + quote(kPdf000) + " " + quote(kSeed001));
  EXPECT_EQ(r.status, 1) << r.err;
  std::string html = slurp(dir / "r.html");
  ASSERT_FALSE(html.empty());
  size_t dis = html.find("Disagreements (10)"), matches = html.find("Matches (7)");
  ASSERT_NE(dis, std::string::npos);
  ASSERT_NE(matches, std::string::npos);
  EXPECT_LT(dis, matches);
  size_t sign = html.find("id=\"line-4\""), match2 = html.find("id=\"line-2\"");
  ASSERT_NE(sign, std::string::npos);
  ASSERT_NE(match2, std::string::npos);
  EXPECT_LT(sign, match2) << "disagreements come before matches";
  // A PNG crop per mismatch, embedded.
  size_t pngs = 0;
  for (size_t at = html.find("data:image/png;base64,iVBORw0KGgo"); at != std::string::npos;
       at = html.find("data:image/png;base64,iVBORw0KGgo", at + 1))
    ++pngs;
  EXPECT_GE(pngs, 7u);
  EXPECT_NE(html.find("sign lost"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos) << "self-contained";
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(CheckCli, TextSourceReportShowsTheLine) {
  KpixRun r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.csv") + " --report " +
               quote((dir / "t.html").string()) + " " + quote(kSeed000) + " " + quote(kSeed001));
  std::string html = slurp(dir / "t.html");
  EXPECT_NE(html.find("<td class=\"ln\">214</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"cell\">▲312人</td>"), std::string::npos);
}

}  // namespace

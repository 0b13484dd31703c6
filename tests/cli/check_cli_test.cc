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
// And tests/data/check/entries-tomakomai.csv (docs/check.md's example), read
// by hand from ../shared/seeds/004 lines 211-214 (苫小牧市, H30基準 … R6目標),
// with role and year in one column as the document prints them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/cli/kpix_run.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using kpix::testing::quote;
using kpix::testing::slurp;

const std::string kSeeds = KPIX_SOURCE_DIR "/../shared/seeds";
const std::string kSeed000 = kSeeds + "/000_20258ccdc73fa33f.txt";
const std::string kSeed001 = kSeeds + "/001_a61508fec1d3fe11.txt";
const std::string kSeed002 = kSeeds + "/002_b1c8d5c221a7a54e.txt";
const std::string kData = KPIX_SOURCE_DIR "/tests/data/check";
const std::string kPdf000 = KPIX_SOURCE_DIR "/samples/pdf/000-iwamizawa-chromium.pdf";
const std::string kPdf004 = KPIX_SOURCE_DIR "/samples/pdf/004-tomakomai-chromium.pdf";

class CheckCli : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    if (!fs::exists(kSeed000) || !fs::exists(kSeed001))
      GTEST_SKIP() << "seed texts not found in " << kSeeds << " (needs ../shared/seeds next to the project)";
    dir = kpix::testing::make_temp_dir("kpix-check-test");
    ASSERT_FALSE(dir.empty());
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }
  kpix::testing::Run kpix(const std::string& args) { return kpix::testing::run_kpix(args, dir); }
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
  std::string planted(const std::string& more = "") {
    return "check --entries " + quote(kData + "/entries-iwamizawa.csv") + " " + more + " " + quote(kSeed000) + " " +
           quote(kSeed001);
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

size_t count_of(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST_F(CheckCli, PlantedErrorsGetTheirDiagnosisAndCorrectEntriesMatch) {
  auto r = kpix(planted("--json " + quote((dir / "v.json").string())));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_EQ(verdicts(dir / "v.json"), kExpected) << r.out;
  EXPECT_NE(r.out.find("7 match, 7 mismatch, 1 not_found, 1 ambiguous, 1 malformed"), std::string::npos) << r.out;
  // Each disagreement on one line, with the CSV line number, as it is found;
  // the counts last.
  EXPECT_NE(r.out.find("entries-iwamizawa.csv:4: mismatch: 転出超過数 baseline 2018"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entries-iwamizawa.csv:14: malformed"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("entries-iwamizawa.csv:2:"), std::string::npos) << "matches are not listed";
  EXPECT_LT(r.out.find("entries-iwamizawa.csv:4:"), r.out.find("7 match"));

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
  auto r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.sjis.csv") + " --json " +
                quote((dir / "s.json").string()) + " " + quote(kSeed000) + " " + quote(kSeed001));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("(Shift_JIS)"), std::string::npos) << r.out;
  EXPECT_EQ(verdicts(dir / "s.json"), kExpected);
}

TEST_F(CheckCli, EntriesFromStdin) {
  auto r = kpix("check --entries - " + quote(kSeed000) + " " + quote(kSeed001) + " < " +
                quote(kData + "/entries-iwamizawa.sjis.csv"));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("-:4: mismatch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- (Shift_JIS): 17 entry lines"), std::string::npos) << r.out;
}

TEST_F(CheckCli, MalformedLineIsReportedByNumberAndTheRestStillChecked) {
  kpix(planted("--json " + quote((dir / "v.json").string())));
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
  auto r = kpix("check --entries " + quote((dir / "ok.csv").string()) + " " + quote(kSeed000));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 match, 0 mismatch"), std::string::npos) << r.out;
}

TEST_F(CheckCli, UsageErrorsExitTwo) {
  EXPECT_EQ(kpix("check " + quote(kSeed000)).status, 2);  // no --entries
  std::ofstream(dir / "bad.csv", std::ios::binary) << "指標,区分,年度,値\n\xFF\xFE\xFF,1,2,3\n";
  auto r = kpix("check --entries " + quote((dir / "bad.csv").string()) + " " + quote(kSeed000));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.csv: neither UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(kpix("check --entries " + quote((dir / "missing.csv").string()) + " " + quote(kSeed000)).status, 2);
  auto d = kpix("check --entries " + quote(dir.string()) + " " + quote(kSeed000));
  EXPECT_EQ(d.status, 2);
  EXPECT_EQ(d.err, "kpix: " + dir.string() + ": is a directory, not a CSV file\n");
  EXPECT_EQ(kpix(planted("--lang fr")).status, 2);
  auto o = kpix(planted("--report " + quote(dir.string())));
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "kpix: " + dir.string() + ": is a directory, not a file to write\n");
}

TEST_F(CheckCli, RolesAndYearsAsTheDocumentPrintsThem) {
  // docs/check.md's example: role and year in one column (H30基準, R4実績,
  // R6目標, R4見込), against the seed text of the same 苫小牧 report.
  const std::string seed004 = kSeeds + "/004_5a75ff59ed95451e.txt";
  auto r = kpix("check --entries " + quote(kData + "/entries-tomakomai.csv") + " --json " +
                quote((dir / "t.json").string()) + " " + quote(seed004));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(verdicts(dir / "t.json"), (std::map<int, std::string>{{2, "match"},
                                                                  {3, "match"},
                                                                  {4, "match"},
                                                                  {5, "mismatch/percent_as_fraction"},
                                                                  {6, "mismatch/other_year"},
                                                                  {7, "match"},
                                                                  {8, "mismatch/other_role"},
                                                                  {9, "not_found"}}))
      << r.out;
  EXPECT_NE(r.out.find("a percentage typed as a fraction: 0.455 for 45.5 %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no estimate (見込) value for R4"), std::string::npos) << r.out;
}

TEST_F(CheckCli, TheExampleOfDocsCheckMdRunsAsShown) {
  if (!fs::exists(kPdf004)) GTEST_SKIP() << kPdf004 << " not found (samples/pdf)";
  // The first ```sh block of docs/check.md is the command, the block after
  // it what it prints; run from the project's root, the report elsewhere.
  std::string doc = slurp(KPIX_SOURCE_DIR "/docs/check.md");
  size_t a = doc.find("```sh\n");
  ASSERT_NE(a, std::string::npos);
  size_t a_end = doc.find("```", a + 6);
  size_t b = doc.find("```\n", a_end + 3);
  ASSERT_NE(b, std::string::npos);
  size_t b_end = doc.find("```", b + 4);
  std::string command = doc.substr(a + 6, a_end - a - 6), shown = doc.substr(b + 4, b_end - b - 4);
  for (size_t at = command.find("\\\n"); at != std::string::npos; at = command.find("\\\n")) command.erase(at, 2);
  ASSERT_EQ(command.rfind("kpix check ", 0), 0u) << command;
  size_t report = command.find("report.html");
  ASSERT_NE(report, std::string::npos);
  command.replace(report, 11, quote((dir / "report.html").string()));
  command.pop_back();  // the line end
  auto r = kpix::testing::run_shell("cd " + quote(KPIX_SOURCE_DIR) + " && " + KPIX_BINARY + command.substr(4), dir);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, shown);
  EXPECT_TRUE(fs::exists(dir / "report.html"));
}

TEST_F(CheckCli, AnActualTypedThatIsTheTargetOfThatYear) {
  if (!fs::exists(kSeed002)) GTEST_SKIP() << kSeed002 << " not found";
  // 砂川's KPI集計表 (seed 002 lines 12-13): 目標値 4年度 37.0, 実績値 4年度 25.0.
  std::ofstream(dir / "s.csv") << "自治体,指標,区分,年度,値\n"
                                  "砂川市,砂川高校からの市内企業就職率,実績,R4,37.0\n"
                                  "砂川市,砂川高校からの市内企業就職率,目標値,R3,36.6\n";
  auto r = kpix("check --entries " + quote((dir / "s.csv").string()) + " --json " + quote((dir / "s.json").string()) +
                " " + quote(kSeed002));
  EXPECT_EQ(verdicts(dir / "s.json"),
            (std::map<int, std::string>{{2, "mismatch/other_role_same_year"}, {3, "mismatch/other_role_same_year"}}))
      << r.out << r.err;
  EXPECT_NE(r.out.find("the target was typed as the actual"), std::string::npos) << r.out;
}

TEST_F(CheckCli, ReportListsDisagreementsFirstWithPageCropsLinkedToTheirPage) {
  if (!fs::exists(kPdf000)) GTEST_SKIP() << kPdf000 << " not found (samples/pdf)";
  auto r = kpix("check --entries " + quote(kData + "/entries-iwamizawa.csv") + " --report " +
                quote((dir / "r.html").string()) + " " + quote(kPdf000) + " " + quote(kSeed001));
  EXPECT_EQ(r.status, 1) << r.err;
  std::string html = slurp(dir / "r.html");
  ASSERT_FALSE(html.empty());
  EXPECT_NE(html.find("<html lang=\"ja\">"), std::string::npos);
  size_t dis = html.find("一致しなかった行 (10)"), matches = html.find("一致した行 (7)");
  ASSERT_NE(dis, std::string::npos);
  ASSERT_NE(matches, std::string::npos);
  EXPECT_LT(dis, matches);
  size_t sign = html.find("id=\"line-4\""), match2 = html.find("id=\"line-2\"");
  ASSERT_NE(sign, std::string::npos);
  ASSERT_NE(match2, std::string::npos);
  EXPECT_LT(sign, match2) << "disagreements come before matches";
  // A PNG crop per mismatch, embedded, each in a link to its page of the PDF
  // (relative to the report's folder).
  EXPECT_GE(count_of(html, "data:image/png;base64,iVBORw0KGgo"), 7u);
  std::string pdf_href = fs::path(kPdf000).lexically_normal().lexically_relative(dir).generic_string();
  EXPECT_GE(count_of(html, "<a href=\"" + pdf_href + "#page="), 7u) << pdf_href;
  EXPECT_NE(html.find("符号の欠落 — sign lost"), std::string::npos);
  EXPECT_NE(html.find("4行目: 転出超過数 <span class=\"typed\">基準値 2018</span>"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos) << "self-contained";
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(CheckCli, ReportInEnglish) {
  auto r = kpix(planted("--lang en --report " + quote((dir / "e.html").string())));
  std::string html = slurp(dir / "e.html");
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Disagreements (10)"), std::string::npos);
  EXPECT_NE(html.find("Matches (7)"), std::string::npos);
  EXPECT_NE(html.find("7 mismatch"), std::string::npos);
  EXPECT_EQ(html.find("不一致"), std::string::npos);
}

TEST_F(CheckCli, TextSourceReportShowsTheLine) {
  kpix(planted("--report " + quote((dir / "t.html").string())));
  std::string html = slurp(dir / "t.html");
  EXPECT_NE(html.find("<td class=\"ln\">214</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"cell\">▲312人</td>"), std::string::npos);
}

TEST_F(CheckCli, DatasetPathsResolveFromTheDatabaseFolderAndAMissingPdfIsAWarning) {
  if (!fs::exists(kPdf000)) GTEST_SKIP() << kPdf000 << " not found (samples/pdf)";
  // Ingested beside the database with a relative path, checked from elsewhere.
  fs::create_directories(dir / "data/pdf");
  fs::create_symlink(kPdf000, dir / "data/pdf/000.pdf");
  auto in = kpix::testing::run_shell("cd " + quote((dir / "data").string()) + " && " + KPIX_BINARY +
                                         " ingest --db kpi.sqlite pdf/000.pdf",
                                     dir);
  ASSERT_EQ(in.status, 0) << in.err;
  std::string db = (dir / "data/kpi.sqlite").string();
  std::string entries = quote(kData + "/entries-iwamizawa.csv");
  auto r = kpix::testing::run_shell("cd / && " + std::string(KPIX_BINARY) + " check --entries " + entries + " --db " +
                                        quote(db) + " --report " + quote((dir / "r.html").string()),
                                    dir);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_GE(count_of(slurp(dir / "r.html"), "data:image/png;base64,"), 7u);
  // The PDF gone: every crop that cannot be made is a warning, on stderr and
  // in the report, and the rest of the report is still written.
  fs::rename(dir / "data/pdf", dir / "data/moved");
  r = kpix::testing::run_shell("cd / && " + std::string(KPIX_BINARY) + " check --entries " + entries + " --db " +
                                   quote(db) + " --report " + quote((dir / "r2.html").string()),
                               dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("000.pdf"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(the report shows no picture for entries line 4)"), std::string::npos) << r.err;
  std::string html = slurp(dir / "r2.html");
  EXPECT_NE(html.find("画像なし: "), std::string::npos);
  // The dataset holds 000 alone: line 17 has one candidate and matches.
  EXPECT_NE(html.find("一致しなかった行 (9)"), std::string::npos);
}

TEST_F(CheckCli, ALargeEntriesFileIsReadAndWrittenInFlatMemory) {
  // 30,000 lines (the planted file's rows over and over): the old check held
  // every entry, result and the JSON and HTML as whole strings (about 250 MB
  // here); now memory is the sources' records and one line's work.
  std::ifstream planted_file(kData + "/entries-iwamizawa.csv");
  std::string header, row;
  std::getline(planted_file, header);
  std::vector<std::string> rows;
  while (std::getline(planted_file, row))
    if (row.find("\"転出超過数,") == std::string::npos) rows.push_back(row);  // not the malformed one
  std::ofstream big(dir / "big.csv");
  big << header << "\n";
  const int kLines = 30000;
  for (int i = 0; i < kLines; ++i) big << rows[size_t(i) % rows.size()] << "\n";
  big.close();
  long peak = 0;
  auto r = kpix::testing::run_kpix_measured("check --entries " + quote((dir / "big.csv").string()) + " --json " +
                                                quote((dir / "big.json").string()) + " --report " +
                                                quote((dir / "big.html").string()) + " " + quote(kSeed000) + " " +
                                                quote(kSeed001),
                                            dir, peak);
  EXPECT_EQ(r.status, 1) << r.err;
  if (peak < 0) GTEST_SKIP() << "/usr/bin/time not installed: memory not measured";
  EXPECT_LT(peak, 64 * 1024) << "peak RSS " << peak << " KiB";
  std::string json_text = slurp(dir / "big.json");
  EXPECT_EQ(count_of(json_text, "\n  {\n"), size_t(kLines));  // one element per line
  EXPECT_EQ(json_text.substr(json_text.size() - 4), "}\n]\n");
  size_t matches = count_of(json_text, "\"verdict\": \"match\"");
  ASSERT_GT(matches, 1000u);
  std::string html = slurp(dir / "big.html");
  EXPECT_NE(html.find("ほか " + std::to_string(matches - 1000) + " 行が一致"), std::string::npos)
      << html.substr(html.size() - 400);
}

}  // namespace

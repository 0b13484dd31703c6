// Outputs an analyst opens without fixing (issue 14): an Excel workbook with
// codes as text and a frozen, filtered header; the kpi_values view; kpix
// remove; a report ingested twice under two names exported once; export
// filters; formulas neutralised in --excel CSV (issue 13).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include "tests/cli/kpix_run.h"

namespace kpix::testing {
namespace {

namespace fs = std::filesystem;

class AnalystOutputs : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path.empty());
    dir_ = tmp_.path;
    fs::copy_file(kSeed2023, dir_ / "a.txt");
    fs::copy_file(kSeed2025, dir_ / "b.txt");
    db_ = (dir_ / "k.sqlite").string();
    KpixRun r = run_kpix("ingest -j 1 --db " + quote(db_) + " " + quote((dir_ / "a.txt").string()) + " " +
                         quote((dir_ / "b.txt").string()),
                     dir_);
    ASSERT_EQ(r.status, 0) << r.err;
  }
  KpixRun kpix_here(const std::string& args) { return run_kpix(args, dir_); }
  std::string rows(const std::string& sql) { return query(db_, sql); }
  TempDir tmp_;
  fs::path dir_;
  std::string db_;
};

// Lines of a CSV export, the header left out.
size_t data_lines(const std::string& csv) {
  size_t n = std::count(csv.begin(), csv.end(), '\n');
  return n ? n - 1 : 0;
}

TEST_F(AnalystOutputs, XlsxKeepsCodesAsTextUnderAFrozenFilteredHeader) {
  fs::path book = dir_ / "kpi.xlsx";
  KpixRun r = kpix_here("export --db " + quote(db_) + " -o " + quote(book.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  std::string bytes = slurp(book);
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  KpixRun xml = run_shell("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                      "print(len(z.namelist())); sys.stdout.write(z.read('xl/worksheets/sheet1.xml').decode())\" " +
                          quote(book.string()),
                      dir_);
  ASSERT_EQ(xml.status, 0) << xml.err;
  EXPECT_NE(xml.out.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(xml.out.find("ySplit=\"1\""), std::string::npos);
  std::string values = rows("SELECT COUNT(*) FROM kpi_values");
  int n = std::stoi(values);
  // 26 columns, municipality_code (A) to as_of (Z), over the header and n values.
  EXPECT_NE(xml.out.find("<autoFilter ref=\"A1:Z" + std::to_string(n + 1) + "\""), std::string::npos)
      << xml.out.substr(0, 2000);
  // 岩見沢's code with its leading zero, as a string cell.
  EXPECT_NE(xml.out.find("<t>012106</t>"), std::string::npos);
  // One sheet.
  KpixRun sheets = run_shell("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                         "print(sum(1 for n in z.namelist() if n.startswith('xl/worksheets/sheet')))\" " +
                             quote(book.string()),
                         dir_);
  EXPECT_EQ(sheets.out, "1\n");
  // -o - writes the same workbook to stdout.
  KpixRun piped = kpix_here("export --db " + quote(db_) + " --format xlsx -o -");
  EXPECT_EQ(piped.out.substr(0, 2), "PK");
}

TEST_F(AnalystOutputs, TheViewCarriesTheCsvsValuesAndMore) {
  KpixRun csv = kpix_here("export --db " + quote(db_) + " --format csv");
  ASSERT_EQ(csv.status, 0);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM kpi_values"), std::to_string(data_lines(csv.out)) + "\n");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM kpi_values WHERE prefecture = '北海道' AND length(document_sha256) = 64 "
                 "AND record_id > 0"),
            std::to_string(data_lines(csv.out)) + "\n");
  EXPECT_EQ(rows("SELECT COUNT(DISTINCT goal_title) > 0 FROM kpi_values"), "1\n");
}

TEST_F(AnalystOutputs, RemoveTakesADocumentWithAllOfIt) {
  std::string sha = rows("SELECT sha256 FROM documents WHERE file = 'b.txt'");
  sha.pop_back();
  KpixRun r = kpix_here("remove --db " + quote(db_) + " a.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("removed a.txt (", 0), 0u) << r.out;
  EXPECT_EQ(rows("SELECT file FROM documents"), "b.txt\n");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM records WHERE document_id NOT IN (SELECT id FROM documents)"), "0\n");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM \"values\" WHERE record_id NOT IN (SELECT id FROM records)"), "0\n");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM editions"), "0\n");
  EXPECT_EQ(kpix_here("remove --db " + quote(db_) + " nosuch.pdf").status, 2);
  ASSERT_EQ(kpix_here("remove --db " + quote(db_) + " " + sha.substr(0, 10)).status, 0);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM documents"), "0\n");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM \"values\""), "0\n");
}

TEST_F(AnalystOutputs, TheSameReportUnderTwoNamesIsOneEdition) {
  KpixRun before = kpix_here("export --db " + quote(db_) + " --format csv");
  fs::copy_file(kSeed2023, dir_ / "copy.txt");
  std::ofstream(dir_ / "copy.txt", std::ios::app) << "\n";  // other bytes, the same report
  KpixRun r = kpix_here("ingest --db " + quote(db_) + " " + quote((dir_ / "copy.txt").string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("copies of a stored edition (not exported) 1"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("copy.txt: note: a copy of a.txt"), std::string::npos) << r.err;
  EXPECT_EQ(rows("SELECT COUNT(*) FROM documents"), "3\n");
  EXPECT_EQ(rows("SELECT d.file FROM documents d JOIN documents o ON o.id = d.copy_of"), "copy.txt\n");
  KpixRun after = kpix_here("export --db " + quote(db_) + " --format csv");
  EXPECT_EQ(after.out, before.out);
}

TEST_F(AnalystOutputs, ExportFilters) {
  KpixRun all = kpix_here("export --db " + quote(db_) + " --format csv");
  KpixRun code = kpix_here("export --db " + quote(db_) + " --format csv --code 012106");
  EXPECT_EQ(code.out, all.out);  // both seeds are 岩見沢's
  KpixRun name = kpix_here("export --db " + quote(db_) + " --format csv --municipality 岩見沢市");
  EXPECT_EQ(name.out, all.out);
  KpixRun other = kpix_here("export --db " + quote(db_) + " --format csv --code 011002");  // 札幌市
  EXPECT_EQ(other.status, 0);
  EXPECT_EQ(data_lines(other.out), 0u);
  KpixRun goal = kpix_here("export --db " + quote(db_) + " --format csv --level goal");
  EXPECT_EQ(data_lines(goal.out), size_t(std::stoi(rows("SELECT COUNT(*) FROM kpi_values WHERE level = 'goal'"))));
  EXPECT_GT(data_lines(goal.out), 0u);
  EXPECT_LT(data_lines(goal.out), data_lines(all.out));
  KpixRun since = kpix_here("export --db " + quote(db_) + " --format csv --since 2024");
  EXPECT_EQ(data_lines(since.out), size_t(std::stoi(rows("SELECT COUNT(*) FROM kpi_values WHERE period_end >= 2024"))));
  KpixRun since_jsonl = kpix_here("export --db " + quote(db_) + " --since 2024");
  size_t values = 0;
  for (const auto& r : parse_jsonl(since_jsonl.out))
    for (const auto& v : r["values"]) {
      ++values;
      EXPECT_GE(v["period"]["end"].get<int>(), 2024);
    }
  EXPECT_EQ(values, data_lines(since.out));
  EXPECT_EQ(kpix_here("export --db " + quote(db_) + " --code 999999").status, 2);
  EXPECT_EQ(kpix_here("export --db " + quote(db_) + " --level nonsense").status, 2);
}

// A PDF cell that is a spreadsheet formula (issue 13): shown, not run, in
// Excel CSV, from extract and export alike; numbers keep their sign.
TEST_F(AnalystOutputs, FormulasAreNeutralisedInExcelCsv) {
  std::ofstream(dir_ / "f.txt")
      << "岩見沢市総合戦略について\n基本目標2の評価指標（KPI）の実績\n"
         "重要業績評価指標（KPI）\t\t基準値\t2020実績\t2021実績\t2022実績\t2023\t2024\t目標値\n"
         "転出超過数を抑制\t①=HYPERLINK(\"http://x.example/\",\"click\")\t▲312人\t▲341人\t▲349人\t▲389人\t－\t－\t▲275人\n"
         "人口の社会増減率の改善\t@SUM(A1)\t=1+2\t▲0.42%\t▲0.44%\t▲0.50%\t－\t－\t▲0.36%\n";
  const std::string f = quote((dir_ / "f.txt").string()), fdb = quote((dir_ / "f.sqlite").string());
  KpixRun plain = kpix_here("extract --format csv " + f);
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_NE(plain.out.find(",\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\","), std::string::npos) << plain.out;
  KpixRun extracted = kpix_here("extract --excel " + f);
  ASSERT_EQ(kpix_here("ingest --db " + fdb + " " + f).status, 0);
  KpixRun exported = kpix_here("export --db " + fdb + " --excel");
  for (const KpixRun* r : {&extracted, &exported}) {
    EXPECT_EQ(r->out.rfind("\xEF\xBB\xBFmunicipality_code,", 0), 0u);
    EXPECT_NE(r->out.find(",\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\","), std::string::npos) << r->out;
    EXPECT_NE(r->out.find(",'@SUM(A1),"), std::string::npos);
    EXPECT_NE(r->out.find(",'=1+2,,,text,"), std::string::npos);  // a formula is no number
    EXPECT_NE(r->out.find(",▲312人,-312,人,ok,"), std::string::npos);
    EXPECT_EQ(r->out.find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(r->out.find(",\"=HYPERLINK"), std::string::npos);
  }
}

TEST_F(AnalystOutputs, CheckFindsStoredDocumentsFromAnyFolder) {
  EXPECT_EQ(rows("SELECT COUNT(*) FROM documents WHERE path LIKE '/%'"), "2\n");
  // A PDF ingested by a relative path, checked from another folder: the page
  // crop of a disagreement is made from the stored absolute path.
  const std::string pdfs = KPIX_SOURCE_DIR "/samples/pdf";
  const std::string pdb = (dir_ / "p.sqlite").string();
  KpixRun in = run_shell("cd " + quote(pdfs) + " && " + quote(KPIX_BINARY) + " ingest --db " + quote(pdb) +
                             " 000-iwamizawa-chromium.pdf",
                         dir_);
  ASSERT_EQ(in.status, 0) << in.err;
  std::ofstream(dir_ / "e.csv") << "municipality,indicator,role,year,value\n岩見沢市,転出超過数,実績,2020,▲342人\n";
  KpixRun c = run_shell("cd / && " + quote(KPIX_BINARY) + " check --entries " + quote((dir_ / "e.csv").string()) +
                            " --db " + quote(pdb) + " --report " + quote((dir_ / "r.html").string()),
                        dir_);
  EXPECT_EQ(c.status, 1) << c.err;  // the planted mismatch
  EXPECT_EQ(c.err.find("no picture"), std::string::npos) << c.err;
  EXPECT_NE(slurp(dir_ / "r.html").find("data:image/png;base64,"), std::string::npos);
}

}  // namespace
}  // namespace kpix::testing

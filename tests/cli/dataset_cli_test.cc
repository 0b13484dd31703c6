// `kpix ingest` and `kpix export` end to end: the binary on temp folders of the
// five seed texts (../shared/seeds: 岩見沢市 ×2, 砂川市, 芦別市, 苫小牧市).
// Re-ingest changes nothing, -j1 and -j2 agree byte for byte, a SIGKILL in the
// middle of a document leaves none of it and the next run completes the job,
// the CSV and JSONL exports carry the same values, and municipality codes are
// those checked by hand in issue 5.
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_helpers.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSeeds = KPIX_SOURCE_DIR "/../shared/seeds";

struct KpixRun {
  int status = -1;  // exit status; -1 when killed by a signal
  bool killed = false;
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

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), any = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
      any = false;
    } else {
      field += c, any = true;
    }
  }
  if (any) row.push_back(field), rows.push_back(row);
  return rows;
}

std::vector<json> parse_jsonl(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

using kpix::testing::query;

class DatasetCli : public ::testing::Test {
 protected:
  fs::path dir, in;
  void SetUp() override {
    if (!fs::exists(kSeeds + "/000_20258ccdc73fa33f.txt"))
      GTEST_SKIP() << "seed texts not found in " << kSeeds << " (needs ../shared/seeds next to the project)";
    char tmpl[] = "/tmp/kpix-dataset-cli-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir = tmpl;
    in = dir / "in";
    fs::create_directories(in / "more");
    // One seed in a subfolder: folders are searched recursively.
    for (const auto& e : fs::directory_iterator(kSeeds)) {
      std::string name = e.path().filename().string();
      if (e.path().extension() != ".txt") continue;
      fs::copy_file(e.path(), (name.rfind("004", 0) == 0 ? in / "more" : in) / name);
    }
    std::ofstream(in / "README.md") << "not a document\n";  // neither .pdf nor .txt: not taken
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }
  KpixRun kpix(const std::string& args, const std::string& env = "") {
    std::string cmd = env + " " + quote(KPIX_BINARY) + " " + args + " >" + quote((dir / "out").string()) + " 2>" +
                      quote((dir / "err").string());
    int rc = std::system(cmd.c_str());
    KpixRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    // The shell may run kpix as its child (status 128+9) or exec it.
    r.killed = (WIFSIGNALED(rc) && WTERMSIG(rc) == SIGKILL) || r.status == 128 + SIGKILL;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    return r;
  }
  KpixRun ingest(const fs::path& db, const std::string& opts = "", const std::string& env = "") {
    return kpix("ingest --db " + quote(db.string()) + " " + opts + " " + quote(in.string()), env);
  }
  std::string export_of(const fs::path& db, const std::string& format, const std::string& extra = "") {
    fs::path out = dir / ("export." + format);
    KpixRun r = kpix("export --db " + quote(db.string()) + " --format " + format + " " + extra + " -o " +
                     quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.err;
    return slurp(out);
  }
};

TEST_F(DatasetCli, ReingestingTheSameFolderChangesNothing) {
  fs::path db = dir / "kpi.sqlite";
  KpixRun first = ingest(db, "-j2");
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("documents added 5, already present 0, failed 0"), std::string::npos) << first.out;
  // Not a terminal: one line per document.
  EXPECT_NE(first.err.find("000_20258ccdc73fa33f.txt: "), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("more/004_5a75ff59ed95451e.txt: "), std::string::npos) << first.err;
  std::string csv = export_of(db, "csv"), jsonl = export_of(db, "jsonl");
  ASSERT_GT(parse_jsonl(jsonl).size(), 50u);
  std::string counts = query(db, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM records), "
                                 "(SELECT COUNT(*) FROM \"values\")");

  KpixRun again = ingest(db, "-j2");
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("documents added 0, already present 5, failed 0; records 0, values 0"), std::string::npos)
      << again.out;
  EXPECT_EQ(export_of(db, "csv"), csv);
  EXPECT_EQ(export_of(db, "jsonl"), jsonl);
  EXPECT_EQ(query(db, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM records), "
                      "(SELECT COUNT(*) FROM \"values\")"),
            counts);

  // A new edition (other bytes) is a document of its own; the old one stays.
  std::ofstream(in / "002_b1c8d5c221a7a54e.txt", std::ios::app) << "\n令和5年度版\n";
  KpixRun edition = ingest(db, "-j2");
  EXPECT_EQ(edition.status, 0) << edition.err;
  EXPECT_NE(edition.out.find("documents added 1, already present 4"), std::string::npos) << edition.out;
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM documents WHERE file = '002_b1c8d5c221a7a54e.txt'"), "2\n");
}

TEST_F(DatasetCli, OneAndTwoWorkersGiveIdenticalExports) {
  KpixRun one = ingest(dir / "j1.sqlite", "-j1");
  KpixRun two = ingest(dir / "j2.sqlite", "-j2");
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_EQ(one.out, two.out);  // the summary
  EXPECT_EQ(export_of(dir / "j1.sqlite", "csv"), export_of(dir / "j2.sqlite", "csv"));
  EXPECT_EQ(export_of(dir / "j1.sqlite", "jsonl"), export_of(dir / "j2.sqlite", "jsonl"));
  EXPECT_EQ(export_of(dir / "j1.sqlite", "csv", "--excel"), export_of(dir / "j2.sqlite", "csv", "--excel"));
}

TEST_F(DatasetCli, MunicipalityCodesAreTheHandCheckedOnes) {
  fs::path db = dir / "kpi.sqlite";
  ASSERT_EQ(ingest(db).status, 0);
  std::map<std::string, std::set<std::string>> codes;  // file → codes of its records
  for (const json& r : parse_jsonl(export_of(db, "jsonl")))
    codes[r["document"]["file"]].insert(r["municipality"]["code"].is_null()
                                            ? "null"
                                            : r["municipality"]["code"].get<std::string>() + " " +
                                                  r["municipality"]["name"].get<std::string>());
  using S = std::set<std::string>;
  EXPECT_EQ(codes["000_20258ccdc73fa33f.txt"], S{"012106 岩見沢市"});
  EXPECT_EQ(codes["001_a61508fec1d3fe11.txt"], S{"012106 岩見沢市"});
  EXPECT_EQ(codes["002_b1c8d5c221a7a54e.txt"], S{"012262 砂川市"});  // not 012254 (滝川市)
  EXPECT_EQ(codes["003_acdad34392815b8b.txt"], S{"012165 芦別市"});
  EXPECT_EQ(codes["004_5a75ff59ed95451e.txt"], S{"012131 苫小牧市"});
  // The documents table and the municipalities list agree.
  EXPECT_EQ(query(db, "SELECT d.municipality_code, m.prefecture, m.name FROM documents d "
                      "JOIN municipalities m ON m.code = d.municipality_code WHERE d.file LIKE '002%'"),
            "012262|北海道|砂川市\n");
  // Export order: by municipality code (岩見沢 012106 first, 砂川 012262 last).
  auto rows = parse_csv(export_of(db, "csv"));
  ASSERT_GT(rows.size(), 2u);
  EXPECT_EQ(rows[1][0] + " " + rows[1][1], "012106 岩見沢市");
  EXPECT_EQ(rows.back()[0] + " " + rows.back()[1], "012262 砂川市");
  for (size_t i = 2; i < rows.size(); ++i) ASSERT_LE(rows[i - 1][0], rows[i][0]) << "CSV row " << i;
}

TEST_F(DatasetCli, AnAmbiguousNameIsReportedAndLeftWithoutACodeUnlessGiven) {
  fs::remove_all(in);
  fs::create_directories(in);
  // 岩見沢's 基本目標2 table (seed 000, lines 245-249) under a 池田町 title: four
  // prefectures have a 池田町 and the text names none of them.
  std::ofstream(in / "ikeda.txt")
      << "池田町総合戦略について\n池田町\n基本目標2の評価指標（KPI）の実績\n"
         "重要業績評価指標（KPI）\t\t基準値\t2020実績\t2021実績\t2022実績\t2023\t2024\t目標値\n"
         "転出超過数を 2014年の2分の1に抑制\t①転出超過数\t▲312人\t▲341人\t▲349人\t▲389人\t－\t－\t▲275人\n";
  KpixRun plain = ingest(dir / "a.sqlite");
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_NE(plain.err.find("ikeda.txt: note: "), std::string::npos) << plain.err;
  EXPECT_NE(plain.err.find("ambiguous"), std::string::npos) << plain.err;
  auto records = parse_jsonl(export_of(dir / "a.sqlite", "jsonl"));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0]["municipality"]["code"].is_null());
  EXPECT_EQ(records[0]["municipality"]["name"], "池田町");

  KpixRun coded = ingest(dir / "b.sqlite", "--code 016446");
  EXPECT_EQ(coded.status, 0) << coded.err;
  records = parse_jsonl(export_of(dir / "b.sqlite", "jsonl"));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["municipality"]["code"], "016446");
  EXPECT_EQ(records[0]["municipality"]["name"], "池田町");

  // An override that names nothing is refused before anything is stored.
  KpixRun bad = ingest(dir / "c.sqlite", "--code 016447");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--code 016447"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir / "c.sqlite"));
  EXPECT_EQ(ingest(dir / "c.sqlite", "--code 016446 --municipality 池田町").status, 2);  // one or the other
}

TEST_F(DatasetCli, CsvAndJsonlExportsCarryTheSameValues) {
  fs::path db = dir / "kpi.sqlite";
  ASSERT_EQ(ingest(db).status, 0);
  std::vector<json> records = parse_jsonl(export_of(db, "jsonl"));
  std::string csv_text = export_of(db, "csv");
  auto rows = parse_csv(csv_text);
  ASSERT_FALSE(rows.empty());
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  for (const char* c : {"municipality_code", "municipality", "document", "document_date", "goal", "project",
                        "indicator", "unit", "role", "period_start", "period_end", "value", "status", "qualifiers",
                        "page", "raw", "cumulative"})
    ASSERT_TRUE(col.count(c)) << c;
  auto str = [](const json& j) -> std::string {
    if (j.is_null()) return "";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
  };
  size_t row = 1, numbers = 0;
  for (const json& r : records) {
    for (const json& v : r["values"]) {
      ASSERT_LT(row, rows.size()) << "fewer CSV rows than values";
      const auto& f = rows[row++];
      ASSERT_EQ(f.size(), rows[0].size()) << "row " << row;
      SCOPED_TRACE("CSV row " + std::to_string(row) + ": " + str(r["indicator"]) + " " + str(v["raw"]));
      EXPECT_EQ(f[col["municipality_code"]], str(r["municipality"]["code"]));
      EXPECT_EQ(f[col["municipality"]], str(r["municipality"]["name"]));
      EXPECT_EQ(f[col["document"]], str(r["document"]["file"]));
      EXPECT_EQ(f[col["document_date"]], str(r["document"].value("date", json())));
      EXPECT_EQ(f[col["goal"]], r.contains("goal") ? str(r.at("goal").at("number")) : "");
      EXPECT_EQ(f[col["project"]], str(r.value("project", json())));
      EXPECT_EQ(f[col["indicator"]], str(r["indicator"]));
      EXPECT_EQ(f[col["unit"]], str(r.value("unit", json())));
      EXPECT_EQ(f[col["role"]], str(v["role"]));
      EXPECT_EQ(f[col["raw"]], str(v.value("raw", json())));
      EXPECT_EQ(f[col["status"]], str(v["status"]));
      const json period = v.value("period", json());
      EXPECT_EQ(f[col["period_start"]], period.is_object() ? str(period.value("start", json())) : "");
      EXPECT_EQ(f[col["period_end"]], period.is_object() ? str(period.value("end", json())) : "");
      std::string quals;
      for (const auto& q : v.value("qualifiers", json::array())) quals += (quals.empty() ? "" : ";") + str(q);
      EXPECT_EQ(f[col["qualifiers"]], quals);
      EXPECT_EQ(f[col["page"]], str(v.value("source", json::object()).value("page", json())));
      // The number itself: read back, it is the same double.
      const json value = v.value("value", json());
      if (value.is_null()) {
        EXPECT_EQ(f[col["value"]], "");
      } else {
        ASSERT_FALSE(f[col["value"]].empty());
        EXPECT_EQ(std::stod(f[col["value"]]), value.get<double>());
        ++numbers;
      }
      const json cumulative = v.value("cumulative", json());
      if (!cumulative.is_null()) {
        EXPECT_EQ(std::stod(f[col["cumulative"]]), cumulative.get<double>());
      }
    }
  }
  EXPECT_EQ(row, rows.size()) << "more CSV rows than values";
  EXPECT_GT(numbers, 200u);

  // --excel: the same table behind a BOM, with CRLF line ends.
  std::string excel = export_of(db, "csv", "--excel");
  ASSERT_EQ(excel.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(excel.substr(excel.find('\n') - 1, 2), "\r\n");
  EXPECT_EQ(parse_csv(excel.substr(3)), rows);
}

TEST_F(DatasetCli, KilledInTheMiddleOfADocumentLeavesNoneOfItAndTheNextRunCompletes) {
  fs::path ref = dir / "ref.sqlite", db = dir / "kpi.sqlite";
  ASSERT_EQ(ingest(ref, "-j1").status, 0);
  std::string ref_csv = export_of(ref, "csv"), ref_jsonl = export_of(ref, "jsonl");
  // Files are stored in path order with -j1: 000 (岩見沢), 001, 002, 003, then
  // more/004. The 500th value falls inside a document after the first.
  int first_doc_values = std::stoi(query(ref, "SELECT COUNT(*) FROM \"values\" v JOIN records r ON r.id = v.record_id "
                                              "JOIN documents d ON d.id = r.document_id WHERE d.file LIKE '000%'"));
  int total_values = std::stoi(query(ref, "SELECT COUNT(*) FROM \"values\""));
  ASSERT_GT(total_values, first_doc_values + 20);
  int kill_at = first_doc_values + 10;

  KpixRun crashed = ingest(db, "-j1", "KPIX_TEST_KILL_AFTER_VALUES=" + std::to_string(kill_at));
  ASSERT_TRUE(crashed.killed) << "status " << crashed.status << ": " << crashed.err;
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok\n");
  // The first document whole, nothing of the second.
  EXPECT_EQ(query(db, "SELECT file FROM documents"), "000_20258ccdc73fa33f.txt\n");
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM \"values\""), std::to_string(first_doc_values) + "\n");
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM records WHERE document_id NOT IN (SELECT id FROM documents)"), "0\n");

  KpixRun resumed = ingest(db, "-j2");
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("documents added 4, already present 1, failed 0"), std::string::npos) << resumed.out;
  EXPECT_EQ(export_of(db, "csv"), ref_csv);
  EXPECT_EQ(export_of(db, "jsonl"), ref_jsonl);
}

TEST_F(DatasetCli, AFailedDocumentIsReportedAndTheOthersAreStored) {
  std::ofstream(in / "broken.pdf") << "%PDF-1.7\nthis is not a PDF body\n";
  std::ofstream(in / "empty.txt") << "";
  fs::path db = dir / "kpi.sqlite";
  KpixRun r = ingest(db, "-j2");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("documents added 5, already present 0, failed 2"), std::string::npos) << r.out;
  // One line each, naming the file.
  std::istringstream err(r.err);
  int broken = 0, empty = 0;
  for (std::string line; std::getline(err, line);) {
    bool b = line.find("broken.pdf") != std::string::npos, e = line.find("empty.txt") != std::string::npos;
    broken += b, empty += e;
    if (b || e) {
      EXPECT_EQ(line.rfind("kpix: ", 0), 0u) << line;
    }
  }
  EXPECT_EQ(broken, 1) << r.err;
  EXPECT_EQ(empty, 1) << r.err;
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM documents"), "5\n");
}

TEST_F(DatasetCli, ExportOfAMissingDatasetIsAnErrorAndWritesNothing) {
  KpixRun r = kpix("export --db " + quote((dir / "none.sqlite").string()) + " --format csv -o " +
                   quote((dir / "x.csv").string()));
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(fs::exists(dir / "none.sqlite"));
  EXPECT_FALSE(fs::exists(dir / "x.csv"));
}

}  // namespace

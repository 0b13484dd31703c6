// What a database file is before kpix writes to it (issue 13 defect 5): a
// foreign or newer database is refused untouched, an older kpix dataset is
// migrated in one transaction, a read-only open changes nothing; disk full
// is reported as itself (defect 4); removing a document cascades and copies
// of one edition are stored once for export (issue 14).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/dataset/content_key.h"
#include "pipeline/dataset/dataset.h"
#include "tests/unit/dataset_fixtures.h"
#include "pipeline/dataset/schema.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) { return fresh_temp_dir("kpix-schema", name); }

const char* const kDoc = kIwamizawaGoal2;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string write(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

void sql(const fs::path& db, const char* text) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(h, text, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(h);
}

int64_t scalar(sqlite3* h, const char* text) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(h, text, -1, &s, nullptr) != SQLITE_OK) return -1;
  int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return v;
}

std::string csv_of(const Dataset& db) {
  std::string out;
  db.export_csv([&](const std::string& s) { out += s; }, false);
  return out;
}

TEST(DatasetSchema, AForeignDatabaseIsRefusedUntouched) {
  fs::path dir = temp_dir("foreign");
  fs::path db = dir / "other.sqlite";
  sql(db, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES ('a');");
  const std::string before = slurp(db);
  try {
    Dataset d(db.string());
    FAIL() << "opened a foreign database";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not a kpix dataset"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(db), before);  // no municipality rows, no WAL header, nothing
  EXPECT_FALSE(fs::exists(dir / "other.sqlite-wal"));
  EXPECT_THROW(Dataset(db.string(), Dataset::Access::read_only), InputError);
  EXPECT_EQ(slurp(db), before);
  // A file that is no database at all.
  std::string pdf = write(dir, "a.pdf", "%PDF-1.4 not really");
  EXPECT_THROW(Dataset{pdf}, InputError);
  EXPECT_EQ(slurp(pdf), "%PDF-1.4 not really");
}

TEST(DatasetSchema, ANewerDatasetIsRefusedUntouched) {
  fs::path dir = temp_dir("newer");
  fs::path db = dir / "kpi.sqlite";
  { Dataset d(db.string()); }
  sql(db, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 99;");
  const std::string before = slurp(db);
  try {
    Dataset d(db.string());
    FAIL() << "opened a newer dataset";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("newer kpix"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(db), before);
}

TEST(DatasetSchema, ANewDatasetIsStampedAndCascades) {
  fs::path dir = temp_dir("new");
  Extractor ex;
  Extraction x = ex.extract(write(dir, "a.txt", kDoc), {});
  Dataset db((dir / "kpi.sqlite").string());
  EXPECT_EQ(scalar(db.handle(), "PRAGMA user_version"), kSchemaVersion);
  db.add_document(x);
  EXPECT_EQ(db.count("values"), 14);
  EXPECT_EQ(scalar(db.handle(), "SELECT COUNT(*) FROM kpi_values"), 14);
  EXPECT_EQ(scalar(db.handle(), "SELECT COUNT(*) FROM kpi_values WHERE prefecture = '北海道' AND "
                                "document_sha256 IS NOT NULL AND record_id IS NOT NULL"),
            14);
  ASSERT_TRUE(db.remove_document(scalar(db.handle(), "SELECT id FROM documents")));
  EXPECT_EQ(db.count("documents"), 0);
  EXPECT_EQ(db.count("records"), 0);
  EXPECT_EQ(db.count("values"), 0);
  EXPECT_GT(db.count("municipalities"), 1900);
}

// The tables kpix 0.1 made, without a stamp: no CASCADE, no copies.
const char* kVersion1 = R"SQL(
CREATE TABLE municipalities (code TEXT PRIMARY KEY, prefecture TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE TABLE documents (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, path TEXT NOT NULL,
  title TEXT, date TEXT, producer TEXT, pages INTEGER NOT NULL, municipality_code TEXT, municipality TEXT,
  ingested_at TEXT NOT NULL);
CREATE TABLE records (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL, municipality_code TEXT, municipality TEXT, level TEXT NOT NULL, goal_number INTEGER,
  goal_title TEXT, project TEXT, indicator TEXT NOT NULL, unit TEXT, json TEXT NOT NULL);
CREATE TABLE "values" (id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES records(id),
  ordinal INTEGER NOT NULL, role TEXT NOT NULL, period_start INTEGER, period_end INTEGER, basis TEXT, agg TEXT,
  raw TEXT, value REAL, unit TEXT, status TEXT NOT NULL, qualifiers TEXT, cumulative REAL, page INTEGER, bbox TEXT,
  line INTEGER);
INSERT INTO municipalities VALUES ('012106', '北海道', '岩見沢市', '市');
INSERT INTO documents VALUES (1, 'ab', 'old.txt', 'old.txt', 'T', '2023-12-20', '', 1, '012106', '岩見沢市', 'x');
INSERT INTO records VALUES (1, 1, 1, '012106', '岩見沢市', 'goal', 2, NULL, NULL, '転出超過数', '人',
  '{"indicator":"転出超過数","values":[{"role":"actual","value":-341}]}');
INSERT INTO "values" VALUES (1, 1, 1, 'actual', 2020, 2020, 'fiscal', NULL, '▲341人', -341, '人', 'ok', '', NULL,
  NULL, NULL, 4);
)SQL";

TEST(DatasetSchema, AnOlderKpixDatasetIsMigratedInOneGo) {
  fs::path dir = temp_dir("older");
  fs::path db = dir / "kpi.sqlite";
  sql(db, kVersion1);
  {
    Dataset d(db.string());
    EXPECT_EQ(scalar(d.handle(), "PRAGMA user_version"), kSchemaVersion);
    EXPECT_EQ(d.count("documents"), 1);
    EXPECT_EQ(d.count("records"), 1);
    EXPECT_EQ(d.count("values"), 1);
    EXPECT_EQ(scalar(d.handle(), "SELECT value FROM kpi_values WHERE indicator = '転出超過数'"), -341);
    EXPECT_EQ(d.count("municipalities"), 1);  // the rows it had, not a second list
    ASSERT_TRUE(d.remove_document(1));        // CASCADE, after the migration
    EXPECT_EQ(d.count("records"), 0);
    EXPECT_EQ(d.count("values"), 0);
  }
  // A read-only open of an older dataset that can be written migrates it first.
  fs::path db2 = dir / "kpi2.sqlite";
  sql(db2, kVersion1);
  Dataset ro(db2.string(), Dataset::Access::read_only);
  EXPECT_EQ(scalar(ro.handle(), "PRAGMA user_version"), kSchemaVersion);
  EXPECT_NE(csv_of(ro).find("転出超過数"), std::string::npos);
}

TEST(DatasetSchema, AReadOnlyOpenChangesNothing) {
  fs::path dir = temp_dir("readonly");
  Extractor ex;
  Extraction x = ex.extract(write(dir, "a.txt", kDoc), {});
  fs::path db = dir / "kpi.sqlite";
  {
    Dataset d(db.string());
    d.add_document(x);
  }
  const std::string before = slurp(db);
  const auto mtime = fs::last_write_time(db);
  {
    Dataset ro(db.string(), Dataset::Access::read_only);
    EXPECT_NE(csv_of(ro).find("転出超過数"), std::string::npos);
    EXPECT_THROW(ro.add_document(x), std::exception);  // it cannot write
  }
  EXPECT_EQ(slurp(db), before);
  EXPECT_EQ(fs::last_write_time(db), mtime);
  // SQLite may leave an empty -wal beside a WAL file it read; never content.
  EXPECT_EQ(fs::exists(dir / "kpi.sqlite-wal") ? fs::file_size(dir / "kpi.sqlite-wal") : 0u, 0u);
  EXPECT_THROW(Dataset((dir / "none.sqlite").string(), Dataset::Access::read_only), InputError);
  EXPECT_FALSE(fs::exists(dir / "none.sqlite"));
}

TEST(DatasetSchema, DiskFullIsReportedAsItselfAndLeavesNothing) {
  fs::path dir = temp_dir("full");
  Extractor ex;
  Extraction x = ex.extract(write(dir, "a.txt", kDoc), {});
  // Make the document big enough to overflow a small page budget.
  std::string long_name(3000, 'x');
  for (auto& r : x.records) r["project"] = long_name;
  const std::vector<nlohmann::json> two = x.records;
  for (int i = 0; i < 6; ++i) x.records.insert(x.records.end(), two.begin(), two.end());
  Dataset db((dir / "kpi.sqlite").string());
  int64_t pages = scalar(db.handle(), "PRAGMA page_count");
  ASSERT_EQ(sqlite3_exec(db.handle(), ("PRAGMA max_page_count = " + std::to_string(pages + 4)).c_str(), nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  try {
    db.add_document(x);
    FAIL() << "stored more than the page budget";
  } catch (const std::exception& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("full"), std::string::npos) << what;
    EXPECT_EQ(what.find("rollback"), std::string::npos) << what;
  }
  EXPECT_EQ(db.count("documents"), 0);
  EXPECT_EQ(db.count("records"), 0);
  EXPECT_EQ(db.count("values"), 0);
}

TEST(DatasetSchema, TheSameEditionUnderTwoNamesIsExportedOnce) {
  fs::path dir = temp_dir("copies");
  Extractor ex;
  Extraction a = ex.extract(write(dir, "a.txt", kDoc), {});
  // Other bytes (a trailing note line), other name, the same report.
  Extraction b = ex.extract(write(dir, "b.txt", std::string(kDoc) + "\n"), {});
  ASSERT_NE(a.info.sha256, b.info.sha256);
  EXPECT_EQ(content_key(a.records), content_key(b.records));
  Dataset db((dir / "kpi.sqlite").string());
  db.add_document(a);
  const std::string once = csv_of(db);
  EXPECT_FALSE(db.last_copy_of());
  db.add_document(b);
  ASSERT_TRUE(db.last_copy_of());
  EXPECT_EQ(*db.last_copy_of(), "a.txt");
  EXPECT_EQ(db.count("documents"), 2);
  EXPECT_EQ(csv_of(db), once);
  EXPECT_EQ(scalar(db.handle(), "SELECT COUNT(*) FROM kpi_values"), 14);
  // Removing the edition leaves its copy as the edition.
  ASSERT_TRUE(db.remove_document(scalar(db.handle(), "SELECT id FROM documents WHERE file = 'a.txt'")));
  EXPECT_EQ(scalar(db.handle(), "SELECT COUNT(*) FROM documents WHERE copy_of IS NULL"), 1);
  EXPECT_EQ(scalar(db.handle(), "SELECT COUNT(*) FROM kpi_values"), 14);
  // A different report is no copy.
  std::string other = kDoc;
  other.replace(other.find("▲341人"), std::string("▲341人").size(), "▲342人");
  db.add_document(ex.extract(write(dir, "c.txt", other), {}));
  EXPECT_FALSE(db.last_copy_of());
}

TEST(DatasetSchema, StoredPathsAreAbsolute) {
  fs::path dir = temp_dir("paths");
  write(dir, "a.txt", kDoc);
  fs::path cwd = fs::current_path();
  fs::current_path(dir);
  Extractor ex;
  Extraction x = ex.extract("a.txt", {});
  Dataset db((dir / "kpi.sqlite").string());
  db.add_document(x);
  fs::current_path(cwd);
  EXPECT_EQ(db.documents().front().path, (dir / "a.txt").string());
}

}  // namespace
}  // namespace kpix

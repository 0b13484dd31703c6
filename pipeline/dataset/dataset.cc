#include "pipeline/dataset/dataset.h"

#include <sqlite3.h>

#include <ctime>
#include <memory>

#include "parsers/municipality/municipality_data.h"
#include "pipeline/dataset/schema_additions.h"
#include "pipeline/model/error.h"
#include "pipeline/output/record_writers.h"

namespace kpix {
namespace {

// The schema, documented in docs/dataset.md.
constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS municipalities (
  code TEXT PRIMARY KEY, prefecture TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, path TEXT NOT NULL,
  title TEXT, date TEXT, producer TEXT, pages INTEGER NOT NULL,
  municipality_code TEXT, municipality TEXT, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL,
  municipality_code TEXT, municipality TEXT, level TEXT NOT NULL, goal_number INTEGER, goal_title TEXT,
  project TEXT, indicator TEXT NOT NULL, unit TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS "values" (
  id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES records(id), ordinal INTEGER NOT NULL,
  role TEXT NOT NULL, period_start INTEGER, period_end INTEGER, basis TEXT, agg TEXT,
  raw TEXT, value REAL, unit TEXT, status TEXT NOT NULL, qualifiers TEXT, cumulative REAL,
  page INTEGER, bbox TEXT, line INTEGER);
CREATE INDEX IF NOT EXISTS records_indicator ON records(indicator);
CREATE INDEX IF NOT EXISTS records_municipality ON records(municipality_code);
CREATE INDEX IF NOT EXISTS values_record ON "values"(record_id);
)SQL";

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("SQL: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  void text(int i, const std::string& v) { sqlite3_bind_text(s, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT); }
  void json(int i, const nlohmann::json& v) {
    if (v.is_null()) sqlite3_bind_null(s, i);
    else if (v.is_string()) text(i, v.get<std::string>());
    else if (v.is_number_integer()) sqlite3_bind_int64(s, i, v.get<int64_t>());
    else if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
    else text(i, v.dump());
  }
  void step(sqlite3* db) {
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(std::string("SQL: ") + sqlite3_errmsg(db));
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

// Deterministic whatever the order of ingest: ids and times play no part.
constexpr const char* kExportOrder =
    "ORDER BY r.municipality_code IS NULL, r.municipality_code, d.date IS NULL, d.date, d.file, d.sha256, r.ordinal";

const nlohmann::json& at(const nlohmann::json& j, const char* key) {
  static const nlohmann::json null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

// records.concept_qualifiers: `;`-separated, NULL for a record without a concept.
nlohmann::json concept_qualifiers(const nlohmann::json& record) {
  const nlohmann::json& c = at(record, "concept");
  if (!c.is_object()) return nullptr;
  std::string joined;
  for (const auto& q : at(c, "qualifiers")) joined += (joined.empty() ? "" : ";") + q.get<std::string>();
  return joined;
}

}  // namespace

Dataset::Dataset(const std::string& path) : path_(path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path, "cannot open the dataset: " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
    exec(kSchema);
    add_schema_additions(db_);
    // Two kpix starting on a new file at once: the first fills the list, the
    // second waits for it and finds it filled.
    if (count("municipalities") == 0) exec("BEGIN IMMEDIATE");
    if (!sqlite3_get_autocommit(db_) && count("municipalities") == 0) {
      Stmt ins(db_, "INSERT OR IGNORE INTO municipalities(code, prefecture, name, type) VALUES (?,?,?,?)");
      std::string_view table = municipality_table();
      size_t start = 0;
      while (start < table.size()) {
        size_t nl = table.find('\n', start);
        std::string row(table.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        start = nl == std::string_view::npos ? table.size() : nl + 1;
        std::vector<std::string> f;
        size_t a = 0;
        for (size_t b; (b = row.find('\t', a)) != std::string::npos; a = b + 1) f.push_back(row.substr(a, b - a));
        f.push_back(row.substr(a));
        if (f.size() != 4) continue;
        for (int i = 0; i < 4; ++i) ins.text(i + 1, f[size_t(i)]);
        ins.step(db_);
      }
    }
    if (!sqlite3_get_autocommit(db_)) exec("COMMIT");
  } catch (const std::exception& e) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path, std::string("not a kpix dataset: ") + e.what());
  }
}

Dataset::~Dataset() { sqlite3_close(db_); }

void Dataset::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "error";
    sqlite3_free(err);
    throw std::runtime_error(why);
  }
}

int Dataset::count(const char* table) const {
  Stmt q(db_, (std::string("SELECT COUNT(*) FROM \"") + table + "\"").c_str());
  sqlite3_step(q.s);
  return sqlite3_column_int(q.s, 0);
}

bool Dataset::has_document(const std::string& sha256) const {
  Stmt q(db_, "SELECT 1 FROM documents WHERE sha256 = ?");
  q.text(1, sha256);
  return sqlite3_step(q.s) == SQLITE_ROW;
}

std::set<std::string> Dataset::document_hashes() const {
  std::set<std::string> out;
  Stmt q(db_, "SELECT sha256 FROM documents");
  while (sqlite3_step(q.s) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0)));
  return out;
}

int Dataset::add_document(const Extraction& x, const std::function<void(int)>& after_value) {
  exec("BEGIN IMMEDIATE");
  int values = 0;
  try {
    Stmt doc(db_, "INSERT INTO documents(sha256, file, path, title, date, producer, pages, municipality_code, "
                  "municipality, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    const nlohmann::json first = x.records.empty() ? nlohmann::json::object() : x.records.front();
    doc.text(1, x.info.sha256);
    doc.text(2, x.info.file_name);
    doc.text(3, x.info.path);
    const nlohmann::json& title = at(at(first, "document"), "title");
    if (!title.is_null() || x.info.title.empty()) doc.json(4, title);
    else doc.text(4, x.info.title);
    doc.json(5, at(at(first, "document"), "date"));
    doc.text(6, x.info.producer);
    sqlite3_bind_int(doc.s, 7, x.pages);
    doc.json(8, at(at(first, "municipality"), "code"));
    doc.json(9, at(at(first, "municipality"), "name"));
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    doc.text(10, stamp);
    doc.step(db_);
    sqlite3_int64 doc_id = sqlite3_last_insert_rowid(db_);
    Stmt rec(db_, "INSERT INTO records(document_id, ordinal, municipality_code, municipality, level, goal_number, "
                  "goal_title, project, indicator, unit, json, concept, concept_qualifiers) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Stmt val(db_, "INSERT INTO \"values\"(record_id, ordinal, role, period_start, period_end, basis, agg, raw, value, "
                  "unit, status, qualifiers, cumulative, page, bbox, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int ordinal = 0;
    for (const nlohmann::json& r : x.records) {
      sqlite3_bind_int64(rec.s, 1, doc_id);
      sqlite3_bind_int(rec.s, 2, ++ordinal);
      rec.json(3, at(at(r, "municipality"), "code"));
      rec.json(4, at(at(r, "municipality"), "name"));
      rec.json(5, at(r, "level"));
      rec.json(6, at(at(r, "goal"), "number"));
      rec.json(7, at(at(r, "goal"), "title"));
      rec.json(8, at(r, "project"));
      rec.json(9, at(r, "indicator"));
      rec.json(10, at(r, "unit"));
      rec.text(11, r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      rec.json(12, at(at(r, "concept"), "id"));
      rec.json(13, concept_qualifiers(r));
      rec.step(db_);
      sqlite3_int64 rec_id = sqlite3_last_insert_rowid(db_);
      int vord = 0;
      for (const nlohmann::json& v : at(r, "values")) {
        const auto& p = at(v, "period");
        const auto& src = at(v, "source");
        std::string quals;
        for (const auto& q : at(v, "qualifiers")) quals += (quals.empty() ? "" : ";") + q.get<std::string>();
        sqlite3_bind_int64(val.s, 1, rec_id);
        sqlite3_bind_int(val.s, 2, ++vord);
        val.json(3, at(v, "role"));
        val.json(4, at(p, "start"));
        val.json(5, at(p, "end"));
        val.json(6, at(p, "basis"));
        val.json(7, at(p, "agg"));
        val.json(8, at(v, "raw"));
        val.json(9, at(v, "value"));
        val.json(10, at(v, "unit"));
        val.json(11, at(v, "status"));
        val.text(12, quals);
        val.json(13, at(v, "cumulative"));
        val.json(14, at(src, "page"));
        val.json(15, at(src, "bbox"));
        val.json(16, at(src, "line"));
        val.step(db_);
        ++values;
        if (after_value) after_value(values);
      }
    }
    last_links_ = store_plan_and_link(db_, doc_id, x);
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
  return values;
}

std::vector<Dataset::StoredDocument> Dataset::documents() const {
  std::vector<StoredDocument> out;
  Stmt q(db_, "SELECT d.id, d.path, d.file, r.json FROM documents d LEFT JOIN records r ON r.document_id = d.id "
              "ORDER BY d.id, r.ordinal");
  sqlite3_int64 current = -1;
  while (sqlite3_step(q.s) == SQLITE_ROW) {
    sqlite3_int64 id = sqlite3_column_int64(q.s, 0);
    if (id != current) {
      current = id;
      out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(q.s, 1)),
                     reinterpret_cast<const char*>(sqlite3_column_text(q.s, 2)), {}});
    }
    if (const unsigned char* j = sqlite3_column_text(q.s, 3))
      out.back().records.push_back(nlohmann::json::parse(reinterpret_cast<const char*>(j)));
  }
  return out;
}

void Dataset::export_jsonl(const std::function<void(const std::string&)>& write) const {
  Stmt q(db_, (std::string("SELECT r.json FROM records r JOIN documents d ON d.id = r.document_id ") + kExportOrder)
                  .c_str());
  while (sqlite3_step(q.s) == SQLITE_ROW) {
    const char* j = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    write(std::string(j ? j : "") + "\n");
  }
}

void Dataset::export_csv(const std::function<void(const std::string&)>& write, bool excel) const {
  // One row at a time; Excel wants CRLF at the end of each row (line breaks
  // inside a quoted field stay as they are).
  auto emit = [&](std::string row) {
    if (excel && !row.empty() && row.back() == '\n') row.insert(row.size() - 1, "\r");
    write(row);
  };
  if (excel) write("\xEF\xBB\xBF");
  emit(csv_header());
  Stmt q(db_, (std::string("SELECT r.json FROM records r JOIN documents d ON d.id = r.document_id ") + kExportOrder)
                  .c_str());
  while (sqlite3_step(q.s) == SQLITE_ROW) {
    const char* j = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    std::string rows = csv_rows(nlohmann::json::parse(j ? j : "{}"), excel);
    // One value per row: split so that each row gets its own line end.
    size_t start = 0;
    while (start < rows.size()) {
      size_t end = start;
      bool quoted = false;
      for (; end < rows.size(); ++end) {
        if (rows[end] == '"') quoted = !quoted;
        if (rows[end] == '\n' && !quoted) break;
      }
      emit(rows.substr(start, end - start + 1));
      start = end + 1;
    }
  }
}

}  // namespace kpix

#include "pipeline/dataset/dataset.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <memory>

#include "pipeline/dataset/content_key.h"
#include "pipeline/dataset/schema.h"
#include "pipeline/dataset/sql.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

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

Dataset::Dataset(const std::string& path, Access access) : path_(path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path, "is a directory, not a dataset file");
  if (access == Access::read_only && !std::filesystem::exists(path, ec))
    throw InputError(path, "no such dataset (kpix ingest makes one)");
  if (access == Access::read_only) {
    // An older dataset is migrated once, by a writer, before it is read.
    open(Access::read_only);
    SchemaState s = schema_state(db_);
    if (s == SchemaState::older && ::access(path.c_str(), W_OK) == 0) {
      sqlite3_close(db_);
      db_ = nullptr;
      open(Access::read_write);
      sqlite3_close(db_);
      db_ = nullptr;
      open(Access::read_only);
      s = schema_state(db_);
    }
    if (s == SchemaState::current) return;
    std::string why = s == SchemaState::older  ? "made by an older kpix, and the file cannot be written to migrate it"
                      : s == SchemaState::empty ? "an empty file, not a kpix dataset"
                                                : refusal(s);
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path, why);
  }
  open(Access::read_write);
}

namespace {

// `file:PATH?immutable=1`: a WAL dataset on read-only storage, whose -shm and
// -wal cannot be made, is read as a file nobody changes meanwhile.
std::string immutable_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c >= 0x80) {
      uri += char(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

void Dataset::open(Access access) {
  int flags = access == Access::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  std::string name = path_;
  if (access == Access::read_only && !readable_as_is()) {
    name = immutable_uri(path_);
    flags |= SQLITE_OPEN_URI;
  }
  if (sqlite3_open_v2(name.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path_, "cannot open the dataset: " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  // SQLite opens a file it may not write read-only without a word; the
  // schema check would then fail on its first write as if the file were no
  // dataset.
  if (access == Access::read_write && sqlite3_db_readonly(db_, "main") == 1) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path_, "the dataset cannot be written (read-only file or storage); export, check --db, diff "
                            "and report can still read it");
  }
  try {
    if (access == Access::read_only) {
      schema_state(db_);  // a file that is no database at all fails here
      return;
    }
    // The file is checked before anything is written: WAL mode alone would
    // change a foreign database's header.
    prepare_schema(db_);
    exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
  } catch (const std::exception& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    std::string what = e.what();
    if (what.rfind("SQL: ", 0) == 0) what = "not a kpix dataset: " + what.substr(5);
    throw InputError(path_, what);
  }
}

Dataset::~Dataset() { sqlite3_close(db_); }

// A read-only connection to a WAL dataset needs its -shm (and -wal) files,
// which SQLite makes beside the file when the folder can be written.
bool Dataset::readable_as_is() const {
  std::filesystem::path p(path_);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  std::error_code ec;
  return ::access(dir.c_str(), W_OK) == 0 || std::filesystem::exists(path_ + "-shm", ec);
}

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

namespace {

// Stored absolute, so check --db and report find the file from any folder.
std::string stored_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

// The documents row of `x` (its first record names the document); its id.
sqlite3_int64 insert_document(sqlite3* db, const Extraction& x, const std::string& key,
                              std::optional<int64_t> copy_of) {
  Stmt doc(db, "INSERT INTO documents(sha256, file, path, title, date, producer, pages, municipality_code, "
               "municipality, ingested_at, content_key, copy_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  const nlohmann::json first = x.records.empty() ? nlohmann::json::object() : x.records.front();
  doc.text(1, x.info.sha256);
  doc.text(2, x.info.file_name);
  doc.text(3, stored_path(x.info.path));
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
  if (key.empty()) sqlite3_bind_null(doc.s, 11);
  else doc.text(11, key);
  if (copy_of) sqlite3_bind_int64(doc.s, 12, *copy_of);
  doc.step(db);
  return sqlite3_last_insert_rowid(db);
}

// One values row: value `v` of record `rec_id`, the `ordinal`th.
void insert_value(sqlite3* db, Stmt& val, sqlite3_int64 rec_id, int ordinal, const nlohmann::json& v) {
  const auto& p = at(v, "period");
  const auto& src = at(v, "source");
  std::string quals;
  for (const auto& q : at(v, "qualifiers")) quals += (quals.empty() ? "" : ";") + q.get<std::string>();
  sqlite3_bind_int64(val.s, 1, rec_id);
  sqlite3_bind_int(val.s, 2, ordinal);
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
  val.step(db);
}

}  // namespace

int Dataset::add_document(const Extraction& x, const std::function<void(int)>& after_value) {
  exec("BEGIN IMMEDIATE");
  int values = 0;
  try {
    const std::string key = content_key(x.records);
    std::optional<int64_t> copy_of;
    last_copy_of_.reset();
    if (std::optional<EditionMatch> m = find_edition_of(db_, x.records, key)) copy_of = m->id, last_copy_of_ = m->file;
    sqlite3_int64 doc_id = insert_document(db_, x, key, copy_of);
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
        insert_value(db_, val, rec_id, ++vord, v);
        ++values;
        if (after_value) after_value(values);
      }
    }
    last_links_ = store_plan_and_link(db_, doc_id, x);
    exec("COMMIT");
  } catch (...) {
    // After SQLITE_FULL (and IOERR, NOMEM) SQLite has rolled back already; a
    // ROLLBACK then fails and its message must not replace the first error.
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    last_copy_of_.reset();
    throw;
  }
  return values;
}

bool Dataset::remove_document(int64_t id) {
  exec("BEGIN IMMEDIATE");
  try {
    // The first copy takes the removed edition's place; the other copies follow it.
    std::optional<int64_t> heir;
    {
      Sql q(db_, "SELECT MIN(id) FROM documents WHERE copy_of = ?");
      q.bind(1, id);
      if (q.row() && !q.null(0)) heir = q.integer(0);
      q.run();
    }
    if (heir) {
      Sql up(db_, "UPDATE documents SET copy_of = ?1 WHERE copy_of = ?2 AND id <> ?1");
      up.bind(1, *heir).bind(2, id).run();
      Sql promote(db_, "UPDATE documents SET copy_of = NULL WHERE id = ?");
      promote.bind(1, *heir).run();
    }
    std::optional<int64_t> neighbour;  // a document of the same municipality, to link editions again
    {
      Sql q(db_, "SELECT MIN(o.id) FROM documents o JOIN documents d ON d.municipality_code = o.municipality_code "
                 "WHERE d.id = ?1 AND o.id <> ?1");
      q.bind(1, id);
      if (q.row() && !q.null(0)) neighbour = q.integer(0);
      q.run();
    }
    Sql del(db_, "DELETE FROM documents WHERE id = ?");
    del.bind(1, id).run();
    bool removed = sqlite3_changes(db_) > 0;
    if (removed && neighbour) link_editions(db_, *neighbour);
    exec("COMMIT");
    return removed;
  } catch (...) {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<Dataset::StoredDocument> Dataset::documents() const {
  std::vector<StoredDocument> out;
  Stmt q(db_, "SELECT d.id, d.path, d.file, r.json FROM documents d LEFT JOIN records r ON r.document_id = d.id "
              "WHERE d.copy_of IS NULL "
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

}  // namespace kpix

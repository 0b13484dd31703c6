#include "pipeline/dataset/schema.h"

#include <sqlite3.h>

#include <stdexcept>
#include <vector>

#include "parsers/municipality/municipality_data.h"
#include "pipeline/dataset/content_key.h"
#include "pipeline/dataset/sql.h"

namespace kpix {
namespace {

// The tables of schema version 2 (docs/dataset.md). Every reference to a
// document or record cascades, so removing a document removes all of it.
constexpr const char* kTables = R"SQL(
CREATE TABLE municipalities (
  code TEXT PRIMARY KEY, prefecture TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, path TEXT NOT NULL,
  title TEXT, date TEXT, producer TEXT, pages INTEGER NOT NULL,
  municipality_code TEXT, municipality TEXT, ingested_at TEXT NOT NULL,
  content_key TEXT, copy_of INTEGER REFERENCES documents(id) ON DELETE SET NULL);
)SQL";

// The tables that reference documents, made anew on migration.
constexpr const char* kChildTables = R"SQL(
CREATE TABLE records (
  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL, municipality_code TEXT, municipality TEXT, level TEXT NOT NULL, goal_number INTEGER,
  goal_title TEXT, project TEXT, indicator TEXT NOT NULL, unit TEXT, json TEXT NOT NULL, concept TEXT,
  concept_qualifiers TEXT);
CREATE TABLE "values" (
  id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL, role TEXT NOT NULL, period_start INTEGER, period_end INTEGER, basis TEXT, agg TEXT,
  raw TEXT, value REAL, unit TEXT, status TEXT NOT NULL, qualifiers TEXT, cumulative REAL,
  page INTEGER, bbox TEXT, line INTEGER);
CREATE TABLE document_plans (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, term INTEGER NOT NULL, start_year INTEGER, end_year INTEGER);
CREATE TABLE editions (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  previous_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  relation TEXT NOT NULL, why TEXT NOT NULL);
)SQL";

constexpr const char* kIndexesAndView = R"SQL(
CREATE INDEX IF NOT EXISTS records_indicator ON records(indicator);
CREATE INDEX IF NOT EXISTS records_municipality ON records(municipality_code);
CREATE INDEX IF NOT EXISTS records_concept ON records(concept);
CREATE INDEX IF NOT EXISTS records_document ON records(document_id);
CREATE INDEX IF NOT EXISTS values_record ON "values"(record_id);
CREATE INDEX IF NOT EXISTS editions_previous ON editions(previous_id);
CREATE INDEX IF NOT EXISTS documents_content ON documents(content_key);
DROP VIEW IF EXISTS kpi_values;
CREATE VIEW kpi_values AS
SELECT r.municipality_code, r.municipality, d.file AS document, d.date AS document_date, r.goal_number AS goal,
  r.level, r.project, r.indicator, r.unit, v.role, v.period_start, v.period_end, v.basis, v.agg, v.raw, v.value,
  v.unit AS value_unit, v.status, v.qualifiers, v.cumulative, v.page, v.bbox, v.line, r.concept,
  r.concept_qualifiers, d.sha256 AS document_sha256, r.id AS record_id, r.goal_title, m.prefecture
FROM "values" v JOIN records r ON r.id = v.record_id JOIN documents d ON d.id = r.document_id
LEFT JOIN municipalities m ON m.code = r.municipality_code
WHERE d.copy_of IS NULL;
)SQL";

bool has_table(sqlite3* db, const char* name) {
  Sql q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, std::string(name));
  bool found = q.row();
  if (found) q.run();
  return found;
}

bool has_column(sqlite3* db, const char* table, const char* column) {
  Sql q(db, std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?");
  q.bind(1, std::string(column));
  bool found = q.row();
  if (found) q.run();
  return found;
}

int64_t scalar(sqlite3* db, const char* sql) {
  Sql q(db, sql);
  int64_t v = q.row() ? q.integer(0) : 0;
  q.run();
  return v;
}

void fill_municipalities(sqlite3* db) {
  Sql ins(db, "INSERT OR IGNORE INTO municipalities(code, prefecture, name, type) VALUES (?,?,?,?)");
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
    for (int i = 0; i < 4; ++i) ins.bind(i + 1, f[size_t(i)]);
    ins.run();
  }
}

// Version 1 to 2: the tables that reference documents made anew with ON
// DELETE CASCADE (SQLite cannot add it to a table), copies marked.
void migrate_from_1(sqlite3* db) {
  // Version 1 grew its concept columns and edition tables over time.
  if (!has_column(db, "records", "concept")) sql_exec(db, "ALTER TABLE records ADD COLUMN concept TEXT");
  if (!has_column(db, "records", "concept_qualifiers"))
    sql_exec(db, "ALTER TABLE records ADD COLUMN concept_qualifiers TEXT");
  for (const char* t : {"records", "values", "document_plans", "editions"})
    if (has_table(db, t)) sql_exec(db, (std::string("ALTER TABLE \"") + t + "\" RENAME TO \"" + t + "_v1\"").c_str());
  sql_exec(db, "DROP INDEX IF EXISTS records_indicator; DROP INDEX IF EXISTS records_municipality; "
               "DROP INDEX IF EXISTS records_concept; DROP INDEX IF EXISTS values_record; "
               "DROP INDEX IF EXISTS editions_previous;");
  sql_exec(db, kChildTables);
  sql_exec(db, "INSERT INTO records SELECT id, document_id, ordinal, municipality_code, municipality, level, "
               "goal_number, goal_title, project, indicator, unit, json, concept, concept_qualifiers FROM records_v1; "
               "INSERT INTO \"values\" SELECT id, record_id, ordinal, role, period_start, period_end, basis, agg, raw, "
               "value, unit, status, qualifiers, cumulative, page, bbox, line FROM values_v1;");
  if (has_table(db, "document_plans_v1"))
    sql_exec(db, "INSERT INTO document_plans SELECT document_id, kind, term, start_year, end_year FROM document_plans_v1");
  if (has_table(db, "editions_v1"))
    sql_exec(db, "INSERT INTO editions SELECT document_id, previous_id, relation, why FROM editions_v1");
  for (const char* t : {"records_v1", "values_v1", "document_plans_v1", "editions_v1"})
    if (has_table(db, t)) sql_exec(db, (std::string("DROP TABLE \"") + t + "\"").c_str());
  sql_exec(db, "ALTER TABLE documents ADD COLUMN content_key TEXT; "
               "ALTER TABLE documents ADD COLUMN copy_of INTEGER REFERENCES documents(id) ON DELETE SET NULL;");
  mark_copies(db);
}

}  // namespace

SchemaState schema_state(sqlite3* db) {
  int64_t version = scalar(db, "PRAGMA user_version");
  if (version == kSchemaVersion) return SchemaState::current;
  if (version > kSchemaVersion) return SchemaState::newer;
  if (version != 0) return SchemaState::foreign;  // kpix never stamped another number
  if (scalar(db, "SELECT COUNT(*) FROM sqlite_master") == 0) return SchemaState::empty;
  // kpix 0.1 left no stamp: its four tables with their key columns say it.
  bool v1 = has_table(db, "municipalities") && has_table(db, "documents") && has_table(db, "records") &&
            has_table(db, "values") && has_column(db, "documents", "sha256") && has_column(db, "records", "json") &&
            has_column(db, "values", "role");
  return v1 ? SchemaState::older : SchemaState::foreign;
}

std::string refusal(SchemaState s) {
  switch (s) {
    case SchemaState::newer:
      return "made by a newer kpix (schema version above " + std::to_string(kSchemaVersion) + "); left untouched";
    case SchemaState::foreign: return "not a kpix dataset (other tables, no kpix schema stamp); left untouched";
    default: return "";
  }
}

void prepare_schema(sqlite3* db) {
  SchemaState first = schema_state(db);
  if (first == SchemaState::current) return;
  // Refused before any lock or journal is taken: the file stays as it was.
  if (first == SchemaState::newer || first == SchemaState::foreign) throw std::runtime_error(refusal(first));
  sql_exec(db, "BEGIN IMMEDIATE");
  try {
    SchemaState s = schema_state(db);  // again, under the write lock
    if (s == SchemaState::newer || s == SchemaState::foreign) throw std::runtime_error(refusal(s));
    if (s == SchemaState::empty) {
      sql_exec(db, kTables);
      sql_exec(db, kChildTables);
    } else if (s == SchemaState::older) {
      migrate_from_1(db);
    }
    if (s != SchemaState::current) {
      sql_exec(db, kIndexesAndView);
      if (scalar(db, "SELECT COUNT(*) FROM municipalities") == 0) fill_municipalities(db);
      sql_exec(db, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    }
    sql_exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace kpix

#include "pipeline/dataset/schema_additions.h"

#include <string>

#include "pipeline/dataset/sql.h"

namespace kpix {
namespace {

constexpr const char* kTables = R"SQL(
CREATE TABLE IF NOT EXISTS document_plans (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  kind TEXT NOT NULL, term INTEGER NOT NULL, start_year INTEGER, end_year INTEGER);
CREATE TABLE IF NOT EXISTS editions (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  previous_id INTEGER NOT NULL REFERENCES documents(id),
  relation TEXT NOT NULL, why TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS editions_previous ON editions(previous_id);
)SQL";

bool has_column(sqlite3* db, const char* table, const char* column) {
  Sql q(db, std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?");
  q.bind(1, std::string(column));
  bool found = q.row();
  if (found) q.run();
  return found;
}

}  // namespace

void add_schema_additions(sqlite3* db) {
  if (has_column(db, "records", "concept") && has_column(db, "records", "concept_qualifiers")) {
    sql_exec(db, kTables);
    return;
  }
  // Checked again under the write lock: another kpix may have added them.
  sql_exec(db, "BEGIN IMMEDIATE");
  try {
    if (!has_column(db, "records", "concept")) sql_exec(db, "ALTER TABLE records ADD COLUMN concept TEXT");
    if (!has_column(db, "records", "concept_qualifiers"))
      sql_exec(db, "ALTER TABLE records ADD COLUMN concept_qualifiers TEXT");
    sql_exec(db, "CREATE INDEX IF NOT EXISTS records_concept ON records(concept)");
    sql_exec(db, kTables);
    sql_exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace kpix

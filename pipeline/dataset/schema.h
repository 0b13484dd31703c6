// The dataset's tables, and what a database file is before kpix uses it:
// the current kpix schema (PRAGMA user_version = kSchemaVersion), an empty
// file, an older kpix dataset (migrated in one transaction), or something
// else (refused, untouched). docs/dataset.md documents the tables.
#pragma once

#include <string>

struct sqlite3;

namespace kpix {

// 1: the unstamped layout of kpix 0.1 (no CASCADE, no copies).
// 2: ON DELETE CASCADE, documents.content_key and copy_of, the kpi_values view.
inline constexpr int kSchemaVersion = 2;

enum class SchemaState { current, empty, older, newer, foreign };

// What the open database holds; reads only.
SchemaState schema_state(sqlite3* db);

// Makes an empty file a dataset or migrates an older one, in one IMMEDIATE
// transaction (state re-read under the lock, so two kpix starting together
// agree). Throws std::runtime_error, with nothing changed, for a foreign or
// newer database. The caller turns foreign keys on afterwards.
void prepare_schema(sqlite3* db);

// Why a database is refused, for the message.
std::string refusal(SchemaState s);

}  // namespace kpix

// Stored documents found by what a person types: a file name (`001.pdf`), the
// path given to ingest, or a SHA-256 or a prefix of at least 8 hex digits;
// and a stored document's records. For kpix diff and the edition summaries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace kpix {

struct DocumentRef {
  int64_t id = 0;
  std::string file, path, sha256, date, municipality_code, municipality;
};

// Every stored document `ref` names (none, one, or several: one file name
// ingested twice with other bytes), oldest ingest first.
std::vector<DocumentRef> find_documents(sqlite3* db, const std::string& ref);
DocumentRef document_by_id(sqlite3* db, int64_t id);  // throws when absent

// The document's records (records.md JSON), in their order in the document.
std::vector<nlohmann::json> records_of(sqlite3* db, int64_t document_id);

}  // namespace kpix

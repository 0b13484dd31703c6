// One document edition whatever its bytes: the same report in two renderings
// (the PDF and its converter text, a reprint) or ingested under two names
// reads as the same municipality, title, date and values. The content key is
// the SHA-256 of those, so such documents meet in documents.content_key; the
// first stored is the edition and the others are its copies
// (documents.copy_of), listed but not exported.
//
//   std::string key = content_key(extraction.records);
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace kpix {

// Empty for a document without records: nothing to compare, never a copy.
std::string content_key(const std::vector<nlohmann::json>& records);

// Computes every stored document's key and marks its copies (for a dataset
// migrated from a version without them). Inside the caller's transaction.
void mark_copies(sqlite3* db);

}  // namespace kpix

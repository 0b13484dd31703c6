// One document edition whatever its bytes: the same report in two renderings
// (the PDF and its converter text, a reprint) or ingested under two names
// reads as the same municipality, title, date and values. The content key is
// the SHA-256 of those, so such documents meet in documents.content_key; the
// first stored is the edition and the others are its copies
// (documents.copy_of), listed but not exported.
//
//   std::string key = content_key(extraction.records);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace kpix {

// Empty for a document without records: nothing to compare, never a copy.
std::string content_key(const std::vector<nlohmann::json>& records);

// Two renderings of one report rarely read identically (a PDF's cell split
// differently from the converter text's): with the same municipality code,
// title and date, they are one edition when at least this share of the
// larger one's values (role, period, number of a KPI) is in both.
inline constexpr double kSameEditionShare = 0.9;
bool same_edition_values(const std::vector<nlohmann::json>& a, const std::vector<nlohmann::json>& b);

// The stored edition (not a copy) that `records` are a copy of: the same
// content key, else the same municipality code, title and date with
// same_edition_values. Its id and file, or nothing.
struct EditionMatch {
  int64_t id = 0;
  std::string file;
};
std::optional<EditionMatch> find_edition_of(sqlite3* db, const std::vector<nlohmann::json>& records,
                                            const std::string& key);

// Computes every stored document's key and marks its copies (for a dataset
// migrated from a version without them). Inside the caller's transaction.
void mark_copies(sqlite3* db);

}  // namespace kpix

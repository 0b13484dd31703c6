// The line kpix ingest prints when it links a document to its previous
// edition: which one, why, the counts of the diff, and the command that
// prints the whole of it.
//
//   kpix: 001.pdf: edition of 000.pdf (successor plan 総合戦略 第2期 → 第3期 …):
//     20 shared KPIs, 19 new actuals, …; kpix diff --db kpi.sqlite 000.pdf 001.pdf
#pragma once

#include <string>

#include "pipeline/dataset/editions.h"

struct sqlite3;

namespace kpix {

// The document is named by its stored (absolute) path, or by `given_path`
// when it is the one of SHA-256 `given_sha256` (the path as the user typed it).
std::string edition_summary(sqlite3* db, const EditionLink& link, const std::string& db_path,
                            const std::string& given_sha256 = "", const std::string& given_path = "");

}  // namespace kpix

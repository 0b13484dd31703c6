// The cross-municipality dataset: documents, records and values in SQLite
// (one file, created on first use), so analysts can query every KPI of every
// ingested document together.
//
//   kpix::Dataset db("kpi.sqlite");                  // throws InputError
//   if (!db.has_document(x.info.sha256)) db.add_document(x);   // one transaction
//   db.export_jsonl(out);  db.export_csv(out, /*excel=*/true);
//
// Each document goes in whole or not at all; a run killed in the middle leaves
// the documents already committed and nothing of the one in flight.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "pipeline/dataset/editions.h"
#include "pipeline/output/extractor.h"

struct sqlite3;

namespace kpix {

class Dataset {
 public:
  explicit Dataset(const std::string& path);
  ~Dataset();
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  bool has_document(const std::string& sha256) const;
  std::set<std::string> document_hashes() const;
  // Stores the document, its records and values in one transaction. Returns
  // the number of values written. `after_value` (tests only) is called inside
  // the transaction after each value with the number written so far; whatever
  // it throws rolls the whole document back (and if it kills the process, the
  // next open does).
  int add_document(const Extraction& x, const std::function<void(int values)>& after_value = {});
  // The edition links the last successful add_document made or moved (editions.h).
  const std::vector<EditionLink>& last_links() const { return last_links_; }
  // The connection, for the queries of editions, diff, export --concept and report.
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Records as JSON Lines, ordered by municipality code (none last), document
  // (date, file, SHA-256) and record ordinal: the same data gives the same bytes.
  void export_jsonl(const std::function<void(const std::string&)>& write) const;
  // One CSV row per value; `excel` prefixes a UTF-8 BOM, ends lines with CRLF
  // and neutralises formulas in text fields (csv_field).
  void export_csv(const std::function<void(const std::string&)>& write, bool excel) const;

  int count(const char* table) const;

  struct StoredDocument {
    std::string path, file;
    std::vector<nlohmann::json> records;
  };
  // Every stored document with its records, in ingest order.
  std::vector<StoredDocument> documents() const;

 private:
  void exec(const char* sql) const;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<EditionLink> last_links_;
};

}  // namespace kpix

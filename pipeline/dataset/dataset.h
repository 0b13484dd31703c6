// The cross-municipality dataset: documents, records and values in SQLite
// (one file, created on first use), so analysts can query every KPI of every
// ingested document together.
//
//   kpix::Dataset db("kpi.sqlite");                  // throws InputError
//   if (!db.has_document(x.info.sha256)) db.add_document(x);   // one transaction
//   kpix::Dataset ro("kpi.sqlite", kpix::Dataset::Access::read_only);
//   ro.export_jsonl(out, {});  ro.export_csv(out, /*excel=*/true, filter);
//
// Each document goes in whole or not at all; a run killed in the middle leaves
// the documents already committed and nothing of the one in flight. A file
// that is not a kpix dataset is refused untouched (schema.h).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "pipeline/dataset/editions.h"
#include "pipeline/output/extractor.h"

struct sqlite3;

namespace kpix {

// Which values an export carries (kpix export --municipality, --code,
// --level, --since); empty fields let everything through.
struct ExportFilter {
  std::string municipality;  // the name as the shipped list spells it, or as stored
  std::string code;          // 全国地方公共団体コード
  std::string level;         // goal, measure, project, … (records.md)
  std::optional<int> since;  // values whose period ends in this year or later
};

class Dataset {
 public:
  // read_only: for export, check --db, diff and report, so a dataset on
  // read-only storage can be read; an older kpix dataset is migrated first
  // when the file can be written, else refused.
  enum class Access { read_write, read_only };
  explicit Dataset(const std::string& path, Access access = Access::read_write);
  ~Dataset();
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  bool has_document(const std::string& sha256) const;
  std::set<std::string> document_hashes() const;
  // Stores the document, its records and values in one transaction. Returns
  // the number of values written. `after_value` (tests only) is called inside
  // the transaction after each value with the number written so far; whatever
  // it throws rolls the whole document back (and if it kills the process, the
  // next open does). The error that stopped the document is what is thrown
  // (disk full, say), never the rollback's.
  int add_document(const Extraction& x, const std::function<void(int values)>& after_value = {});
  // The edition links the last successful add_document made or moved (editions.h).
  const std::vector<EditionLink>& last_links() const { return last_links_; }
  // The file the last added document is a copy of (content_key.h), if it is one.
  const std::optional<std::string>& last_copy_of() const { return last_copy_of_; }
  // Removes a stored document and everything of it (ON DELETE CASCADE); a copy
  // of it becomes the edition in its place. Returns false when absent.
  bool remove_document(int64_t id);
  // The connection, for the queries of editions, diff, export --concept and report.
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Records as JSON Lines, ordered by municipality code (none last), document
  // (date, file, SHA-256) and record ordinal: the same data gives the same
  // bytes. Copies of a document are left out.
  void export_jsonl(const std::function<void(const std::string&)>& write, const ExportFilter& filter = {}) const;
  // One CSV row per value; `excel` prefixes a UTF-8 BOM, ends lines with CRLF
  // and neutralises formulas in text fields (csv_field).
  void export_csv(const std::function<void(const std::string&)>& write, bool excel,
                  const ExportFilter& filter = {}) const;
  // The records export_jsonl writes, parsed, with --since applied to their values.
  void export_records(const std::function<void(const nlohmann::json&)>& each, const ExportFilter& filter) const;

  int count(const char* table) const;

  struct StoredDocument {
    std::string path, file;
    std::vector<nlohmann::json> records;
  };
  // Every stored document with its records, in ingest order.
  std::vector<StoredDocument> documents() const;

 private:
  void open(Access access);
  bool readable_as_is() const;
  void exec(const char* sql) const;
  void each_record_text(const ExportFilter& filter, const std::function<void(const std::string&)>& each) const;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<EditionLink> last_links_;
  std::optional<std::string> last_copy_of_;
};

}  // namespace kpix

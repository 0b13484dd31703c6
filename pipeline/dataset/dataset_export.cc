// Dataset's exports: records as JSON Lines, values as CSV, through the
// filters of kpix export; copies of a document (content_key.h) left out.
#include <sqlite3.h>

#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/sql.h"
#include "pipeline/output/record_writers.h"

namespace kpix {
namespace {

// Deterministic whatever the order of ingest: ids and times play no part.
constexpr const char* kExportOrder =
    " ORDER BY r.municipality_code IS NULL, r.municipality_code, d.date IS NULL, d.date, d.file, d.sha256, r.ordinal";

// The values of `record` that --since keeps: a period ending in `since` or later.
nlohmann::json values_since(const nlohmann::json& values, int since) {
  nlohmann::json kept = nlohmann::json::array();
  for (const nlohmann::json& v : values) {
    auto p = v.find("period");
    if (p == v.end() || !p->is_object()) continue;
    auto end = p->find("end");
    if (end != p->end() && end->is_number() && end->get<double>() >= since) kept.push_back(v);
  }
  return kept;
}

}  // namespace

void Dataset::each_record_text(const ExportFilter& f, const std::function<void(const std::string&)>& each) const {
  std::string sql = "SELECT r.json FROM records r JOIN documents d ON d.id = r.document_id WHERE d.copy_of IS NULL";
  if (!f.municipality.empty())
    sql += " AND (r.municipality = ?1 OR r.municipality_code IN (SELECT code FROM municipalities WHERE name = ?1))";
  if (!f.code.empty()) sql += " AND r.municipality_code = ?2";
  if (!f.level.empty()) sql += " AND r.level = ?3";
  if (f.since)
    sql += " AND EXISTS (SELECT 1 FROM \"values\" v WHERE v.record_id = r.id AND v.period_end >= ?4)";
  Sql q(db_, sql + kExportOrder);
  if (!f.municipality.empty()) q.bind(1, f.municipality);
  if (!f.code.empty()) q.bind(2, f.code);
  if (!f.level.empty()) q.bind(3, f.level);
  if (f.since) q.bind(4, int64_t(*f.since));
  while (q.row()) each(q.null(0) ? std::string("{}") : q.text(0));
}

void Dataset::export_records(const std::function<void(const nlohmann::json&)>& each, const ExportFilter& f) const {
  each_record_text(f, [&](const std::string& text) {
    nlohmann::json r = nlohmann::json::parse(text);
    if (f.since && r.contains("values")) r["values"] = values_since(r["values"], *f.since);
    each(r);
  });
}

void Dataset::export_jsonl(const std::function<void(const std::string&)>& write, const ExportFilter& f) const {
  if (f.since) {
    export_records([&](const nlohmann::json& r) { write(jsonl_line(r)); }, f);
    return;
  }
  each_record_text(f, [&](const std::string& text) { write(text + "\n"); });  // the stored bytes
}

void Dataset::export_csv(const std::function<void(const std::string&)>& write, bool excel, const ExportFilter& f) const {
  // One row at a time; Excel wants CRLF at the end of each row (line breaks
  // inside a quoted field stay as they are).
  const char* eol = excel ? "\r\n" : "\n";
  if (excel) write("\xEF\xBB\xBF");
  std::string header = csv_header();
  header.pop_back();
  write(header + eol);
  export_records(
      [&](const nlohmann::json& r) {
        for (const std::vector<std::string>& fields : value_fields(r)) {
          std::string row;
          for (size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + csv_field(fields[i], excel);
          write(row + eol);
        }
      },
      f);
}

}  // namespace kpix

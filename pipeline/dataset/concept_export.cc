#include "pipeline/dataset/concept_export.h"

#include <set>
#include <sstream>
#include <stdexcept>

#include "parsers/concepts/concept_index.h"
#include "pipeline/dataset/sql.h"
#include "pipeline/output/record_writers.h"

namespace kpix {
namespace {

using nlohmann::json;

const char* const kColumns[] = {"municipality_code", "prefecture", "municipality", "concept", "qualifiers",
                                "indicator", "level", "project", "role", "period_start", "period_end", "basis",
                                "agg", "value", "unit", "raw", "document", "document_date", "page", "bbox", "line"};

// Export order: municipality, then the quantity's narrowing, period and role,
// then document; the same data gives the same bytes.
constexpr const char* kQuery =
    "SELECT r.municipality_code, m.prefecture, r.municipality, r.concept_qualifiers, r.json, d.file, d.date, "
    "v.ordinal FROM records r JOIN documents d ON d.id = r.document_id JOIN \"values\" v ON v.record_id = r.id "
    "LEFT JOIN municipalities m ON m.code = r.municipality_code WHERE r.concept = ? AND d.copy_of IS NULL "
    "ORDER BY r.municipality_code IS NULL, r.municipality_code, r.concept_qualifiers, v.period_start, v.period_end, "
    "v.role, d.date, d.file, d.sha256, r.ordinal, v.ordinal";

std::string cell(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_float()) {
    std::ostringstream os;
    os.precision(15);
    os << j.get<double>();
    return os.str();
  }
  if (j.is_array()) {
    std::string s;
    for (const json& x : j) s += (s.empty() ? "" : " ") + cell(x);
    return s;
  }
  return j.dump();
}

json row_of(Sql& q, const json& record, const json& v) {
  const json period = v.value("period", json::object()), src = v.value("source", json::object());
  return json{{"municipality_code", q.maybe_text(0) ? json(q.text(0)) : json()},
              {"prefecture", q.maybe_text(1) ? json(q.text(1)) : json()},
              {"municipality", q.maybe_text(2) ? json(q.text(2)) : json()},
              {"concept", record["concept"]["id"]},
              {"qualifiers", q.text(3)},
              {"indicator", record.value("indicator", "")},
              {"level", record.value("level", "")},
              {"project", record.value("project", json())},
              {"role", v.value("role", "")},
              {"period_start", period.value("start", json())},
              {"period_end", period.value("end", json())},
              {"basis", period.value("basis", json())},
              {"agg", period.value("agg", json())},
              {"value", v["value"]},
              {"unit", v.value("unit", "")},
              {"raw", v.value("raw", "")},
              {"document", q.text(5)},
              {"document_date", q.maybe_text(6) ? json(q.text(6)) : json()},
              {"page", src.value("page", json())},
              {"bbox", src.value("bbox", json())},
              {"line", src.value("line", json())}};
}

}  // namespace

ConceptExport export_concept(sqlite3* db, const std::string& id) {
  const ConceptRow* c = ConceptIndex::builtin().find(id);
  if (!c) throw std::invalid_argument("no concept `" + id + "` in kpix's vocabulary (docs/concepts.md)");
  ConceptExport ex{c->id, c->label, c->unit, {}, 0, 0};
  Sql q(db, kQuery);
  q.bind(1, id);
  std::set<std::string> seen;  // renderings of one report: the same values again
  std::string last_json;
  json record;
  while (q.row()) {
    if (q.text(4) != last_json) last_json = q.text(4), record = json::parse(last_json);
    const json& v = record["values"][size_t(q.integer(7) - 1)];
    if (v.value("status", "") != "ok" || !v["value"].is_number()) {
      ++ex.not_numbers;
      continue;
    }
    if (v.value("unit", "") != c->unit) {
      ++ex.other_units;
      continue;
    }
    json row = row_of(q, record, v);
    // Everything but the file and the box: what renderings of one report share.
    std::string key;
    for (const char* k : {"municipality_code", "document_date", "indicator", "project", "qualifiers", "role",
                          "period_start", "period_end", "agg", "value"})
      key += cell(row[k]) + "|";
    if (!seen.insert(key).second) continue;
    ex.rows.push_back(std::move(row));
  }
  return ex;
}

std::string concept_csv(const ConceptExport& ex, bool excel) {
  const char* eol = excel ? "\r\n" : "\n";
  std::string out = excel ? "\xEF\xBB\xBF" : "";
  for (size_t i = 0; i < std::size(kColumns); ++i) out += (i ? "," : "") + std::string(kColumns[i]);
  out += eol;
  for (const json& row : ex.rows) {
    for (size_t i = 0; i < std::size(kColumns); ++i) out += (i ? "," : "") + csv_field(cell(row[kColumns[i]]), excel);
    out += eol;
  }
  return out;
}

std::string concept_jsonl(const ConceptExport& ex) {
  std::string out;
  for (const json& row : ex.rows) out += row.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace kpix

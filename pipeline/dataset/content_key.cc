#include "pipeline/dataset/content_key.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "pipeline/dataset/sql.h"
#include "pipeline/load/sha256.h"

namespace kpix {
namespace {

std::string text_of(const nlohmann::json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string field(const nlohmann::json& j, const char* a, const char* b = nullptr) {
  auto it = j.find(a);
  if (it == j.end()) return "";
  if (!b) return text_of(*it);
  if (!it->is_object()) return "";
  auto jt = it->find(b);
  return jt == it->end() ? "" : text_of(*jt);
}

// The values as the reader sees them: which KPI, role, period and number.
// Source positions (page, line, box) differ between renderings and are left out.
std::vector<std::string> value_lines(const std::vector<nlohmann::json>& records) {
  std::vector<std::string> lines;
  for (const nlohmann::json& r : records) {
    std::string kpi = field(r, "level") + "\x1f" + field(r, "goal", "number") + "\x1f" + field(r, "indicator");
    auto values = r.find("values");
    if (values == r.end() || !values->is_array()) continue;
    for (const nlohmann::json& v : *values)
      lines.push_back(kpi + "\x1f" + field(v, "role") + "\x1f" + field(v, "period", "start") + "\x1f" +
                      field(v, "period", "end") + "\x1f" + field(v, "value") + "\x1f" + field(v, "status"));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

std::string content_key(const std::vector<nlohmann::json>& records) {
  if (records.empty()) return "";
  const nlohmann::json& first = records.front();
  std::vector<std::string> lines = value_lines(records);
  if (lines.empty()) return "";
  Sha256 h;
  h.update(field(first, "municipality", "code") + "\x1e" + field(first, "municipality", "name") + "\x1e" +
           field(first, "document", "title") + "\x1e" + field(first, "document", "date") + "\x1e");
  for (const std::string& l : lines) {
    h.update(l);
    h.update("\x1e");
  }
  return h.hex_digest();
}

bool same_edition_values(const std::vector<nlohmann::json>& a, const std::vector<nlohmann::json>& b) {
  std::vector<std::string> x = value_lines(a), y = value_lines(b), both;
  if (x.empty() || y.empty()) return false;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  return double(both.size()) >= kSameEditionShare * double(std::max(x.size(), y.size()));
}

std::optional<EditionMatch> find_edition_of(sqlite3* db, const std::vector<nlohmann::json>& records,
                                            const std::string& key) {
  if (key.empty()) return std::nullopt;
  {
    Sql q(db, "SELECT id, file FROM documents WHERE content_key = ? AND copy_of IS NULL ORDER BY id LIMIT 1");
    q.bind(1, key);
    if (q.row()) {
      EditionMatch m{q.integer(0), q.text(1)};
      q.run();
      return m;
    }
  }
  const nlohmann::json& first = records.front();
  std::string code = field(first, "municipality", "code"), date = field(first, "document", "date");
  if (code.empty() || date.empty()) return std::nullopt;  // too little to call two files one report
  Sql q(db, "SELECT id, file FROM documents WHERE municipality_code = ? AND date = ? AND COALESCE(title, '') = ? "
            "AND copy_of IS NULL ORDER BY id");
  q.bind(1, code).bind(2, date).bind(3, field(first, "document", "title"));
  std::vector<EditionMatch> candidates;
  while (q.row()) candidates.push_back({q.integer(0), q.text(1)});
  for (const EditionMatch& c : candidates) {
    std::vector<nlohmann::json> stored;
    Sql r(db, "SELECT json FROM records WHERE document_id = ? ORDER BY ordinal");
    r.bind(1, c.id);
    while (r.row()) stored.push_back(nlohmann::json::parse(r.text(0), nullptr, false));
    if (same_edition_values(records, stored)) return c;
  }
  return std::nullopt;
}

void mark_copies(sqlite3* db) {
  std::map<int64_t, std::vector<nlohmann::json>> records;
  {
    Sql q(db, "SELECT document_id, json FROM records ORDER BY document_id, ordinal");
    while (q.row()) records[q.integer(0)].push_back(nlohmann::json::parse(q.text(1), nullptr, false));
  }
  Sql put(db, "UPDATE documents SET content_key = ?2, copy_of = (SELECT MIN(id) FROM documents o WHERE "
              "o.content_key = ?2 AND o.id < ?1) WHERE id = ?1");
  Sql ids(db, "SELECT id FROM documents ORDER BY id");
  std::vector<int64_t> all;
  while (ids.row()) all.push_back(ids.integer(0));
  for (int64_t id : all) {
    std::string key = content_key(records[id]);
    put.bind(1, id);
    if (key.empty()) put.bind(2, std::optional<std::string>());
    else put.bind(2, key);
    put.run();
  }
}

}  // namespace kpix

#include "pipeline/dataset/editions.h"

#include <algorithm>
#include <tuple>

#include "parsers/normalize/roles.h"
#include "pipeline/dataset/sql.h"

namespace kpix {
namespace {

std::string years(const EditionCandidate& d) {
  if (d.start_year && d.end_year) return " (" + std::to_string(*d.start_year) + "–" + std::to_string(*d.end_year) + ")";
  if (d.end_year) return " (–" + std::to_string(*d.end_year) + ")";
  return "";
}

std::string plan_name(const EditionCandidate& d) { return d.kind + " 第" + std::to_string(d.term) + "期" + years(d); }

// Whether `a` is a better previous edition of `d` than `b`: the latest
// earlier date; among renderings of that date, the one made like `d` (same
// producer), of the same term, then by file name and bytes, so the choice
// never depends on the order of ingest.
bool better(const EditionCandidate& a, const EditionCandidate& b, const EditionCandidate& d) {
  auto key = [&](const EditionCandidate& c) {
    return std::make_tuple(*c.date, c.producer == d.producer, c.term == d.term);
  };
  if (key(a) != key(b)) return key(a) > key(b);
  return std::tie(a.file, a.sha256) < std::tie(b.file, b.sha256);
}

EditionLink link(const EditionCandidate& d, const EditionCandidate& prev) {
  EditionLink l;
  l.document_id = d.id;
  l.previous_id = prev.id;
  l.relation = prev.term == d.term ? "same_plan" : "successor_plan";
  l.file = d.file;
  l.previous_file = prev.file;
  l.why = "same municipality " + d.municipality + " (" + d.municipality_code + "); " +
          (prev.term == d.term ? "same plan " + plan_name(d)
                               : "successor plan " + plan_name(prev) + " → " + plan_name(d)) +
          "; later date " + *prev.date + " → " + *d.date;
  return l;
}

// The year most targets of the document's KPIs aim at: the plan's end where
// the text prints no period (ties to the later year).
std::optional<int> target_end_year(const std::vector<nlohmann::json>& records) {
  std::map<int, int> ends;
  for (const nlohmann::json& r : records) {
    if (r.value("level", "") == "statistic") continue;
    for (const nlohmann::json& v : r.value("values", nlohmann::json::array()))
      if (v.value("role", "") == to_string(Role::target) && v.contains("period") && v["period"].contains("end"))
        ++ends[v["period"]["end"].get<int>()];
  }
  std::optional<int> best;
  int most = 0;
  for (const auto& [year, n] : ends)
    if (n >= most) best = year, most = n;
  return best;
}

std::vector<EditionCandidate> candidates(sqlite3* db, const std::string& code) {
  Sql q(db,
        "SELECT d.id, d.municipality_code, COALESCE(d.municipality, ''), d.file, d.sha256, COALESCE(d.producer, ''), "
        "d.date, COALESCE(p.kind, ''), COALESCE(p.term, 0), p.start_year, p.end_year "
        "FROM documents d LEFT JOIN document_plans p ON p.document_id = d.id WHERE d.municipality_code = ?");
  q.bind(1, code);
  std::vector<EditionCandidate> out;
  while (q.row())
    out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.maybe_text(6), q.text(7),
                   int(q.integer(8)), q.maybe_int(9), q.maybe_int(10)});
  return out;
}

}  // namespace

std::map<int64_t, EditionLink> choose_editions(const std::vector<EditionCandidate>& docs) {
  std::map<int64_t, EditionLink> out;
  for (const EditionCandidate& d : docs) {
    if (d.kind.empty() || !d.date || d.municipality_code.empty()) continue;
    const EditionCandidate* best = nullptr;
    for (const EditionCandidate& e : docs) {
      if (e.id == d.id || e.kind != d.kind || e.municipality_code != d.municipality_code || !e.date ||
          !(*e.date < *d.date) || (e.term != d.term && e.term != d.term - 1))
        continue;
      if (!best || better(e, *best, d)) best = &e;
    }
    if (best) out.emplace(d.id, link(d, *best));
  }
  return out;
}

void store_plan(sqlite3* db, int64_t document_id, const Extraction& x) {
  if (!x.plan) return;
  std::optional<int> end = x.plan->end_year ? x.plan->end_year : target_end_year(x.records);
  Sql q(db, "INSERT OR REPLACE INTO document_plans(document_id, kind, term, start_year, end_year) VALUES (?,?,?,?,?)");
  q.bind(1, document_id).bind(2, x.plan->kind).bind(3, int64_t(x.plan->term)).bind(4, x.plan->start_year).bind(5, end);
  q.run();
}

std::vector<EditionLink> store_plan_and_link(sqlite3* db, int64_t document_id, const Extraction& x) {
  store_plan(db, document_id, x);
  return link_editions(db, document_id);
}

std::optional<EditionLink> previous_edition(sqlite3* db, int64_t document_id) {
  Sql q(db,
        "SELECT e.previous_id, e.relation, e.why, d.file, p.file FROM editions e JOIN documents d ON d.id = e.document_id "
        "JOIN documents p ON p.id = e.previous_id WHERE e.document_id = ?");
  q.bind(1, document_id);
  if (!q.row()) return std::nullopt;
  EditionLink l{document_id, q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
  q.run();
  return l;
}

std::vector<EditionLink> link_editions(sqlite3* db, int64_t document_id) {
  std::optional<std::string> code;
  {
    Sql q(db, "SELECT municipality_code FROM documents WHERE id = ?");
    q.bind(1, document_id);
    if (q.row()) code = q.maybe_text(0), q.run();
  }
  if (!code) return {};
  std::vector<EditionCandidate> docs = candidates(db, *code);
  std::map<int64_t, EditionLink> wanted = choose_editions(docs);
  std::vector<EditionLink> changed;
  Sql drop(db, "DELETE FROM editions WHERE document_id = ?");
  Sql put(db, "INSERT INTO editions(document_id, previous_id, relation, why) VALUES (?,?,?,?)");
  for (const EditionCandidate& d : docs) {
    std::optional<EditionLink> had = previous_edition(db, d.id);
    auto it = wanted.find(d.id);
    if (it == wanted.end()) {
      if (had) drop.bind(1, d.id).run();
      continue;
    }
    if (had && *had == it->second) continue;
    drop.bind(1, d.id).run();
    put.bind(1, d.id).bind(2, it->second.previous_id).bind(3, it->second.relation).bind(4, it->second.why).run();
    changed.push_back(it->second);
  }
  return changed;
}

}  // namespace kpix

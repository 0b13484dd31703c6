#include "pipeline/report/site_data.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "parsers/concepts/concept_index.h"
#include "parsers/normalize/roles.h"
#include "pipeline/dataset/diff.h"
#include "pipeline/dataset/sql.h"

namespace kpix {
namespace {

using nlohmann::json;

std::string str(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<SiteDocument> load_documents(sqlite3* db) {
  Sql q(db,
        "SELECT d.id, d.file, d.path, d.sha256, COALESCE(d.date, ''), COALESCE(d.title, ''), "
        "COALESCE(d.municipality_code, ''), COALESCE(d.municipality, ''), d.pages, "
        "COALESCE(p.kind || ' 第' || p.term || '期', ''), e.previous_id, "
        "(SELECT COUNT(*) FROM records r WHERE r.document_id = d.id) "
        "FROM documents d LEFT JOIN document_plans p ON p.document_id = d.id "
        "LEFT JOIN editions e ON e.document_id = d.id WHERE d.copy_of IS NULL "  // a copy is shown once
        "ORDER BY d.municipality_code IS NULL, d.municipality_code, d.date DESC, d.file, d.sha256");
  std::vector<SiteDocument> out;
  while (q.row()) {
    SiteDocument d;
    d.id = q.integer(0), d.file = q.text(1), d.path = q.text(2), d.sha256 = q.text(3), d.date = q.text(4);
    d.title = q.text(5), d.municipality_code = q.text(6), d.municipality = q.text(7), d.pages = int(q.integer(8));
    d.plan = q.text(9);
    if (!q.null(10)) d.previous = q.integer(10);
    d.records = int(q.integer(11));
    std::string lower = d.file;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    d.pdf = lower.size() > 4 && lower.substr(lower.size() - 4) == ".pdf";
    out.push_back(std::move(d));
  }
  return out;
}

std::map<int64_t, std::vector<json>> load_records(sqlite3* db) {
  Sql q(db, "SELECT document_id, json FROM records ORDER BY document_id, ordinal");
  std::map<int64_t, std::vector<json>> out;
  while (q.row()) out[q.integer(0)].push_back(json::parse(q.text(1)));
  return out;
}

// The share of the KPIs of `a` that `b` has too (by indicator and project).
double overlap(const std::vector<json>& a, const std::vector<json>& b) {
  std::set<std::string> names, shared;
  for (const json& r : a) names.insert(str(r, "indicator") + "|" + str(r, "project"));
  for (const json& r : b)
    if (names.count(str(r, "indicator") + "|" + str(r, "project"))) shared.insert(str(r, "indicator") + "|" + str(r, "project"));
  return names.empty() ? 0 : double(shared.size()) / double(std::max(names.size(), b.size()));
}

// How much of their KPIs two undated files of one municipality and plan must
// share to be one report rendered twice (renderings differ by a row or two
// where a converter split a table).
constexpr double kSameReport = 0.9;

// Renderings of one report (same municipality, date and plan; undated ones
// when they also share their KPIs) show as one: the file with most records,
// then by name.
void mark_renderings(std::vector<SiteDocument>& docs, const std::map<int64_t, std::vector<json>>& records) {
  static const std::vector<json> none;
  auto records_of = [&](int64_t id) -> const std::vector<json>& {
    auto it = records.find(id);
    return it == records.end() ? none : it->second;
  };
  std::vector<SiteDocument*> shown;
  for (SiteDocument& d : docs) {
    SiteDocument* same = nullptr;
    for (SiteDocument* s : shown)
      if (s->municipality_code == d.municipality_code && s->date == d.date && s->plan == d.plan &&
          (!d.date.empty() || overlap(records_of(s->id), records_of(d.id)) >= kSameReport))
        same = s;
    if (!same) {
      shown.push_back(&d);
      continue;
    }
    if (d.records > same->records || (d.records == same->records && d.file < same->file)) {
      for (SiteDocument& o : docs)
        if (o.rendering_of == same->id) o.rendering_of = d.id;
      same->rendering_of = d.id;
      *std::find(shown.begin(), shown.end(), same) = &d;
    } else {
      d.rendering_of = same->id;
    }
  }
  std::map<int64_t, int64_t> shown_of;
  for (const SiteDocument& d : docs) shown_of[d.id] = d.rendering_of.value_or(d.id);
  for (SiteDocument& d : docs)
    if (d.previous) d.previous = shown_of[*d.previous];
}

std::string record_key(const json& r) { return str(r, "indicator") + "|" + r.value("source", json()).dump(); }

std::string period_key(const json& v) {
  const json p = v.value("period", json::object());
  return std::to_string(p.value("start", 0)) + "-" + std::to_string(p.value("end", 0)) + str(p, "agg");
}

bool has_number(const json& v) { return str(v, "status") == "ok" && v.contains("value") && v["value"].is_number(); }

SiteCard card_of(const json& r, const SiteDocument* doc, bool current) {
  SiteCard c;
  c.indicator = str(r, "indicator"), c.project = str(r, "project"), c.unit = str(r, "unit"), c.level = str(r, "level");
  if (r.contains("goal") && r["goal"].is_object()) {
    c.goal_number = r["goal"].value("number", 0);
    c.goal_title = str(r["goal"], "title");
  }
  if (r.contains("concept") && r["concept"].is_object()) {
    c.concept_id = str(r["concept"], "id");
    for (const json& q : r["concept"].value("qualifiers", json::array()))
      c.concept_qualifiers += (c.concept_qualifiers.empty() ? "" : " ") + q.get<std::string>();
  }
  c.records.push_back({r, doc});
  c.newest = doc;
  c.current = current;
  return c;
}

// The card's series from its records, newest edition first.
void merge_values(SiteCard& c) {
  std::map<std::string, SiteValue> actuals;
  bool newest = true;
  for (const auto& [r, doc] : c.records) {
    for (const json& v : r.value("values", json::array())) {
      std::optional<Role> role = role_from_string(str(v, "role"));
      if (str(v, "status") == "none") continue;
      SiteValue sv{v, doc};
      if (role == Role::actual && v.contains("period")) {
        auto it = actuals.find(period_key(v));
        if (it == actuals.end() || (!has_number(it->second.value) && has_number(v))) actuals[period_key(v)] = sv;
      } else if (role == Role::baseline && newest && !c.baseline) {
        c.baseline = sv;
      } else if (role == Role::target) {
        (newest ? c.targets : c.old_targets).push_back(sv);
      } else if (role == Role::achievement && newest && !c.achievement) {
        c.achievement = sv;
      }
    }
    newest = false;
  }
  for (auto& [k, v] : actuals) c.actuals.push_back(std::move(v));
  std::sort(c.actuals.begin(), c.actuals.end(), [](const SiteValue& a, const SiteValue& b) {
    return std::make_pair(a.value["period"].value("end", 0), a.value["period"].value("start", 0)) <
           std::make_pair(b.value["period"].value("end", 0), b.value["period"].value("start", 0));
  });
}

// Cards of one chain of editions, newest first: its KPIs, followed back
// through each earlier edition as kpix diff matches them.
void add_chain(const std::vector<const SiteDocument*>& chain, const std::map<int64_t, std::vector<json>>& records,
               std::vector<SiteCard>& cards) {
  static const std::vector<json> none;
  auto records_of = [&](const SiteDocument* d) -> const std::vector<json>& {
    auto it = records.find(d->id);
    return it == records.end() ? none : it->second;
  };
  std::map<std::string, size_t> card_of_record;  // in the edition last handled
  size_t first = cards.size();
  for (const json& r : records_of(chain.front())) {
    if (r.contains("shared_with")) continue;  // a pointer to another row: nothing of its own
    card_of_record[record_key(r)] = cards.size();
    cards.push_back(card_of(r, chain.front(), true));
  }
  for (size_t k = 1; k < chain.size(); ++k) {
    const std::vector<json>& older = records_of(chain[k]);
    EditionDiff d = diff_editions(older, records_of(chain[k - 1]));
    std::map<std::string, size_t> next;
    for (const DiffEntry& e : d.entries) {
      if (e.kind == "shared") {
        auto it = card_of_record.find(record_key(e.new_record));
        if (it == card_of_record.end()) continue;
        cards[it->second].records.push_back({e.old_record, chain[k]});
        next[record_key(e.old_record)] = it->second;
      } else if (e.kind == "kpi_dropped") {
        next[record_key(e.old_record)] = cards.size();
        cards.push_back(card_of(e.old_record, chain[k], false));
      }
    }
    card_of_record = std::move(next);
  }
  for (size_t i = first; i < cards.size(); ++i) {
    cards[i].chain_head = chain.front();
    merge_values(cards[i]);
  }
  // KPIs first (by goal, in document order), the statistics tables after
  // them, then what only earlier editions had.
  std::stable_sort(cards.begin() + long(first), cards.end(), [](const SiteCard& a, const SiteCard& b) {
    auto rank = [](const SiteCard& c) { return std::make_tuple(!c.current, c.level == "statistic"); };
    return rank(a) < rank(b);
  });
}

void add_cards(SiteMunicipality& m, const std::map<int64_t, std::vector<json>>& records) {
  std::map<int64_t, const SiteDocument*> by_id;
  std::set<int64_t> is_previous;
  for (const SiteDocument* d : m.documents) {
    by_id[d->id] = d;
    if (d->previous) is_previous.insert(*d->previous);
  }
  std::set<int64_t> done;
  for (const SiteDocument* head : m.documents) {  // newest first
    if (is_previous.count(head->id) || done.count(head->id)) continue;
    std::vector<const SiteDocument*> chain;
    for (const SiteDocument* d = head; d && !done.count(d->id);
         d = d->previous && by_id.count(*d->previous) ? by_id[*d->previous] : nullptr) {
      chain.push_back(d);
      done.insert(d->id);
    }
    add_chain(chain, records, m.cards);
  }
}

}  // namespace

std::string municipality_page(const SiteMunicipality& m) { return "m/" + (m.code.empty() ? "unknown" : m.code) + ".html"; }
std::string concept_page(const std::string& id) { return "c/" + id + ".html"; }

Site load_site(sqlite3* db) {
  Site site;
  site.documents = load_documents(db);
  std::map<int64_t, std::vector<json>> records = load_records(db);
  mark_renderings(site.documents, records);
  std::map<std::string, std::string> prefecture;
  {
    Sql q(db, "SELECT code, prefecture FROM municipalities");
    while (q.row()) prefecture[q.text(0)] = q.text(1);
  }
  for (const SiteDocument& d : site.documents) {
    if (d.rendering_of) continue;
    if (site.municipalities.empty() || site.municipalities.back().code != d.municipality_code)
      site.municipalities.push_back({d.municipality_code, prefecture[d.municipality_code], d.municipality, {}, {}});
    site.municipalities.back().documents.push_back(&d);
  }
  std::map<std::string, std::set<std::string>> towns;
  std::map<std::string, int> counts;
  for (SiteMunicipality& m : site.municipalities) {
    add_cards(m, records);
    for (const SiteCard& c : m.cards)
      if (!c.concept_id.empty() && c.current) towns[c.concept_id].insert(m.code), ++counts[c.concept_id];
  }
  for (const auto& [id, t] : towns) {
    const ConceptRow* row = ConceptIndex::builtin().find(id);
    site.concepts.push_back({id, row ? row->label : id, row ? row->unit : "", int(t.size()), counts[id]});
  }
  return site;
}

}  // namespace kpix

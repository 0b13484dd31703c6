#include "pipeline/dataset/diff.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

using nlohmann::json;

std::string str(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string squeezed(const json& r, const char* key) { return squeeze_text(normalize_text(str(r, key))); }

std::string concept_key(const json& r) {
  auto it = r.find("concept");
  if (it == r.end() || !it->is_object()) return "";
  std::string k = str(*it, "id");
  for (const json& q : it->value("qualifiers", json::array())) k += " " + q.get<std::string>();
  return k;
}

// A row that only points to another project's row carries nothing to compare.
bool reference_only(const json& r) { return r.contains("shared_with"); }

std::string period_key(const json& v) {
  auto it = v.find("period");
  if (it == v.end() || !it->is_object()) return "";
  return std::to_string(it->value("start", 0)) + "-" + std::to_string(it->value("end", 0)) + str(*it, "agg");
}

bool has_number(const json& v) { return str(v, "status") == "ok" && v.contains("value") && v["value"].is_number(); }

bool same_number(const json& a, const json& b) {
  double x = a["value"].get<double>(), y = b["value"].get<double>();
  return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

// Same number (or, for words, the same text) for the same period.
bool same_value(const json& a, const json& b) {
  if (period_key(a) != period_key(b)) return false;
  if (has_number(a) && has_number(b)) return same_number(a, b);
  return !has_number(a) && !has_number(b) && squeeze_text(str(a, "raw")) == squeeze_text(str(b, "raw"));
}

// Pointers into `r` itself (json::value() would return a copy).
std::vector<const json*> values_of(const json& r, Role role) {
  std::vector<const json*> out;
  auto it = r.find("values");
  if (it == r.end() || !it->is_array()) return out;
  for (const json& v : *it)
    if (str(v, "role") == to_string(role)) out.push_back(&v);
  return out;
}

const json* at_period(const json& r, Role role, const std::string& key) {
  for (const json* v : values_of(r, role))
    if (period_key(*v) == key) return v;
  return nullptr;
}

std::string year_of(const json& v) {
  const json& p = v["period"];
  int s = p.value("start", 0), e = p.value("end", 0);
  return s == e ? std::to_string(s) : std::to_string(s) + "–" + std::to_string(e);
}

struct Pair {
  size_t old_index = 0, new_index = 0;
  std::string note;
};

// The three passes of diff.h, over what earlier passes left.
std::vector<Pair> match_records(const std::vector<json>& olds, const std::vector<json>& news) {
  std::vector<bool> old_used(olds.size()), new_used(news.size());
  for (size_t i = 0; i < olds.size(); ++i) old_used[i] = reference_only(olds[i]);
  for (size_t j = 0; j < news.size(); ++j) new_used[j] = reference_only(news[j]);
  std::vector<Pair> pairs;
  using Key = std::function<std::string(const json&)>;
  auto pass = [&](const Key& key, bool unique, const std::function<std::string(const json&, const json&)>& note) {
    std::map<std::string, std::vector<size_t>> by_key_old, by_key_new;
    for (size_t i = 0; i < olds.size(); ++i)
      if (!old_used[i] && !key(olds[i]).empty()) by_key_old[key(olds[i])].push_back(i);
    for (size_t j = 0; j < news.size(); ++j)
      if (!new_used[j] && !key(news[j]).empty()) by_key_new[key(news[j])].push_back(j);
    for (const auto& [k, js] : by_key_new) {
      auto it = by_key_old.find(k);
      if (it == by_key_old.end() || (unique && (js.size() != 1 || it->second.size() != 1))) continue;
      for (size_t n = 0; n < std::min(js.size(), it->second.size()); ++n) {
        size_t i = it->second[n], j = js[n];
        old_used[i] = new_used[j] = true;
        pairs.push_back({i, j, note(olds[i], news[j])});
      }
    }
  };
  auto base = [](const json& r) { return str(r, "unit") + "|" + str(r, "level"); };
  pass([&](const json& r) { return squeezed(r, "indicator") + "|" + squeezed(r, "project") + "|" + base(r); }, false,
       [](const json&, const json&) { return std::string(); });
  pass([&](const json& r) { return squeezed(r, "indicator") + "|" + base(r); }, true,
       [](const json& o, const json& n) { return "project renamed: " + str(o, "project") + " → " + str(n, "project"); });
  pass([&](const json& r) { std::string c = concept_key(r); return c.empty() ? c : c + "|" + base(r); }, true,
       [](const json& o, const json& n) {
         return "indicator renamed: " + str(o, "indicator") + " → " + str(n, "indicator") + " (same concept)";
       });
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.new_index < b.new_index; });
  return pairs;
}

DiffEntry entry(const char* kind, const json& o, const json& n) {
  DiffEntry e;
  e.kind = kind;
  e.old_record = o;
  e.new_record = n;
  return e;
}

// What the old edition said of a period, in words, for a note.
std::string old_said(const json& v) {
  std::string raw = str(v, "raw");
  return raw.empty() ? str(v, "status") : raw;
}

// Actuals of the new edition: new where the old one had no number for the
// period, restated where it had another.
void compare_actuals(const json& o, const json& n, std::vector<DiffEntry>& out) {
  for (const json* nv : values_of(n, Role::actual)) {
    std::string key = period_key(*nv);
    if (key.empty()) continue;
    const json* ov = at_period(o, Role::actual, key);
    const json* ob = at_period(o, Role::baseline, key);
    const json* old_number = ov && has_number(*ov) ? ov : ob && has_number(*ob) ? ob : nullptr;
    DiffEntry e = entry("", o, n);
    e.new_value = *nv;
    if (has_number(*nv) && !old_number) {
      e.kind = "new_actual";
      if (ov && str(*ov, "status") != "none") {
        e.old_value = *ov;
        e.note = "the old edition had " + year_of(*nv) + " as " + old_said(*ov);
      }
    } else if (old_number && !same_value(*old_number, *nv) && str(*nv, "status") != "none") {
      e.kind = "restated";
      e.what = Role::actual;
      e.old_value = *old_number;
      if (old_number == ob) e.note = "the old edition gave " + year_of(*nv) + " as its baseline";
    } else {
      continue;
    }
    out.push_back(std::move(e));
  }
}

// The baseline: restated when its number or period changed (a successor plan
// rebases); the note says how the new baseline stands to the old edition's
// figure for the same period.
void compare_baselines(const json& o, const json& n, std::vector<DiffEntry>& out) {
  auto nbs = values_of(n, Role::baseline), obs = values_of(o, Role::baseline);
  if (nbs.empty() || !has_number(*nbs[0])) return;
  const json& nb = *nbs[0];
  const json* ob = obs.empty() ? nullptr : obs[0];
  if (ob && has_number(*ob) && same_value(*ob, nb)) return;
  DiffEntry e = entry("restated", o, n);
  e.what = Role::baseline;
  e.new_value = nb;
  if (ob) e.old_value = *ob;
  std::string key = period_key(nb);
  const json* same_period = key.empty() ? nullptr : at_period(o, Role::actual, key);
  if (same_period && has_number(*same_period))
    e.note = same_number(*same_period, nb)
                 ? "the new baseline is the old edition's " + year_of(nb) + " actual"
                 : "the old edition's " + year_of(nb) + " actual was " + old_said(*same_period);
  else if (same_period && str(*same_period, "status") != "none")
    e.note = "the old edition had " + year_of(nb) + " as " + old_said(*same_period);
  out.push_back(std::move(e));
}

// Targets paired by period first, then in order; a change of number or year
// is a revision, a target on one side only is set or dropped.
void compare_targets(const json& o, const json& n, std::vector<DiffEntry>& out) {
  auto live = [](const json& r) {
    std::vector<const json*> ts;
    for (const json* t : values_of(r, Role::target))
      if (str(*t, "status") != "none") ts.push_back(t);
    return ts;
  };
  std::vector<const json*> ots = live(o), nts = live(n);
  std::vector<std::pair<const json*, const json*>> pairs;
  for (const json*& nt : nts)
    for (const json*& ot : ots)
      if (ot && nt && period_key(*ot) == period_key(*nt)) pairs.push_back({ot, nt}), ot = nt = nullptr;
  std::erase(ots, nullptr);
  std::erase(nts, nullptr);
  for (size_t i = 0; i < std::max(ots.size(), nts.size()); ++i)
    pairs.push_back({i < ots.size() ? ots[i] : nullptr, i < nts.size() ? nts[i] : nullptr});
  for (auto [ot, nt] : pairs) {
    if (ot && nt && same_value(*ot, *nt)) continue;
    DiffEntry e = entry("target_revised", o, n);
    if (ot) e.old_value = *ot;
    if (nt) e.new_value = *nt;
    if (!ot) e.note = "a target the old edition did not have";
    if (!nt) e.note = "the new edition gives no target for it";
    out.push_back(std::move(e));
  }
}

}  // namespace

EditionDiff diff_editions(const std::vector<json>& olds, const std::vector<json>& news) {
  EditionDiff d;
  std::vector<Pair> pairs = match_records(olds, news);
  std::vector<bool> old_matched(olds.size());
  size_t next_pair = 0;
  for (size_t j = 0; j < news.size(); ++j) {
    if (next_pair < pairs.size() && pairs[next_pair].new_index == j) {
      const Pair& p = pairs[next_pair++];
      const json &o = olds[p.old_index], &n = news[j];
      old_matched[p.old_index] = true;
      DiffEntry shared = entry("shared", o, n);
      shared.note = p.note;
      d.entries.push_back(std::move(shared));
      compare_actuals(o, n, d.entries);
      compare_baselines(o, n, d.entries);
      compare_targets(o, n, d.entries);
    } else if (!reference_only(news[j])) {
      d.entries.push_back(entry("kpi_added", nullptr, news[j]));
    }
  }
  for (size_t i = 0; i < olds.size(); ++i)
    if (!old_matched[i] && !reference_only(olds[i])) d.entries.push_back(entry("kpi_dropped", olds[i], nullptr));
  for (const DiffEntry& e : d.entries) {
    d.shared += e.kind == "shared";
    d.new_actuals += e.kind == "new_actual";
    d.restated += e.kind == "restated";
    d.targets_revised += e.kind == "target_revised";
    d.added += e.kind == "kpi_added";
    d.dropped += e.kind == "kpi_dropped";
  }
  return d;
}

std::string diff_counts(const EditionDiff& d) {
  return std::to_string(d.shared) + " shared KPIs, " + std::to_string(d.new_actuals) + " new actuals, " +
         std::to_string(d.restated) + " restated, " + std::to_string(d.targets_revised) + " targets revised, " +
         std::to_string(d.added) + " added, " + std::to_string(d.dropped) + " dropped";
}

}  // namespace kpix

// Entry point: Matcher::check (see matcher.h), which narrows the records in
// steps: municipality, indicator, project, then the value for the role and
// year; values that agree are one answer; then entered and source are
// compared. The diagnoses are in diagnose.cc, the output forms in
// result_output.cc.
#include "pipeline/check/matcher.h"

#include <algorithm>
#include <set>

#include "parsers/normalize/text.h"
#include "pipeline/check/record_fields.h"

namespace kpix {
namespace {

using nlohmann::json;
using record_fields::has_qualifier;
using record_fields::municipality_name;
using record_fields::near;
using record_fields::number;
using record_fields::period_label;
using record_fields::period_of;
using record_fields::status_of;
using record_fields::str;
using record_fields::values_of;

// UTF-8 text split into code points (each as its bytes).
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

size_t edit_distance(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Does `a` (shorter or equal) sit inside `b` with enough of `b` covered?
bool contains_enough(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (longer.find(shorter) == std::string::npos) return false;
  return code_points(shorter).size() * 10 >= code_points(longer).size() * 6;
}

bool municipality_ok(const std::string& entry_key, const std::string& record_key) {
  if (entry_key.empty()) return true;
  return entry_key == record_key || record_key.find(entry_key) != std::string::npos ||
         (!record_key.empty() && entry_key.find(record_key) != std::string::npos);
}

std::string joined(const std::set<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

// Appends a note to a result's reason, "; " between notes.
void note(CheckResult& r, const std::string& text) { r.reason += std::string(r.reason.empty() ? "" : "; ") + text; }

CheckResult not_found(CheckResult r, std::string reason) {
  r.verdict = Verdict::not_found;
  r.reason = std::move(reason);
  return r;
}

// Whether a value is of the entry's kind: its role (any role for `見込`
// alone), and for an entry typed as 見込 an estimate.
bool fits(const json& value, const Entry& entry) {
  if (entry.role && str(value, "role") != to_string(*entry.role)) return false;
  return !entry.estimate || has_qualifier(value, "estimate");
}

// The entry's value among one record's values, and how well it fits: tier 1
// the same period, 2 a single year that is a range's end year, 3 the only
// value of the kind where one side gives no year. Within a tier a value with
// a number wins, and for an entry not typed as 見込 a value that is no
// estimate.
std::optional<std::pair<int, int>> value_for_year(const json& values, const Entry& entry) {
  std::vector<std::pair<int, int>> tiered;  // tier, value index
  int kind_count = 0, kind_without_period = 0;
  for (size_t v = 0; v < values.size(); ++v) {
    if (!fits(values[v], entry)) continue;
    ++kind_count;
    auto p = period_of(values[v]);
    if (!p) ++kind_without_period;
    if (entry.period) {
      if (p && p->first == entry.period->start && p->second == entry.period->end)
        tiered.emplace_back(1, int(v));
      else if (p && entry.period->start == entry.period->end && p->second == entry.period->end && p->first != p->second)
        tiered.emplace_back(2, int(v));
    }
  }
  // One value of the kind and no year on one side: take it.
  for (size_t v = 0; v < values.size(); ++v) {
    if (!fits(values[v], entry)) continue;
    if ((!entry.period && kind_count == 1) || (!period_of(values[v]) && kind_without_period == 1 && kind_count == 1))
      tiered.emplace_back(3, int(v));
  }
  if (tiered.empty()) return std::nullopt;
  int tier = std::min_element(tiered.begin(), tiered.end())->first;
  auto rank = [&](int v) {  // lower is better
    const json& x = values[size_t(v)];
    return (!entry.estimate && has_qualifier(x, "estimate") ? 2 : 0) + (status_of(x) == "ok" ? 0 : 1);
  };
  int chosen = -1;
  for (auto [t, v] : tiered)
    if (t == tier && (chosen < 0 || rank(v) < rank(chosen))) chosen = v;
  return std::make_pair(tier, chosen);
}

// Notes on what the source value is beside its number: an estimate, an
// approximate figure, a target stated against another value.
void note_qualifiers(CheckResult& r, const json& value, const Entry& entry);

}  // namespace

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::match: return "match";
    case Verdict::mismatch: return "mismatch";
    case Verdict::not_found: return "not_found";
    case Verdict::ambiguous: return "ambiguous";
    case Verdict::malformed: return "malformed";
  }
  return "?";
}

std::string name_key(std::string_view name) {
  std::string t = remove_layout_spaces(strip_list_marker(normalize_text(name)));
  IndicatorName split = split_indicator_unit(t);
  if (!split.name.empty()) t = split.name;
  static const std::set<std::string> drop = {" ", "(", ")", "[", "]", "{", "}", "<", ">", "「", "」", "『", "』",
                                             "【", "】", "〈", "〉", "《", "》", "〔", "〕", "“", "”", "\"", "'"};
  std::string out;
  for (const std::string& cp : code_points(t))
    if (!drop.count(cp)) out += cp;
  // Letters fold to lower case (`KPI`, `ICT` typed either way).
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

Matcher::Matcher(const std::vector<SourceDocument>& docs) : docs_(docs) {
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t r = 0; r < docs[d].records.size(); ++r) {
      const json& rec = docs[d].records[r];
      Indexed ix{int(d), int(r), name_key(str(rec, "indicator")), name_key(str(rec, "project")),
                 name_key(municipality_name(rec))};
      index_.push_back(std::move(ix));
    }
  }
}

const json& Matcher::record(const SourceHit& h) const { return docs_[size_t(h.doc)].records[size_t(h.record)]; }
const json& Matcher::value(const SourceHit& h) const { return values_of(record(h))[size_t(h.value)]; }

std::vector<const Matcher::Indexed*> Matcher::of_municipality(const Entry& entry, std::string& why) const {
  std::string muni = name_key(entry.municipality);
  std::vector<const Indexed*> pool;
  for (const Indexed& ix : index_)
    if (municipality_ok(muni, ix.municipality)) pool.push_back(&ix);
  if (!pool.empty()) return pool;
  std::set<std::string> munis_seen;
  for (const Indexed& ix : index_) munis_seen.insert(municipality_name(record({ix.doc, ix.record, -1})));
  why = index_.empty() ? "the sources gave no records"
                         : "no records of municipality '" + entry.municipality + "' in the sources (they cover: " +
                               joined(munis_seen) + ")";
  return pool;
}

std::vector<const Matcher::Indexed*> Matcher::of_indicator(const std::vector<const Indexed*>& pool, const Entry& entry,
                                                          bool& loose, std::string& why) const {
  std::string ind = name_key(entry.indicator);
  std::vector<const Indexed*> by_name;
  for (const Indexed* ix : pool)
    if (ix->indicator == ind) by_name.push_back(ix);
  if (by_name.empty()) {
    for (const Indexed* ix : pool)
      if (contains_enough(ind, ix->indicator)) by_name.push_back(ix);
    loose = !by_name.empty();
  }
  if (!by_name.empty()) return by_name;
  // Suggest the closest names: of the three nearest, those within about half the name.
  std::vector<std::pair<size_t, std::string>> near_names;
  auto ind_cp = code_points(ind);
  std::set<std::string> seen;
  for (const Indexed* ix : pool) {
    std::string name = str(record({ix->doc, ix->record, -1}), "indicator");
    if (!seen.insert(name).second) continue;
    near_names.emplace_back(edit_distance(ind_cp, code_points(ix->indicator)), name);
  }
  std::sort(near_names.begin(), near_names.end());
  std::string sugg;
  for (size_t i = 0; i < near_names.size() && i < 3; ++i)
    if (near_names[i].first * 2 <= ind_cp.size() + 2) sugg += (sugg.empty() ? "" : ", ") + near_names[i].second;
  why = "no indicator '" + entry.indicator + "' in the sources" + (sugg.empty() ? "" : " (closest: " + sugg + ")");
  return by_name;
}

std::vector<const Matcher::Indexed*> Matcher::of_project(const std::vector<const Indexed*>& recs, const Entry& entry,
                                                        std::string& why) const {
  std::string proj = name_key(entry.project);
  std::vector<const Indexed*> by_project;
  for (const Indexed* ix : recs)
    if (ix->project == proj || contains_enough(proj, ix->project)) by_project.push_back(ix);
  if (by_project.empty()) {
    std::set<std::string> projects;
    for (const Indexed* ix : recs) {
      std::string p = str(record({ix->doc, ix->record, -1}), "project");
      projects.insert(p.empty() ? "(goal level, no project)" : p);
    }
    why = "indicator '" + entry.indicator + "' is not under project '" + entry.project + "' (it is under: " +
          joined(projects) + ")";
  }
  return by_project;
}

std::vector<SourceHit> Matcher::values_for(const std::vector<const Indexed*>& recs, const Entry& entry,
                                           int& best_tier) const {
  std::vector<SourceHit> hits;
  best_tier = 99;
  for (const Indexed* ix : recs) {
    auto found = value_for_year(values_of(record({ix->doc, ix->record, -1})), entry);
    if (!found) continue;
    auto [tier, chosen] = *found;
    if (tier < best_tier) {
      best_tier = tier;
      hits.clear();
    }
    if (tier > best_tier) continue;
    hits.push_back({ix->doc, ix->record, chosen});
  }
  return hits;
}

// Says what the first candidate record does have.
std::string Matcher::no_value_reason(const Indexed& first, const Entry& entry) const {
  const json& rec = record({first.doc, first.record, -1});
  std::string have;
  for (const json& v : values_of(rec)) {
    if (!fits(v, entry)) continue;
    have += (have.empty() ? "" : ", ") + period_label(v);
  }
  std::string year = entry.year.empty() ? "without a year" : "for " + entry.year;
  std::string kind = entry_role_label(entry);
  return "indicator '" + str(rec, "indicator") + "' found, but no " + kind + " value " + year +
         (have.empty() ? " (it has no " + kind + " values)" : " (it has " + kind + ": " + have + ")");
}

namespace {

// One hit per distinct value, PDFs first (they have a picture); `hits` is
// sorted the same way.
std::vector<SourceHit> distinct_values(std::vector<SourceHit>& hits, const Matcher& m) {
  auto same_value = [&](const SourceHit& a, const SourceHit& b) {
    const json &va = m.value(a), &vb = m.value(b);
    if (status_of(va) != status_of(vb)) return false;
    auto na = number(va), nb = number(vb);
    if (na && nb) return near(*na, *nb);
    return !na && !nb && normalize_text(str(va, "raw")) == normalize_text(str(vb, "raw"));
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const SourceHit& a, const SourceHit& b) {
    return (m.document(a).kind == SourceKind::pdf) > (m.document(b).kind == SourceKind::pdf);
  });
  std::vector<SourceHit> groups;
  for (const SourceHit& h : hits) {
    bool found = false;
    for (const SourceHit& g : groups)
      if (same_value(g, h)) found = true;
    if (!found) groups.push_back(h);
  }
  return groups;
}

// Lists the differing candidates and says what would choose among them.
std::string ambiguous_reason(const std::vector<SourceHit>& groups, const Entry& entry, const Matcher& m) {
  std::string which;
  for (const SourceHit& g : groups) {
    std::string p = str(m.record(g), "project");
    which += std::string(which.empty() ? "" : "; ") + (p.empty() ? "goal level" : p) + ": " +
             source_value_label(m.value(g)) + " at " + location_label(m, g);
  }
  std::set<std::string> projects;
  for (const SourceHit& g : groups) projects.insert(str(m.record(g), "project"));
  std::string hint = entry.project.empty() && projects.size() > 1 ? "; give the project to choose"
                     : entry.year.empty()                         ? "; give the year to choose"
                                                                  : "";
  return std::to_string(groups.size()) + " source values for '" + entry.indicator + "' " + entry_role_label(entry) +
         (entry.year.empty() ? "" : " " + entry.year) + hint + ": " + which;
}

void note_qualifiers(CheckResult& r, const json& value, const Entry& entry) {
  if (has_qualifier(value, "estimate") && !entry.estimate)
    note(r, "the source value is an estimate (見込: " + str(value, "raw") + ")");
  if (has_qualifier(value, "approximate")) note(r, "the source value is approximate (" + str(value, "raw") + ")");
  if (has_qualifier(value, "relative")) note(r, "the source states it against another value: " + str(value, "raw"));
}

// The entered value against the source value: equal numbers, or the same
// status (and for text, the same words).
void compare(CheckResult& r, const Matcher& m) {
  const json& sv = m.value(*r.source);
  const NormalizedValue& ev = *r.entered;
  std::string e_status(to_string(ev.status)), s_status = status_of(sv);
  auto snum = number(sv);
  bool equal = false;
  if (e_status == "ok" && s_status == "ok" && ev.value && snum)
    equal = near(*ev.value, *snum);
  else if (e_status != "ok" && e_status == s_status)
    equal = e_status != "text" || normalize_text(ev.raw) == normalize_text(str(sv, "raw"));
  if (!equal) {
    r.verdict = Verdict::mismatch;
    r.diagnosis = diagnose_mismatch(r, m);
    return;
  }
  r.verdict = Verdict::match;
  std::string su = str(sv, "unit");
  if (!ev.unit.empty() && !su.empty() && ev.unit != su) note(r, "units differ: entered " + ev.unit + ", source " + su);
}

}  // namespace

CheckResult Matcher::check(const Entry& entry) const {
  CheckResult r;
  r.entry = entry;
  r.entered = normalize_value(entry.value, ValueHints{entry.unit, ""});
  std::string why;

  // 1. Records of the municipality.
  std::vector<const Indexed*> recs = of_municipality(entry, why);
  if (recs.empty()) return not_found(std::move(r), why);

  // 2. Records of the indicator: exact key, else containment.
  bool loose = false;
  recs = of_indicator(recs, entry, loose, why);
  if (recs.empty()) return not_found(std::move(r), why);

  // 3. The project, when given, picks among records of the indicator.
  if (!entry.project.empty()) {
    recs = of_project(recs, entry, why);
    if (recs.empty()) return not_found(std::move(r), why);
  }

  // 4. The value for (role, year) in each candidate record, best tier first.
  int tier = 0;
  std::vector<SourceHit> hits = values_for(recs, entry, tier);
  if (hits.empty()) return not_found(std::move(r), no_value_reason(*recs.front(), entry));

  // 5. Hits that agree on the value are one answer.
  std::vector<SourceHit> groups = distinct_values(hits, *this);
  if (groups.size() > 1) {
    r.verdict = Verdict::ambiguous;
    r.candidates = groups;
    r.reason = ambiguous_reason(groups, entry, *this);
    return r;
  }
  r.source = groups.front();
  for (const SourceHit& h : hits)
    if (!(h == groups.front())) r.also.push_back(h);
  if (loose) note(r, "indicator matched loosely: entered '" + entry.indicator + "', source '" + str(record(*r.source), "indicator") + "'");
  if (tier == 2) note(r, "the source value is for " + period_label(value(*r.source)));
  if (tier == 3 && entry.period) note(r, "the source gives no year for this value");
  note_qualifiers(r, value(*r.source), entry);

  // 6. Compare.
  compare(r, *this);
  return r;
}

}  // namespace kpix

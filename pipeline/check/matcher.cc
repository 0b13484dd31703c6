#include "pipeline/check/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

using nlohmann::json;

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

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({std::fabs(a), std::fabs(b), 1.0}); }

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> number(const json& v) {
  auto it = v.find("value");
  if (it == v.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

const json& values_of(const json& rec) {
  static const json empty = json::array();
  auto it = rec.find("values");
  return it != rec.end() && it->is_array() ? *it : empty;
}

std::string municipality_name(const json& rec) {
  auto it = rec.find("municipality");
  return it != rec.end() && it->is_object() ? str(*it, "name") : std::string();
}

std::string status_of(const json& v) {
  std::string s = str(v, "status");
  return s.empty() ? "ok" : s;
}

std::optional<std::pair<int, int>> period_of(const json& v) {
  auto it = v.find("period");
  if (it == v.end() || !it->is_object() || !it->contains("start")) return std::nullopt;
  int start = (*it)["start"].get<int>();
  int end = it->contains("end") ? (*it)["end"].get<int>() : start;
  return std::make_pair(start, end);
}

std::string period_label(const json& v) {
  auto p = period_of(v);
  if (!p) return "(no year)";
  std::string s = std::to_string(p->first);
  if (p->second != p->first) s += "–" + std::to_string(p->second);
  return s;
}

std::string role_ja(const std::string& role) {
  if (role == "baseline") return "baseline (基準値)";
  if (role == "actual") return "actual (実績)";
  if (role == "target") return "target (目標値)";
  if (role == "achievement") return "achievement (達成状況)";
  return role;
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

std::string with_commas(const std::string& digits) {
  std::string out;
  int n = int(digits.size());
  for (int i = 0; i < n; ++i) {
    out += digits[size_t(i)];
    if ((n - 1 - i) % 3 == 0 && i != n - 1) out += ',';
  }
  return out;
}

std::string factor_name(double f) {
  return with_commas(format_number(f));
}

// Digit-level slips between two decimal strings of the same layout.
std::optional<Diagnosis> digit_slip(const std::string& e, const std::string& s) {
  std::string a = e[0] == '-' ? e.substr(1) : e, b = s[0] == '-' ? s.substr(1) : s;
  if ((e[0] == '-') != (s[0] == '-')) return std::nullopt;
  if (a.size() == b.size()) {
    if (a.find('.') != b.find('.')) return std::nullopt;
    std::vector<size_t> diff;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 1)
      return Diagnosis{"one_digit_wrong", "one digit wrong: " + std::string(1, a[diff[0]]) + " typed for " + std::string(1, b[diff[0]]), {}};
    if (diff.size() == 2 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]])
      return Diagnosis{"digits_transposed",
                       std::string("digits transposed: ") + b[diff[0]] + b[diff[1]] + " typed as " + a[diff[0]] + a[diff[1]] +
                           (diff[1] == diff[0] + 1 ? "" : " (not adjacent)"),
                       {}};
    return std::nullopt;
  }
  // One digit left out or typed twice: deleting one character of the longer
  // string gives the shorter one.
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1 || longer.find('.') != std::string::npos || shorter.empty()) return std::nullopt;
  // Appending or dropping a trailing zero is a factor of ten, not a slip.
  if (longer == shorter + "0") return std::nullopt;
  for (size_t i = 0; i < longer.size(); ++i) {
    if (longer.substr(0, i) + longer.substr(i + 1) == shorter) {
      if (a.size() < b.size()) return Diagnosis{"digit_missing", std::string("a digit left out: ") + longer[i] + " missing", {}};
      return Diagnosis{"digit_extra", std::string("a digit typed twice or extra: ") + longer[i] + " added", {}};
    }
  }
  return std::nullopt;
}

const double kFactors[] = {1000, 10000, 1000000, 100000000};

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

std::string format_number(double v) {
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.10f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::optional<Diagnosis> diagnose_numbers(double e, double s) {
  if (near(e, s)) return std::nullopt;
  if (s != 0 && near(e, -s)) {
    if (s < 0) return Diagnosis{"sign_lost", "sign lost: the source is negative (▲/△ dropped)", {}};
    return Diagnosis{"sign_added", "sign added: the source is positive, the entry negative", {}};
  }
  for (double f : kFactors) {
    for (int sign : {1, -1}) {
      std::string sign_text = sign < 0 ? (s < 0 ? " and the sign lost (▲ dropped)" : " and the sign flipped") : "";
      if (e != 0 && near(e * f * sign, s))
        return Diagnosis{"factor_" + format_number(f),
                         "off by a factor of " + factor_name(f) + ": entered in units of " + factor_name(f) +
                             " without saying so (unit column empty or wrong?)" + sign_text,
                         {}};
      if (s != 0 && near(e, s * f * sign))
        return Diagnosis{"factor_" + format_number(f),
                         "off by a factor of " + factor_name(f) + ": entered " + factor_name(f) +
                             " times the source (unit column says a scale the number already has?)" + sign_text,
                         {}};
    }
  }
  std::string es = format_number(e), ss = format_number(s);
  if (auto d = digit_slip(es, ss)) return d;
  // The same slip with the entry in another scale (e.g. 1262 for 1,622千円, no unit).
  for (double f : kFactors) {
    if (auto d = digit_slip(format_number(e * f), ss)) {
      d->text += " (and entered in units of " + factor_name(f) + ")";
      return d;
    }
  }
  return std::nullopt;
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

CheckResult Matcher::check(const Entry& entry) const {
  CheckResult r;
  r.entry = entry;
  r.entered = normalize_value(entry.value, ValueHints{entry.unit, ""});

  // 1. Records of the municipality.
  std::string muni = name_key(entry.municipality);
  std::vector<const Indexed*> pool;
  std::set<std::string> munis_seen;
  for (const Indexed& ix : index_) {
    munis_seen.insert(municipality_name(record({ix.doc, ix.record, -1})));
    if (municipality_ok(muni, ix.municipality)) pool.push_back(&ix);
  }
  if (pool.empty()) {
    std::string have;
    for (const auto& m : munis_seen) have += (have.empty() ? "" : ", ") + m;
    r.verdict = Verdict::not_found;
    r.reason = index_.empty() ? "the sources gave no records"
                              : "no records of municipality '" + entry.municipality + "' in the sources (they cover: " + have + ")";
    return r;
  }

  // 2. Records of the indicator: exact key, else containment.
  std::string ind = name_key(entry.indicator);
  std::vector<const Indexed*> by_name;
  for (const Indexed* ix : pool)
    if (ix->indicator == ind) by_name.push_back(ix);
  bool loose = false;
  if (by_name.empty()) {
    for (const Indexed* ix : pool)
      if (contains_enough(ind, ix->indicator)) by_name.push_back(ix);
    loose = !by_name.empty();
  }
  if (by_name.empty()) {
    // Suggest the closest names.
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
    r.verdict = Verdict::not_found;
    r.reason = "no indicator '" + entry.indicator + "' in the sources" + (sugg.empty() ? "" : " (closest: " + sugg + ")");
    return r;
  }

  // 3. The project, when given, picks among records of the indicator.
  std::vector<const Indexed*> recs = by_name;
  if (!entry.project.empty()) {
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
      std::string list;
      for (const auto& p : projects) list += (list.empty() ? "" : ", ") + p;
      r.verdict = Verdict::not_found;
      r.reason = "indicator '" + entry.indicator + "' is not under project '" + entry.project + "' (it is under: " + list + ")";
      return r;
    }
    recs = by_project;
  }

  // 4. The value for (role, year) in each candidate record, best tier first.
  std::vector<SourceHit> hits;
  int best_tier = 99;
  for (const Indexed* ix : recs) {
    const json& values = values_of(record({ix->doc, ix->record, -1}));
    std::vector<std::pair<int, int>> tiered;  // tier, value index
    int role_count = 0, role_without_period = 0;
    for (size_t v = 0; v < values.size(); ++v) {
      if (str(values[v], "role") != entry.role) continue;
      ++role_count;
      auto p = period_of(values[v]);
      if (!p) ++role_without_period;
      if (entry.period) {
        if (p && p->first == entry.period->start && p->second == entry.period->end)
          tiered.emplace_back(1, int(v));
        else if (p && entry.period->start == entry.period->end && p->second == entry.period->end && p->first != p->second)
          tiered.emplace_back(2, int(v));
      }
    }
    // One value of the role and no year on one side: take it.
    for (size_t v = 0; v < values.size(); ++v) {
      if (str(values[v], "role") != entry.role) continue;
      if ((!entry.period && role_count == 1) || (!period_of(values[v]) && role_without_period == 1 && role_count == 1))
        tiered.emplace_back(3, int(v));
    }
    if (tiered.empty()) continue;
    int tier = std::min_element(tiered.begin(), tiered.end())->first;
    if (tier < best_tier) {
      best_tier = tier;
      hits.clear();
    }
    if (tier > best_tier) continue;
    // Within a record, prefer a value with a number.
    int chosen = -1;
    for (auto [t, v] : tiered)
      if (t == tier && chosen < 0 && status_of(values[size_t(v)]) == "ok") chosen = v;
    for (auto [t, v] : tiered)
      if (t == tier && chosen < 0) chosen = v;
    hits.push_back({ix->doc, ix->record, chosen});
  }
  if (hits.empty()) {
    // Say what the first candidate record does have.
    const json& rec = record({recs.front()->doc, recs.front()->record, -1});
    std::string have;
    for (const json& v : values_of(rec)) {
      if (str(v, "role") != entry.role) continue;
      have += (have.empty() ? "" : ", ") + period_label(v);
    }
    r.verdict = Verdict::not_found;
    std::string year = entry.year.empty() ? "without a year" : "for " + entry.year;
    r.reason = "indicator '" + str(rec, "indicator") + "' found, but no " + role_ja(entry.role) + " value " + year +
               (have.empty() ? " (it has no " + entry.role + " values)" : " (it has " + entry.role + ": " + have + ")");
    return r;
  }

  // 5. Hits that agree on the value are one answer; prefer a PDF (it has a picture).
  auto same_value = [&](const SourceHit& a, const SourceHit& b) {
    const json &va = value(a), &vb = value(b);
    if (status_of(va) != status_of(vb)) return false;
    auto na = number(va), nb = number(vb);
    if (na && nb) return near(*na, *nb);
    return !na && !nb && normalize_text(str(va, "raw")) == normalize_text(str(vb, "raw"));
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const SourceHit& a, const SourceHit& b) {
    return (document(a).kind == SourceKind::pdf) > (document(b).kind == SourceKind::pdf);
  });
  std::vector<SourceHit> groups;
  for (const SourceHit& h : hits) {
    bool found = false;
    for (const SourceHit& g : groups)
      if (same_value(g, h)) found = true;
    if (!found) groups.push_back(h);
  }
  if (groups.size() > 1) {
    r.verdict = Verdict::ambiguous;
    r.candidates = groups;
    std::string which;
    for (const SourceHit& g : groups) {
      const json& rec = record(g);
      std::string p = str(rec, "project");
      which += std::string(which.empty() ? "" : "; ") + (p.empty() ? "goal level" : p) + ": " +
               source_value_label(value(g)) + " at " + location_label(*this, g);
    }
    std::set<std::string> projects;
    for (const SourceHit& g : groups) projects.insert(str(record(g), "project"));
    std::string hint = entry.project.empty() && projects.size() > 1 ? "; give the project to choose"
                       : entry.year.empty()                         ? "; give the year to choose"
                                                                    : "";
    r.reason = std::to_string(groups.size()) + " source values for '" + entry.indicator + "' " + entry.role +
               (entry.year.empty() ? "" : " " + entry.year) + hint + ": " + which;
    return r;
  }
  r.source = groups.front();
  for (const SourceHit& h : hits)
    if (!(h == groups.front())) r.also.push_back(h);
  if (loose)
    r.reason = "indicator matched loosely: entered '" + entry.indicator + "', source '" + str(record(*r.source), "indicator") + "'";
  if (best_tier == 2)
    r.reason += std::string(r.reason.empty() ? "" : "; ") + "the source value is for " + period_label(value(*r.source));
  if (best_tier == 3 && entry.period)
    r.reason += std::string(r.reason.empty() ? "" : "; ") + "the source gives no year for this value";

  // 6. Compare.
  const json& sv = value(*r.source);
  const NormalizedValue& ev = *r.entered;
  std::string e_status(to_string(ev.status)), s_status = status_of(sv);
  auto snum = number(sv);
  bool equal = false;
  if (e_status == "ok" && s_status == "ok" && ev.value && snum)
    equal = near(*ev.value, *snum);
  else if (e_status != "ok" && e_status == s_status)
    equal = e_status != "text" || normalize_text(ev.raw) == normalize_text(str(sv, "raw"));
  if (equal) {
    r.verdict = Verdict::match;
    std::string su = str(sv, "unit");
    if (!ev.unit.empty() && !su.empty() && ev.unit != su)
      r.reason += std::string(r.reason.empty() ? "" : "; ") + "units differ: entered " + ev.unit + ", source " + su;
    return r;
  }
  r.verdict = Verdict::mismatch;
  if (e_status != "ok" || !ev.value) {
    if (s_status == "ok")
      r.diagnosis = Diagnosis{"status", "entered '" + ev.raw + "' (" + e_status + ") where the source has a number", {}};
    return r;
  }
  double e = *ev.value;
  if (snum) {
    if (auto d = diagnose_numbers(e, *snum); d && (d->kind.rfind("sign", 0) == 0 || d->kind.rfind("factor", 0) == 0)) {
      r.diagnosis = d;
      return r;
    }
  }
  // The value of another year or role of the same row.
  const json& values = values_of(record(*r.source));
  for (size_t v = 0; v < values.size(); ++v) {
    if (int(v) == r.source->value) continue;
    auto n = number(values[v]);
    if (!n || !near(e, *n)) continue;
    SourceHit other{r.source->doc, r.source->record, int(v)};
    bool same_role = str(values[v], "role") == entry.role;
    r.diagnosis = Diagnosis{same_role ? "other_year" : "other_role",
                            std::string("value of another ") + (same_role ? "year" : "role") + ": " +
                                role_ja(str(values[v], "role")) + " " + period_label(values[v]) + " is " +
                                str(values[v], "raw"),
                            other};
    return r;
  }
  if (auto it = sv.find("cumulative"); it != sv.end() && it->is_number() && near(e, it->get<double>())) {
    r.diagnosis = Diagnosis{"cumulative_total", "the running total (累計/通算) was entered, not the value", {}};
    return r;
  }
  if (snum) r.diagnosis = diagnose_numbers(e, *snum);
  if (!snum && s_status != "ok")
    r.diagnosis = Diagnosis{"status", "the source has no number here: " + s_status + " (" + str(sv, "raw") + ")", {}};
  return r;
}

std::string entry_label(const Entry& e) {
  std::string s = e.indicator + " " + e.role;
  if (!e.year.empty()) s += " " + e.year;
  if (!e.project.empty()) s = e.project + " / " + s;
  return s;
}

std::string readable_number(double v) {
  std::string s = format_number(v);
  size_t start = s[0] == '-' ? 1 : 0;
  size_t dot = s.find('.');
  std::string int_part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
  return s.substr(0, start) + with_commas(int_part) + (dot == std::string::npos ? "" : s.substr(dot));
}

std::string source_value_label(const json& v) {
  auto n = number(v);
  std::string raw = str(v, "raw");
  std::string head = n ? readable_number(*n) : status_of(v);
  std::string unit = str(v, "unit");
  if (n && !unit.empty()) head += " " + unit;
  return raw.empty() ? head : head + " (" + raw + ")";
}

std::string location_label(const Matcher& m, const SourceHit& h) {
  const SourceDocument& d = m.document(h);
  const json& v = m.value(h);
  json src = v.contains("source") ? v["source"] : m.record(h).value("source", json::object());
  if (src.contains("line")) return d.file + " line " + std::to_string(src["line"].get<int>());
  return d.file + " p. " + std::to_string(src.value("page", 1));
}

namespace {

json hit_json(const Matcher& m, const SourceHit& h) {
  const json& rec = m.record(h);
  const json& v = m.value(h);
  const SourceDocument& d = m.document(h);
  json j;
  j["value"] = v.value("value", json(nullptr));
  j["raw"] = str(v, "raw");
  j["unit"] = str(v, "unit");
  j["status"] = status_of(v);
  j["role"] = str(v, "role");
  if (v.contains("period")) j["period"] = v["period"];
  j["indicator"] = str(rec, "indicator");
  j["project"] = rec.value("project", json(nullptr));
  j["document"] = d.file;
  j["path"] = d.path;
  json vs = v.value("source", json::object()), rs = rec.value("source", json::object());
  j["page"] = vs.contains("page") ? vs["page"] : rs.value("page", json(nullptr));
  if (vs.contains("bbox")) j["box"] = vs["bbox"];
  else if (rs.contains("bbox")) j["box"] = rs["bbox"];
  if (rs.contains("bbox")) j["row_box"] = rs["bbox"];
  if (vs.contains("line")) j["line"] = vs["line"];
  else if (rs.contains("line")) j["line"] = rs["line"];
  return j;
}

}  // namespace

json result_to_json(const CheckResult& r, const Matcher& m) {
  const Entry& e = r.entry;
  json j;
  j["line"] = e.line;
  j["verdict"] = std::string(to_string(r.verdict));
  json entered = {{"municipality", e.municipality}, {"project", e.project}, {"indicator", e.indicator},
                  {"role", e.role.empty() ? e.role_text : e.role}, {"year", e.year}, {"text", e.value}, {"unit", e.unit}};
  if (e.period) entered["period"] = e.period->to_json();
  if (r.entered) {
    entered["value"] = r.entered->value ? json(*r.entered->value) : json(nullptr);
    entered["status"] = std::string(to_string(r.entered->status));
    entered["normalized_unit"] = r.entered->unit;
  }
  j["entered"] = entered;
  j["source"] = r.source ? hit_json(m, *r.source) : json(nullptr);
  if (r.diagnosis) {
    json d = {{"kind", r.diagnosis->kind}, {"text", r.diagnosis->text}};
    if (r.diagnosis->other) d["other"] = hit_json(m, *r.diagnosis->other);
    j["diagnosis"] = d;
  } else {
    j["diagnosis"] = nullptr;
  }
  if (!r.candidates.empty()) {
    j["candidates"] = json::array();
    for (const SourceHit& h : r.candidates) j["candidates"].push_back(hit_json(m, h));
  }
  if (!r.also.empty()) {
    j["also"] = json::array();
    for (const SourceHit& h : r.also) j["also"].push_back(hit_json(m, h));
  }
  if (!r.problem.empty()) j["problem"] = r.problem;
  if (!r.reason.empty()) j["reason"] = r.reason;
  return j;
}

}  // namespace kpix

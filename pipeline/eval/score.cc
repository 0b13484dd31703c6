#include "pipeline/eval/score.h"

#include <cmath>
#include <map>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

std::string str_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string value_key(const nlohmann::json& v) {
  std::string key = str_or_empty(v, "role");
  auto p = v.find("period");
  if (p != v.end() && p->is_object()) key += "|" + std::to_string(p->value("start", 0)) + "-" + std::to_string(p->value("end", 0));
  else key += "|-";
  return key;
}

bool same_value(const nlohmann::json& e, const nlohmann::json& x) {
  if (str_or_empty(e, "status") != str_or_empty(x, "status")) return false;
  if (str_or_empty(e, "status") != "ok") return true;
  auto ev = e.find("value"), xv = x.find("value");
  if (ev == e.end() || xv == x.end() || !ev->is_number() || !xv->is_number()) return false;
  double a = ev->get<double>(), b = xv->get<double>();
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

std::string describe(const nlohmann::json& rec) {
  std::string p = str_or_empty(rec, "project");
  return str_or_empty(rec, "indicator") + (p.empty() ? "" : " [" + p + "]");
}

}  // namespace

std::string indicator_key(const std::string& name) {
  std::string t = strip_list_marker(normalize_text(name));
  std::string out;
  for (char c : t)
    if (c != ' ') out += c;
  return out;
}

Score score_document(const std::vector<nlohmann::json>& expected, const std::vector<nlohmann::json>& extracted) {
  Score s;
  s.expected_records = int(expected.size());
  s.extracted_records = int(extracted.size());
  for (const auto& r : expected) s.expected_values += int(r.value("values", nlohmann::json::array()).size());
  for (const auto& r : extracted) s.extracted_values += int(r.value("values", nlohmann::json::array()).size());

  std::multimap<std::string, size_t> by_indicator;
  for (size_t i = 0; i < extracted.size(); ++i) by_indicator.emplace(indicator_key(str_or_empty(extracted[i], "indicator")), i);
  std::vector<bool> used(extracted.size(), false);

  for (const auto& e : expected) {
    std::string key = indicator_key(str_or_empty(e, "indicator"));
    std::string project = indicator_key(str_or_empty(e, "project"));
    // Candidates with the same indicator; the same project and level are preferred.
    long best = -1;
    int best_rank = -1;
    auto [lo, hi] = by_indicator.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      if (used[it->second]) continue;
      const auto& x = extracted[it->second];
      int rank = (indicator_key(str_or_empty(x, "project")) == project) * 2 +
                 (str_or_empty(x, "level") == str_or_empty(e, "level"));
      if (rank > best_rank) {
        best_rank = rank;
        best = long(it->second);
      }
    }
    if (best < 0) {
      s.misses.push_back("record not found: " + describe(e));
      continue;
    }
    used[size_t(best)] = true;
    const auto& x = extracted[size_t(best)];
    ++s.matched_records;
    if (str_or_empty(e, "unit") == str_or_empty(x, "unit")) ++s.unit_agree;
    else s.misses.push_back("unit of " + describe(e) + ": expected " + str_or_empty(e, "unit") + ", got " + str_or_empty(x, "unit"));
    static const nlohmann::json kNone = nlohmann::json::array();
    const nlohmann::json& xvals = x.contains("values") ? x.at("values") : kNone;
    std::multimap<std::string, const nlohmann::json*> xv;
    for (const auto& v : xvals) xv.emplace(value_key(v), &v);
    for (const auto& v : e.value("values", nlohmann::json::array())) {
      // Of several values with one key (a note's target and a total column
      // both over the plan's years), the one that agrees.
      auto [lo, hi] = xv.equal_range(value_key(v));
      auto it = lo == hi ? xv.end() : lo;
      for (auto k = lo; k != hi; ++k)
        if (same_value(v, *k->second)) {
          it = k;
          break;
        }
      if (it == xv.end()) {
        s.misses.push_back("value not found: " + describe(e) + " " + value_key(v));
        continue;
      }
      ++s.matched_values;
      if (str_or_empty(v, "status") == str_or_empty(*it->second, "status")) ++s.status_agree;
      if (same_value(v, *it->second)) ++s.correct_values;
      else
        s.misses.push_back("wrong value: " + describe(e) + " " + value_key(v) + ": expected " + v.value("value", nlohmann::json()).dump() +
                           " " + str_or_empty(v, "status") + ", got " + it->second->value("value", nlohmann::json()).dump() + " " +
                           str_or_empty(*it->second, "status") + " (raw " + str_or_empty(*it->second, "raw") + ")");
      xv.erase(it);
    }
  }
  for (size_t i = 0; i < extracted.size(); ++i)
    if (!used[i]) s.misses.push_back("extra record: " + describe(extracted[i]));
  return s;
}

}  // namespace kpix

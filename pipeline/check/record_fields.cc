#include "pipeline/check/record_fields.h"

#include <algorithm>
#include <cmath>

#include "parsers/normalize/roles.h"

namespace kpix::record_fields {

using nlohmann::json;

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

bool has_qualifier(const json& v, std::string_view q) {
  auto it = v.find("qualifiers");
  if (it == v.end() || !it->is_array()) return false;
  for (const json& x : *it)
    if (x.is_string() && x.get_ref<const std::string&>() == q) return true;
  return false;
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
  std::optional<Role> r = role_from_string(role);
  if (!r) return role;
  return role + " (" + std::string(role_word_ja(*r)) + ")";
}

}  // namespace kpix::record_fields

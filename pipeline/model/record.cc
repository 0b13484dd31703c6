#include "pipeline/model/record.h"

#include <cmath>

namespace kpix {
namespace {

double round1(double v) { return std::round(v * 10) / 10; }

}  // namespace

nlohmann::json SourceRef::to_json() const {
  nlohmann::json j{{"page", page}};
  if (bbox) j["bbox"] = {round1(bbox->x0), round1(bbox->y0), round1(bbox->x1), round1(bbox->y1)};
  if (line > 0) j["line"] = line;
  return j;
}

nlohmann::json RecordValue::to_json() const {
  nlohmann::json j{{"role", std::string(to_string(role))}};
  if (period) j["period"] = period->to_json();
  j["raw"] = v.raw;
  j["value"] = v.value ? nlohmann::json(*v.value) : nlohmann::json(nullptr);
  j["unit"] = v.unit;
  j["status"] = std::string(to_string(v.status));
  j["qualifiers"] = v.qualifiers;
  if (v.cumulative) j["cumulative"] = *v.cumulative;
  if (v.as_of) j["as_of"] = *v.as_of;
  j["source"] = source.to_json();
  return j;
}

nlohmann::json KpiRecord::to_json() const {
  nlohmann::json j;
  j["schema"] = "kpix/kpi-record/1";
  j["municipality"] = {{"name", municipality_name ? nlohmann::json(*municipality_name) : nlohmann::json(nullptr)},
                       {"code", municipality_code ? nlohmann::json(*municipality_code) : nlohmann::json(nullptr)}};
  j["document"] = {{"file", document_file},
                   {"sha256", document_sha256},
                   {"date", document_date ? nlohmann::json(*document_date) : nlohmann::json(nullptr)},
                   {"title", document_title}};
  if (goal_number) j["goal"] = {{"number", *goal_number}, {"title", goal_title}};
  j["level"] = level;
  j["project"] = project ? nlohmann::json(*project) : nlohmann::json(nullptr);
  j["indicator"] = indicator;
  j["unit"] = unit;
  if (indicator_concept) {
    j["concept"] = {{"id", indicator_concept->id}};
    if (!indicator_concept->qualifiers.empty()) j["concept"]["qualifiers"] = indicator_concept->qualifiers;
  }
  if (!section.empty()) j["section"] = section;
  if (!qualifiers.empty()) j["qualifiers"] = qualifiers;
  if (shared_with) j["shared_with"] = *shared_with;
  j["values"] = nlohmann::json::array();
  for (const RecordValue& v : values) j["values"].push_back(v.to_json());
  j["source"] = source.to_json();
  j["warnings"] = warnings;
  return j;
}

}  // namespace kpix

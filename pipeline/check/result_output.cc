// A check result for people (entry_label, source_value_label, location_label:
// the pieces of `kpix check`'s lines and report) and for `--json`
// (result_to_json). See matcher.h.
#include "pipeline/check/matcher.h"
#include "pipeline/check/record_fields.h"
#include "parsers/normalize/roles.h"

namespace kpix {
namespace {

using nlohmann::json;
using record_fields::number;
using record_fields::status_of;
using record_fields::str;

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

std::string entry_role_label(const Entry& e) {
  if (!e.role) return e.estimate ? "estimate (見込)" : "";
  std::string role(to_string(*e.role));
  if (!e.estimate) return role;
  return role + " estimate (" + std::string(role_word_ja(*e.role)) + "見込)";
}

std::string entry_label(const Entry& e) {
  std::string s = e.indicator + " " + entry_role_label(e);
  if (!e.year.empty()) s += " " + e.year;
  if (!e.project.empty()) s = e.project + " / " + s;
  return s;
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

json result_to_json(const CheckResult& r, const Matcher& m) {
  const Entry& e = r.entry;
  json j;
  j["line"] = e.line;
  j["verdict"] = std::string(to_string(r.verdict));
  json entered = {{"municipality", e.municipality}, {"project", e.project}, {"indicator", e.indicator},
                  {"role", e.role ? std::string(to_string(*e.role)) : e.estimate ? "" : e.role_text}, {"year", e.year}, {"text", e.value}, {"unit", e.unit}};
  if (e.estimate) entered["estimate"] = true;
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

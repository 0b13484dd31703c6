#include "pipeline/dataset/diff_format.h"

#include <sstream>

namespace kpix {
namespace {

using nlohmann::json;

std::string str(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string number(double x) {
  std::ostringstream os;
  os.precision(12);
  os << x;
  return os.str();
}

std::string period_text(const json& v) {
  auto it = v.find("period");
  if (it == v.end() || !it->is_object()) return "(no period)";
  int s = it->value("start", 0), e = it->value("end", 0);
  std::string t = s == e ? std::to_string(s) : std::to_string(s) + "–" + std::to_string(e);
  std::string agg = str(*it, "agg");
  return agg.empty() ? t : t + " " + agg;
}

// `2022 ▲389人`: the period and the value as printed.
std::string value_text(const json& v) {
  if (v.is_null()) return "—";
  std::string raw = str(v, "raw");
  if (raw.empty() && v.contains("value") && v["value"].is_number()) raw = number(v["value"].get<double>());
  return period_text(v) + " " + (raw.empty() ? "(" + str(v, "status") + ")" : raw);
}

std::string kpi_text(const json& r) {
  std::string s = str(r, "indicator");
  if (!str(r, "unit").empty()) s += " [" + str(r, "unit") + "]";
  if (!str(r, "project").empty()) s += " " + str(r, "project");
  else if (r.contains("goal") && r["goal"].is_object()) s += " (goal " + std::to_string(r["goal"].value("number", 0)) + ")";
  if (str(r, "level") == "statistic") s += " (statistic)";
  return s;
}

std::string where(const json& value, const json& record) {
  if (!value.is_null() && value.contains("source")) return source_text(value["source"]);
  if (!record.is_null() && record.contains("source")) return source_text(record["source"]);
  return "—";
}

std::string change_line(const DiffEntry& e) {
  std::string label = e.kind == "new_actual"   ? "new actual"
                      : e.kind == "restated"   ? "restated " + std::string(e.what ? to_string(*e.what) : "")
                                               : "target revised";
  std::string what = e.kind == "new_actual" ? value_text(e.new_value)
                                            : value_text(e.old_value) + " → " + value_text(e.new_value);
  std::string line = "    " + label + std::string(label.size() < 18 ? 18 - label.size() : 1, ' ') + what;
  if (!e.note.empty()) line += "  (" + e.note + ")";
  line += "\n" + std::string(22, ' ') + "old: " + (e.old_value.is_null() ? "—" : where(e.old_value, e.old_record)) +
          " · new: " + (e.new_value.is_null() ? "—" : where(e.new_value, e.new_record)) + "\n";
  return line;
}

json doc_json(const DiffDocument& d) { return {{"file", d.file}, {"sha256", d.sha256}, {"date", d.date}}; }

json kpi_json(const json& r) {
  if (r.is_null()) return nullptr;
  json k = {{"indicator", r.value("indicator", "")}, {"project", r.value("project", json())},
            {"unit", r.value("unit", "")}, {"level", r.value("level", "")}, {"source", r.value("source", json())}};
  if (r.contains("goal")) k["goal"] = r["goal"];
  if (r.contains("concept")) k["concept"] = r["concept"];
  return k;
}

}  // namespace

std::string source_text(const json& src) {
  if (!src.is_object()) return "—";
  if (src.contains("line")) return "line " + std::to_string(src["line"].get<int>());
  std::string s = "p. " + std::to_string(src.value("page", 0));
  if (src.contains("bbox") && src["bbox"].is_array()) {
    s += " [";
    for (size_t i = 0; i < src["bbox"].size(); ++i) s += (i ? " " : "") + number(src["bbox"][i].get<double>());
    s += "]";
  }
  return s;
}

std::string diff_text(const EditionDiff& d, const DiffDocument& o, const DiffDocument& n) {
  std::string out = o.file + " (" + o.date + ") → " + n.file + " (" + n.date + ")\n" + diff_counts(d) + "\n";
  std::string added, dropped;
  for (const DiffEntry& e : d.entries) {
    if (e.kind == "shared") {
      out += "\n= " + kpi_text(e.new_record) + (e.note.empty() ? "" : "  (" + e.note + ")") + "\n";
    } else if (e.kind == "kpi_added") {
      added += "  + " + kpi_text(e.new_record) + "  new: " + where(nullptr, e.new_record) + "\n";
    } else if (e.kind == "kpi_dropped") {
      dropped += "  - " + kpi_text(e.old_record) + "  old: " + where(nullptr, e.old_record) + "\n";
    } else {
      out += change_line(e);
    }
  }
  if (!added.empty()) out += "\nKPIs added (" + std::to_string(d.added) + ")\n" + added;
  if (!dropped.empty()) out += "\nKPIs dropped (" + std::to_string(d.dropped) + ")\n" + dropped;
  return out;
}

std::string diff_jsonl(const EditionDiff& d, const DiffDocument& o, const DiffDocument& n) {
  std::string out;
  for (const DiffEntry& e : d.entries) {
    json j = {{"kind", e.kind}, {"old_document", doc_json(o)}, {"new_document", doc_json(n)},
              {"old", kpi_json(e.old_record)}, {"new", kpi_json(e.new_record)}};
    if (e.what) j["what"] = std::string(to_string(*e.what));
    if (!e.old_value.is_null()) j["old_value"] = e.old_value;
    if (!e.new_value.is_null()) j["new_value"] = e.new_value;
    if (!e.note.empty()) j["note"] = e.note;
    out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace kpix

#include "pipeline/output/record_writers.h"

#include <cstdlib>
#include <sstream>

namespace kpix {
namespace {

std::string str(const nlohmann::json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_float()) {
    std::ostringstream os;
    os.precision(15);
    os << j.get<double>();
    return os.str();
  }
  return j.dump();
}

const nlohmann::json& at(const nlohmann::json& j, const char* key) {
  static const nlohmann::json null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

// A whole field that is a plain number: a spreadsheet reads it as one, so a
// leading sign is no formula.
bool is_number(const std::string& s) {
  if (s.empty() || s.find_first_of(" \t\r\n") != std::string::npos) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

// = + - @ start a formula in Excel, LibreOffice and Google Sheets; tab and CR
// are read past before one. A lone sign is no formula.
bool starts_a_formula(const std::string& s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return false;
  if (s.size() == 1 && (s[0] == '-' || s[0] == '+')) return false;
  return !is_number(s);
}

}  // namespace

std::string jsonl_line(const nlohmann::json& record) {
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string csv_field(const std::string& text, bool for_excel) {
  const std::string s = for_excel && starts_a_formula(text) ? "'" + text : text;
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "municipality_code", "municipality", "document", "document_date", "goal", "level", "project", "indicator",
      "unit", "role", "period_start", "period_end", "basis", "agg", "raw", "value", "value_unit", "status",
      "qualifiers", "cumulative", "page", "bbox", "line", "concept", "concept_qualifiers", "as_of"};
  return columns;
}

std::string csv_header() {
  std::string out;
  for (const std::string& c : csv_columns()) out += (out.empty() ? "" : ",") + c;
  return out + "\n";
}

std::vector<std::vector<std::string>> value_fields(const nlohmann::json& r) {
  std::vector<std::vector<std::string>> out;
  const auto& muni = at(r, "municipality");
  const auto& doc = at(r, "document");
  std::string goal = at(r, "goal").is_object() ? str(at(at(r, "goal"), "number")) : "";
  const auto& concept_ = at(r, "concept");
  std::string concept_quals;
  for (const auto& q : at(concept_, "qualifiers")) concept_quals += (concept_quals.empty() ? "" : ";") + q.get<std::string>();
  for (const auto& v : at(r, "values")) {
    const auto& p = at(v, "period");
    const auto& src = at(v, "source");
    std::string quals;
    for (const auto& q : at(v, "qualifiers")) quals += (quals.empty() ? "" : ";") + q.get<std::string>();
    std::string bbox;
    if (at(src, "bbox").is_array())
      for (const auto& x : at(src, "bbox")) bbox += (bbox.empty() ? "" : " ") + str(x);
    out.push_back({str(at(muni, "code")), str(at(muni, "name")), str(at(doc, "file")), str(at(doc, "date")), goal,
                   str(at(r, "level")), str(at(r, "project")), str(at(r, "indicator")), str(at(r, "unit")),
                   str(at(v, "role")), p.is_object() ? str(at(p, "start")) : "", p.is_object() ? str(at(p, "end")) : "",
                   p.is_object() ? str(at(p, "basis")) : "", p.is_object() ? str(at(p, "agg")) : "", str(at(v, "raw")),
                   str(at(v, "value")), str(at(v, "unit")), str(at(v, "status")), quals, str(at(v, "cumulative")),
                   str(at(src, "page")), bbox, str(at(src, "line")), str(at(concept_, "id")), concept_quals,
                   str(at(v, "as_of"))});
  }
  return out;
}

std::string csv_rows(const nlohmann::json& r, bool for_excel) {
  std::string out;
  for (const std::vector<std::string>& fields : value_fields(r)) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i], for_excel);
    out += for_excel ? "\r\n" : "\n";
  }
  return out;
}

}  // namespace kpix

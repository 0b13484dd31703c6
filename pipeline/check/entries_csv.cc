#include "pipeline/check/entries_csv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "parsers/normalize/text.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  size_t a = s.find_first_not_of(ws);
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(ws);
  std::string out(s.substr(a, b - a + 1));
  // Ideographic spaces (U+3000) at either end, as typed in Japanese cells.
  const std::string ideo = "\xE3\x80\x80";
  while (out.size() >= 3 && out.compare(0, 3, ideo) == 0) out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, ideo) == 0) out.erase(out.size() - 3);
  return out;
}

// Header names and role words compared after width folding, lower case, no spaces.
std::string fold(std::string_view s) {
  std::string t = normalize_text(s);
  std::string out;
  for (char c : t)
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum Column { kMunicipality, kProject, kIndicator, kRole, kYear, kValue, kUnit, kColumns };

const char* kColumnNames[kColumns] = {"municipality/自治体", "project/事業名", "indicator/指標", "role/区分",
                                      "year/年度", "value/値", "unit/単位"};

int column_of(const std::string& header) {
  static const std::map<std::string, int> names = {
      {"municipality", kMunicipality}, {"自治体", kMunicipality}, {"自治体名", kMunicipality},
      {"市町村", kMunicipality}, {"市町村名", kMunicipality}, {"project", kProject}, {"事業名", kProject},
      {"事業", kProject}, {"施策", kProject}, {"施策名", kProject}, {"indicator", kIndicator}, {"指標", kIndicator},
      {"指標名", kIndicator}, {"kpi", kIndicator}, {"role", kRole}, {"区分", kRole}, {"種別", kRole},
      {"year", kYear}, {"年度", kYear}, {"年", kYear}, {"value", kValue}, {"値", kValue}, {"数値", kValue},
      {"unit", kUnit}, {"単位", kUnit}};
  auto it = names.find(fold(header));
  return it == names.end() ? -1 : it->second;
}

using ColumnPositions = std::array<int, kColumns>;  // field index of each column, -1 when absent

// Where each column is in the header; the first of two same-named ones counts.
// Throws InputError when a required column is missing.
ColumnPositions locate_columns(const CsvRow& header, const std::string& file) {
  ColumnPositions pos;
  pos.fill(-1);
  for (size_t c = 0; c < header.fields.size(); ++c) {
    int col = column_of(trim(header.fields[c]));
    if (col >= 0 && pos[col] < 0) pos[col] = int(c);
  }
  std::string missing;
  for (int col : {kIndicator, kRole, kYear, kValue})
    if (pos[col] < 0) missing += std::string(missing.empty() ? "" : ", ") + kColumnNames[col];
  if (!missing.empty())
    throw InputError(file, "line " + std::to_string(header.line) + ": the header has no column " + missing +
                               " (columns: municipality/自治体, project/事業名, indicator/指標, role/区分, year/年度, "
                               "value/値, unit/単位)");
  return pos;
}

// The entry of a data row. nullopt with `problem` set for a malformed row, and
// with `problem` empty for a row of empty cells, as spreadsheets leave them.
std::optional<Entry> read_entry(const CsvRow& row, size_t header_fields, const ColumnPositions& pos,
                                std::string& problem) {
  if (!row.error.empty()) {
    problem = row.error;
    return std::nullopt;
  }
  for (size_t c = header_fields; c < row.fields.size(); ++c) {
    if (!trim(row.fields[c]).empty()) {
      problem = std::to_string(row.fields.size()) + " fields, but the header has " + std::to_string(header_fields);
      return std::nullopt;
    }
  }
  if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return trim(f).empty(); }))
    return std::nullopt;
  auto get = [&](int col) {
    return pos[col] >= 0 && size_t(pos[col]) < row.fields.size() ? trim(row.fields[size_t(pos[col])]) : std::string();
  };
  Entry e;
  e.line = row.line;
  e.municipality = get(kMunicipality);
  e.project = get(kProject);
  e.indicator = get(kIndicator);
  e.role_text = get(kRole);
  e.year = get(kYear);
  e.value = get(kValue);
  e.unit = get(kUnit);
  if (e.indicator.empty()) {
    problem = "no indicator";
    return std::nullopt;
  }
  e.role = canonical_role(e.role_text);
  if (e.role.empty()) {
    problem = e.role_text.empty() ? "no role (baseline/基準値, actual/実績, target/目標)"
                                  : "role '" + e.role_text + "' is none of baseline/基準値, actual/実績, target/目標, achievement/達成状況";
    return std::nullopt;
  }
  if (!e.year.empty()) {
    e.period = normalize_period(normalize_text(e.year));
    if (!e.period) {
      problem = "year '" + e.year + "' cannot be read (2022, R4, 令和4年度)";
      return std::nullopt;
    }
  }
  if (e.value.empty()) {
    problem = "no value";
    return std::nullopt;
  }
  return e;
}

}  // namespace

std::string canonical_role(std::string_view typed) {
  static const std::map<std::string, std::string> roles = {
      {"baseline", "baseline"}, {"base", "baseline"},      {"基準値", "baseline"}, {"基準", "baseline"},
      {"現状値", "baseline"},   {"actual", "actual"},      {"実績", "actual"},     {"実績値", "actual"},
      {"target", "target"},     {"目標", "target"},        {"目標値", "target"},   {"achievement", "achievement"},
      {"達成状況", "achievement"}, {"達成率", "achievement"}, {"達成度", "achievement"}};
  auto it = roles.find(fold(typed));
  return it == roles.end() ? "" : it->second;
}

EntriesFile parse_entries(std::string_view utf8, const std::string& file) {
  EntriesFile out;
  std::vector<CsvRow> rows = parse_csv(utf8);
  if (rows.empty()) throw InputError(file, "empty: no header line");
  const CsvRow& header = rows.front();
  if (!header.error.empty()) throw InputError(file, "line " + std::to_string(header.line) + ": header: " + header.error);
  ColumnPositions pos = locate_columns(header, file);
  for (size_t r = 1; r < rows.size(); ++r) {
    std::string problem;
    if (std::optional<Entry> e = read_entry(rows[r], header.fields.size(), pos, problem))
      out.entries.push_back(std::move(*e));
    else if (!problem.empty())
      out.problems.push_back({rows[r].line, problem});
  }
  return out;
}

EntriesFile read_entries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot be read");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "cannot be read");
  std::string encoding;
  std::string text = decode_entries_bytes(bytes, path, encoding);
  EntriesFile out = parse_entries(text, path);
  out.encoding = encoding;
  return out;
}

}  // namespace kpix

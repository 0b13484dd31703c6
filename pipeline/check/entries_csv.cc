#include "pipeline/check/entries_csv.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "parsers/normalize/text.h"
#include "parsers/normalize/roles.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

using Col = EntriesReader::Column;

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

// Header names compared after width folding, lower case, no spaces.
std::string fold(std::string_view s) {
  std::string t = normalize_text(s);
  std::string out;
  for (char c : t)
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* kColumnNames[Col::kColumns] = {"municipality/自治体", "project/事業名", "indicator/指標", "role/区分",
                                           "year/年度",           "value/値",      "unit/単位",      "qualifier/補足"};
const char* kColumnList =
    "municipality/自治体, project/事業名, indicator/指標, role/区分, year/年度, value/値, unit/単位, qualifier/補足";

int column_of(const std::string& header) {
  static const std::map<std::string, int> names = {
      {"municipality", Col::kMunicipality}, {"自治体", Col::kMunicipality}, {"自治体名", Col::kMunicipality},
      {"市町村", Col::kMunicipality},      {"市町村名", Col::kMunicipality}, {"project", Col::kProject},
      {"事業名", Col::kProject},           {"事業", Col::kProject},         {"施策", Col::kProject},
      {"施策名", Col::kProject},           {"indicator", Col::kIndicator},  {"指標", Col::kIndicator},
      {"指標名", Col::kIndicator},         {"kpi", Col::kIndicator},        {"role", Col::kRole},
      {"区分", Col::kRole},                {"種別", Col::kRole},            {"year", Col::kYear},
      {"年度", Col::kYear},                {"年", Col::kYear},              {"value", Col::kValue},
      {"値", Col::kValue},                 {"数値", Col::kValue},           {"unit", Col::kUnit},
      {"単位", Col::kUnit},                {"qualifier", Col::kQualifier},  {"補足", Col::kQualifier},
      {"注記", Col::kQualifier}};
  auto it = names.find(fold(header));
  return it == names.end() ? -1 : it->second;
}

// Where each column is in the header; the first of two same-named ones counts.
// Throws InputError when a required column is missing: indicator and value,
// and role or year (one column may give both: `R4実績`).
std::array<int, Col::kColumns> locate_columns(const CsvRow& header, const std::string& file) {
  std::array<int, Col::kColumns> pos;
  pos.fill(-1);
  for (size_t c = 0; c < header.fields.size(); ++c) {
    int col = column_of(trim(header.fields[c]));
    if (col >= 0 && pos[size_t(col)] < 0) pos[size_t(col)] = int(c);
  }
  std::string missing;
  auto need = [&](const std::string& name) { missing += (missing.empty() ? "" : ", ") + name; };
  if (pos[Col::kIndicator] < 0) need(kColumnNames[Col::kIndicator]);
  if (pos[Col::kRole] < 0 && pos[Col::kYear] < 0)
    need(std::string(kColumnNames[Col::kRole]) + " or " + kColumnNames[Col::kYear]);
  if (pos[Col::kValue] < 0) need(kColumnNames[Col::kValue]);
  if (!missing.empty())
    throw InputError(file, "line " + std::to_string(header.line) + ": the header has no column " + missing +
                               " (columns: " + kColumnList + ")");
  return pos;
}

// Role, estimate and year from the role, year and qualifier columns, each of
// which may say any of them; "" or what is wrong.
std::string read_role_and_year(Entry& e, const std::string& qualifier) {
  RoleWords words;
  const char* role_from = nullptr;
  auto take_words = [&](const RoleWords& w, const char* column) -> std::string {
    if (w.role) {
      if (words.role && words.role != w.role)
        return std::string("the ") + role_from + " column says " + std::string(role_word_ja(*words.role)) +
               " but the " + column + " column says " + std::string(role_word_ja(*w.role));
      words.role = w.role;
      role_from = column;
    }
    words.estimate = words.estimate || w.estimate;
    return "";
  };
  std::string year_part;
  if (!e.role_text.empty()) {
    auto label = read_role_label(e.role_text);
    if (!label)
      return "role '" + e.role_text + "' is none of " + std::string(role_words_hint()) +
             " (nor a header form such as R4実績, H30基準)";
    if (label->words)
      if (std::string p = take_words(*label->words, "role"); !p.empty()) return p;
    if (label->period) {
      e.period = label->period;
      year_part = label->year_text;
    }
  }
  if (!e.year.empty()) {
    auto label = read_role_label(e.year);
    if (!label) return "year '" + e.year + "' cannot be read (2022, R4, 令和4年度, R4実績)";
    if (label->words)
      if (std::string p = take_words(*label->words, "year"); !p.empty()) return p;
    if (label->period) {
      if (e.period && (e.period->start != label->period->start || e.period->end != label->period->end))
        return "two years: '" + year_part + "' in the role column, '" + e.year + "' in the year column";
      e.period = label->period;
      if (label->words) e.year = label->year_text;  // `R4` of `R4実績`
    } else {
      e.year.clear();  // the year column held role words only
    }
  }
  if (e.year.empty() && e.period) e.year = year_part;
  if (!qualifier.empty()) {
    auto w = read_role_words(qualifier);
    if (!w) return "qualifier '" + qualifier + "' is not 見込/estimate";
    if (std::string p = take_words(*w, "qualifier"); !p.empty()) return p;
  }
  e.role = words.role;
  e.estimate = words.estimate;
  if (!e.role && !e.estimate)
    return e.role_text.empty() && e.year.empty() ? "no role (" + std::string(role_words_hint()) + ")"
                                                 : "no role in '" + e.role_text + (e.role_text.empty() ? "" : " ") +
                                                       e.year + "' (" + std::string(role_words_hint()) + ")";
  return "";
}

// The entry of a data row, with `problem` set when the row is malformed;
// nullopt for a row of empty cells.
std::optional<EntryLine> read_entry(const CsvRow& row, size_t header_fields, const std::array<int, Col::kColumns>& pos) {
  EntryLine out;
  Entry& e = out.entry;
  e.line = row.line;
  if (!row.error.empty()) {
    out.problem = row.error;
    return out;
  }
  if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return trim(f).empty(); }))
    return std::nullopt;
  auto get = [&](int col) {
    int at = pos[size_t(col)];
    return at >= 0 && size_t(at) < row.fields.size() ? trim(row.fields[size_t(at)]) : std::string();
  };
  e.municipality = get(Col::kMunicipality);
  e.project = get(Col::kProject);
  e.indicator = get(Col::kIndicator);
  e.role_text = get(Col::kRole);
  e.year = get(Col::kYear);
  e.value = get(Col::kValue);
  e.unit = get(Col::kUnit);
  for (size_t c = header_fields; c < row.fields.size(); ++c) {
    if (!trim(row.fields[c]).empty()) {
      out.problem = std::to_string(row.fields.size()) + " fields, but the header has " + std::to_string(header_fields);
      return out;
    }
  }
  if (e.indicator.empty()) {
    out.problem = "no indicator";
    return out;
  }
  out.problem = read_role_and_year(e, get(Col::kQualifier));
  if (out.problem.empty() && e.value.empty()) out.problem = "no value";
  return out;
}

}  // namespace

EntriesReader::EntriesReader(std::istream& in, const std::string& file)
    : decoder_(std::make_unique<EntriesDecoder>(in, file)),
      rows_(std::make_unique<CsvStream>([d = decoder_.get()](std::string& more) { return d->next(more); })) {
  std::optional<CsvRow> header = rows_->next();
  if (!header) throw InputError(file, "empty: no header line");
  if (!header->error.empty()) throw InputError(file, "line " + std::to_string(header->line) + ": header: " + header->error);
  columns_ = locate_columns(*header, file);
  header_fields_ = header->fields.size();
}

EntriesReader::~EntriesReader() = default;

std::optional<EntryLine> EntriesReader::next() {
  while (std::optional<CsvRow> row = rows_->next())
    if (std::optional<EntryLine> line = read_entry(*row, header_fields_, columns_)) return line;
  return std::nullopt;
}

EntriesFile parse_entries(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  EntriesReader reader(in, file);
  EntriesFile out;
  while (std::optional<EntryLine> line = reader.next()) {
    if (line->problem.empty())
      out.entries.push_back(std::move(line->entry));
    else
      out.problems.push_back({line->entry.line, line->problem});
  }
  out.encoding = reader.encoding();
  return out;
}

}  // namespace kpix

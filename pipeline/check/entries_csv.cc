#include "pipeline/check/entries_csv.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "parsers/normalize/text.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are rejected).
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned int cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Offset of the first byte that is not valid UTF-8, or npos.
size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

int line_of_offset(std::string_view s, size_t off) {
  return 1 + int(std::count(s.begin(), s.begin() + std::min(off, s.size()), '\n'));
}

// Strict conversion through an ICU converter: nullopt at the first byte
// sequence the codepage does not define.
std::optional<std::string> convert_strict(std::string_view bytes, const char* codepage) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(codepage, &status), &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::u16string out(bytes.size() + 1, u'\0');  // a double-byte codepage never yields more UTF-16 units than bytes
  int32_t n = ucnv_toUChars(conv.get(), out.data(), int32_t(out.size()), bytes.data(), int32_t(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string utf8;
  icu::UnicodeString(false, out.data(), n).toUTF8String(utf8);
  return utf8;
}

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

char sniff_delimiter(std::string_view text) {
  std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  size_t commas = std::count(first.begin(), first.end(), ','), tabs = std::count(first.begin(), first.end(), '\t');
  return tabs > commas ? '\t' : ',';
}

std::vector<CsvRow> parse_csv_with(std::string_view s, char delim) {
  std::vector<CsvRow> rows;
  size_t i = 0;
  int line = 1;
  auto at_line_end = [&](size_t k) { return k >= s.size() || s[k] == '\n' || s[k] == '\r'; };
  auto skip_line_end = [&](size_t& k, int& ln) {
    if (k < s.size() && s[k] == '\r') ++k;
    if (k < s.size() && s[k] == '\n') ++k;
    ++ln;
  };
  while (i < s.size()) {
    if (s[i] == '\r' || s[i] == '\n') {  // blank line
      skip_line_end(i, line);
      continue;
    }
    CsvRow row;
    row.line = line;
    size_t row_start = i;
    int ln = line;
    size_t k = i;
    std::string field;
    bool done = false;
    while (!done) {
      field.clear();
      if (k < s.size() && s[k] == '"') {
        ++k;
        bool closed = false;
        while (k < s.size()) {
          if (s[k] == '"') {
            if (k + 1 < s.size() && s[k + 1] == '"') {
              field += '"';
              k += 2;
              continue;
            }
            ++k;
            closed = true;
            break;
          }
          if (s[k] == '\n' || (s[k] == '\r' && (k + 1 >= s.size() || s[k + 1] != '\n'))) ++ln;
          field += s[k++];
        }
        if (!closed) {
          // Unterminated quote: report the row and go on with the line after it,
          // so that one stray quote does not swallow the rest of the file.
          row.error = "a quoted field is not closed";
          row.fields.clear();
          size_t e = s.find_first_of("\r\n", row_start);
          k = e == std::string_view::npos ? s.size() : e;
          ln = line;
          skip_line_end(k, ln);
          rows.push_back(row);
          i = k;
          line = ln;
          goto next_row;
        }
        if (!at_line_end(k) && s[k] != delim) {
          if (ln > line) {
            // The quote ran over line ends into other lines and closed in the
            // middle of a field there: a stray quote. Report this line only and
            // go on with the next one.
            row.error = "a quote in field " + std::to_string(row.fields.size() + 1) +
                        " is not closed on this line (it runs into line " + std::to_string(ln) + ")";
            row.fields.clear();
            size_t e = s.find_first_of("\r\n", row_start);
            k = e == std::string_view::npos ? s.size() : e;
            ln = line;
            skip_line_end(k, ln);
            rows.push_back(row);
            i = k;
            line = ln;
            goto next_row;
          }
          row.error = "text after the closing quote of field " + std::to_string(row.fields.size() + 1);
          while (!at_line_end(k)) ++k;
        }
      } else {
        while (!at_line_end(k) && s[k] != delim) field += s[k++];
      }
      row.fields.push_back(field);
      if (k < s.size() && s[k] == delim) {
        ++k;
      } else {
        done = true;
      }
    }
    skip_line_end(k, ln);
    rows.push_back(std::move(row));
    i = k;
    line = ln;
  next_row:;
  }
  return rows;
}

}  // namespace

std::string decode_entries_bytes(std::string_view bytes, const std::string& file, std::string& encoding) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw InputError(file, "UTF-16 text is not supported; save it as CSV (UTF-8) or CSV (Shift_JIS)");
  if (bytes.find('\0') != std::string_view::npos)
    throw InputError(file, "binary data (NUL bytes), not a CSV file in UTF-8 or Shift_JIS");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view rest = bytes.substr(3);
    size_t bad = first_invalid_utf8(rest);
    if (bad != std::string_view::npos)
      throw InputError(file, "starts with a UTF-8 byte order mark but line " + std::to_string(line_of_offset(rest, bad)) +
                                 " is not valid UTF-8");
    encoding = "UTF-8 (BOM)";
    return std::string(rest);
  }
  size_t bad = first_invalid_utf8(bytes);
  if (bad == std::string_view::npos) {
    encoding = "UTF-8";
    return std::string(bytes);
  }
  for (const char* cp : {"windows-31j", "Shift_JIS"}) {
    if (auto utf8 = convert_strict(bytes, cp)) {
      encoding = "Shift_JIS";
      return *utf8;
    }
  }
  throw InputError(file, "neither UTF-8 (invalid byte at line " + std::to_string(line_of_offset(bytes, bad)) +
                             ") nor Shift_JIS/CP932; save it as CSV (UTF-8) or CSV (Shift_JIS)");
}

std::vector<CsvRow> parse_csv(std::string_view utf8) { return parse_csv_with(utf8, sniff_delimiter(utf8)); }

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
  int pos[kColumns];
  std::fill(std::begin(pos), std::end(pos), -1);
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

  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    auto problem = [&](const std::string& m) { out.problems.push_back({row.line, m}); };
    if (!row.error.empty()) {
      problem(row.error);
      continue;
    }
    size_t used = header.fields.size();
    bool extra = false;
    for (size_t c = used; c < row.fields.size(); ++c)
      if (!trim(row.fields[c]).empty()) extra = true;
    if (extra) {
      problem(std::to_string(row.fields.size()) + " fields, but the header has " + std::to_string(used));
      continue;
    }
    auto get = [&](int col) { return pos[col] >= 0 && size_t(pos[col]) < row.fields.size() ? trim(row.fields[pos[col]]) : std::string(); };
    bool all_empty = true;
    for (const auto& f : row.fields)
      if (!trim(f).empty()) all_empty = false;
    if (all_empty) continue;  // a row of empty cells, as spreadsheets leave them

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
      problem("no indicator");
      continue;
    }
    e.role = canonical_role(e.role_text);
    if (e.role.empty()) {
      problem(e.role_text.empty() ? "no role (baseline/基準値, actual/実績, target/目標)"
                                  : "role '" + e.role_text + "' is none of baseline/基準値, actual/実績, target/目標, achievement/達成状況");
      continue;
    }
    if (!e.year.empty()) {
      std::string y = normalize_text(e.year);
      e.period = normalize_period(y);
      if (!e.period) {
        problem("year '" + e.year + "' cannot be read (2022, R4, 令和4年度)");
        continue;
      }
    }
    if (e.value.empty()) {
      problem("no value");
      continue;
    }
    out.entries.push_back(std::move(e));
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

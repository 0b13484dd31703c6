// Hand-entered KPI values (`kpix check --entries FILE.csv`): bytes → UTF-8 →
// CSV rows → entries, each with the CSV line it starts on (header = line 1).
//
//   auto file = kpix::read_entries("entries.csv");   // throws InputError
//   for (const kpix::Entry& e : file.entries) …      // the well-formed lines
//   for (const kpix::CsvProblem& p : file.problems) … // "line 7: …", still reported
//
// Encodings: UTF-8 with or without BOM, Shift_JIS / CP932 (Japanese Excel),
// detected automatically through ICU converters. Columns, in any order, in
// English or Japanese: municipality/自治体, project/事業名 (optional),
// indicator/指標, role/区分, year/年度, value/値, unit/単位 (optional).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/period.h"
#include "pipeline/check/csv_rows.h"          // parse_csv, the CSV layer
#include "pipeline/check/entries_encoding.h"  // decode_entries_bytes, the bytes layer

namespace kpix {

struct Entry {
  int line = 0;  // CSV line the row starts on; the header is line 1
  std::string municipality, project, indicator;
  std::string role;       // canonical: baseline | actual | target | achievement
  std::string role_text;  // as typed
  std::string year;       // as typed (2022, R4, 令和4年度); may be empty
  std::optional<Period> period;  // read from `year`; empty when `year` is
  std::string value;      // as typed (▲312, 1,498, １２３)
  std::string unit;       // as typed (千円, 万人, %), may be empty
};

struct CsvProblem {
  int line = 0;
  std::string message;
};

struct EntriesFile {
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "Shift_JIS"
  std::vector<Entry> entries;
  std::vector<CsvProblem> problems;  // malformed lines; the other lines are still entries
};

// "基準値" → "baseline", "実績" → "actual", "R6目標" is not a role (empty).
std::string canonical_role(std::string_view typed);

// UTF-8 CSV text to entries. Throws InputError(file, …) when the header lacks
// a required column (the whole file is unusable then). Pure.
EntriesFile parse_entries(std::string_view utf8, const std::string& file);

// Reads and decodes `path`, then parse_entries. Throws InputError.
EntriesFile read_entries(const std::string& path);

}  // namespace kpix

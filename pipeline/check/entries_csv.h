// Hand-entered KPI values (`kpix check --entries FILE.csv`): bytes → UTF-8 →
// CSV rows → entries, each with the CSV line it starts on (header = line 1),
// read one line at a time so that a file of a million lines is never held.
//
//   std::ifstream in("entries.csv", std::ios::binary);
//   kpix::EntriesReader reader(in, "entries.csv");     // reads the header; throws InputError
//   while (auto line = reader.next()) …                 // an entry, or a malformed line
//
// Encodings: UTF-8 with or without BOM, Shift_JIS / CP932 (Japanese Excel),
// detected automatically (entries_encoding.h). Columns, in any order, in
// English or Japanese: municipality/自治体, project/事業名 (optional),
// indicator/指標, role/区分, year/年度, value/値, unit/単位 (optional),
// qualifier/補足 (optional: 見込). Role and year may share one column in the
// document's own header spellings (`H30基準`, `R4実績`, `R6目標`, `2020実績`,
// `R6見込`): either column may hold them, and one of the two suffices.
// docs/check.md is the user's description of the format.
#pragma once

#include <array>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/period.h"
#include "parsers/normalize/roles.h"
#include "pipeline/check/csv_rows.h"          // CsvStream, the CSV layer
#include "pipeline/check/entries_encoding.h"  // EntriesDecoder, the bytes layer

namespace kpix {

struct Entry {
  int line = 0;  // CSV line the row starts on; the header is line 1
  std::string municipality, project, indicator;
  // nullopt for `見込` alone: an estimate of whichever role the document
  // gives it.
  std::optional<Role> role;
  bool estimate = false;  // 見込 typed (role, year or qualifier column): matched to the estimate
  std::string role_text;  // role column as typed
  std::string year;       // the year as typed (2022, R4, 令和4年度; `R4` of `R4実績`); may be empty
  std::optional<Period> period;  // read from `year`; empty when `year` is
  std::string value;      // as typed (▲312, 1,498, １２３)
  std::string unit;       // as typed (千円, 万人, %), may be empty
};

// A line of the entries file: an entry, or a malformed line (problem set)
// with what could be read of it (line, indicator, … as typed).
struct EntryLine {
  Entry entry;
  std::string problem;
};

class EntriesReader {
 public:
  // Reads the header. Throws InputError(file, …) for an empty file, a header
  // that lacks a required column, or bytes that cannot be decoded.
  EntriesReader(std::istream& in, const std::string& file);
  ~EntriesReader();

  // The next line with an entry or a problem, in file order; rows of empty
  // cells (as spreadsheets leave them) are skipped. nullopt at the end.
  // Throws InputError when later bytes cannot be decoded.
  std::optional<EntryLine> next();

  // "UTF-8", "UTF-8 (BOM)" or "Shift_JIS" (final once next() gave nullopt).
  const std::string& encoding() const { return decoder_->encoding(); }

  enum Column { kMunicipality, kProject, kIndicator, kRole, kYear, kValue, kUnit, kQualifier, kColumns };

 private:
  std::unique_ptr<EntriesDecoder> decoder_;
  std::unique_ptr<CsvStream> rows_;
  std::array<int, kColumns> columns_{};  // field index of each column, -1 when absent
  size_t header_fields_ = 0;
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

// All the entries of CSV text at once (EntriesReader over a string). Throws
// InputError(file, …) as EntriesReader does. Pure.
EntriesFile parse_entries(std::string_view text, const std::string& file);

}  // namespace kpix

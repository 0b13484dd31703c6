// CSV text to records: RFC 4180 with quoted fields spanning lines, the
// delimiter (comma or tab) sniffed from the first line.
//
//   for (const kpix::CsvRow& r : kpix::parse_csv(text)) …  // r.line, r.fields, r.error
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kpix {

// One CSV record: its fields and the line it starts on; `error` is set for a
// malformed record (unterminated quote, text after a closing quote).
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
  std::string error;
};

// RFC 4180 with quoted fields spanning lines; CRLF, LF or CR line ends; blank
// lines skipped. Pure.
std::vector<CsvRow> parse_csv(std::string_view utf8);

}  // namespace kpix

// CSV text to records: RFC 4180 with quoted fields spanning lines, the
// delimiter (comma or tab) sniffed from the first line.
//
//   for (const kpix::CsvRow& r : kpix::parse_csv(text)) …  // r.line, r.fields, r.error
//
//   kpix::CsvStream rows([&](std::string& more) { return decoder.next(more); });
//   while (auto r = rows.next()) …                      // one record at a time
#pragma once

#include <functional>
#include <optional>
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

// Records of text that arrives in chunks, read one at a time, so that a file
// of a million lines is never held whole. CRLF, LF or CR line ends; blank
// lines skipped.
class CsvStream {
 public:
  // `more` appends the next chunk of UTF-8 text to its argument and returns
  // false when there is none left. What it throws, next() throws.
  using Source = std::function<bool(std::string&)>;
  explicit CsvStream(Source more);

  // The next record, or nullopt at the end of the text.
  std::optional<CsvRow> next();

  // A quoted field still open after this many bytes of its record is taken
  // for a quote that was never closed: its record's first line is rejected
  // and reading goes on after it. No hand-typed cell is a mebibyte long; the
  // bound keeps a stray quote from pulling the rest of the file into memory.
  static constexpr size_t kMaxRecordBytes = size_t(1) << 20;

 private:
  bool fill();      // one more chunk into buffer_; false at the end
  void compact();   // drops what has been read
  std::string buffer_;
  size_t pos_ = 0;  // where the next record starts in buffer_
  int line_ = 1;    // its line
  char delim_ = 0;  // 0 until sniffed from the first line
  bool eof_ = false;
  Source more_;
};

// All records of a text at once (CsvStream over one chunk). Pure.
std::vector<CsvRow> parse_csv(std::string_view utf8);

}  // namespace kpix

#include "pipeline/check/csv_rows.h"

#include <algorithm>

namespace kpix {
namespace {

// Bytes asked of the source at a time.
constexpr size_t kChunkBytes = size_t(64) << 10;

char sniff_delimiter(std::string_view first_line) {
  size_t commas = std::count(first_line.begin(), first_line.end(), ','),
         tabs = std::count(first_line.begin(), first_line.end(), '\t');
  return tabs > commas ? '\t' : ',';
}

// Reads the record that starts at `pos` of the text read so far. When the
// record may go on past the end of that text and more text is to come, it
// says so (need_more) instead of guessing; at the end of the text (`last`)
// it decides.
class RowScanner {
 public:
  RowScanner(std::string_view s, char delim, bool last) : s_(s), delim_(delim), last_(last) {}

  struct Result {
    CsvRow row;
    size_t next = 0;    // where the record after it starts
    int next_line = 0;  // and its line
    bool need_more = false;
  };

  Result read(size_t pos, int line) {
    pos_ = pos;
    line_ = line;
    Result r;
    r.row = read_row();
    r.next = pos_;
    r.next_line = line_;
    r.need_more = touched_end_ && !last_;
    return r;
  }

 private:
  bool at_line_end(size_t k) {
    if (k >= s_.size()) {
      touched_end_ = true;
      return true;
    }
    return s_[k] == '\n' || s_[k] == '\r';
  }

  void skip_line_end(size_t& k, int& ln) {
    if (k < s_.size() && s_[k] == '\r') {
      ++k;
      if (k >= s_.size()) touched_end_ = true;  // the '\n' of a CRLF may be in the next chunk
    }
    if (k < s_.size() && s_[k] == '\n') ++k;
    ++ln;
  }

  CsvRow read_row() {
    CsvRow row;
    row.line = line_;
    size_t k = pos_;
    int ln = line_;
    while (true) {
      std::string field;
      if (k < s_.size() && s_[k] == '"') {
        ++k;
        if (!read_quoted(k, ln, field)) return rejected(std::move(row), "a quoted field is not closed");
        if (!at_line_end(k) && s_[k] != delim_) {
          // A quote that ran over line ends and closed in the middle of a
          // field there is a stray quote, not a field spanning lines.
          if (ln > line_)
            return rejected(std::move(row), "a quote in field " + std::to_string(row.fields.size() + 1) +
                                                " is not closed on this line (it runs into line " +
                                                std::to_string(ln) + ")");
          row.error = "text after the closing quote of field " + std::to_string(row.fields.size() + 1);
          while (!at_line_end(k)) ++k;
        }
      } else {
        while (!at_line_end(k) && s_[k] != delim_) field += s_[k++];
      }
      row.fields.push_back(std::move(field));
      if (k >= s_.size()) touched_end_ = true;
      if (k >= s_.size() || s_[k] != delim_) break;
      ++k;
    }
    skip_line_end(k, ln);
    pos_ = k;
    line_ = ln;
    return row;
  }

  // A quoted field's text from just after its opening quote; `k` ends after
  // the closing quote, `ln` counts the line ends inside. False when the quote
  // is not closed in the text.
  bool read_quoted(size_t& k, int& ln, std::string& field) {
    while (k < s_.size()) {
      if (s_[k] == '"') {
        if (k + 1 >= s_.size()) touched_end_ = true;  // `""` may straddle two chunks
        if (k + 1 < s_.size() && s_[k + 1] == '"') {
          field += '"';
          k += 2;
          continue;
        }
        ++k;
        return true;
      }
      if (s_[k] == '\n' || (s_[k] == '\r' && (k + 1 >= s_.size() || s_[k + 1] != '\n'))) ++ln;
      field += s_[k++];
    }
    touched_end_ = true;
    return false;
  }

  // A malformed record is reported on its first line alone, and reading goes
  // on with the line after it, so that one stray quote does not swallow the
  // rest of the file.
  CsvRow rejected(CsvRow row, std::string message) {
    row.error = std::move(message);
    row.fields.clear();
    size_t e = s_.find_first_of("\r\n", pos_);
    if (e == std::string_view::npos || e + 1 >= s_.size()) touched_end_ = true;
    pos_ = e == std::string_view::npos ? s_.size() : e;
    int ln = line_;
    skip_line_end(pos_, ln);
    line_ = ln;
    return row;
  }

  std::string_view s_;
  char delim_;
  bool last_;
  bool touched_end_ = false;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

CsvStream::CsvStream(Source more) : more_(std::move(more)) {}

bool CsvStream::fill() {
  if (eof_) return false;
  size_t before = buffer_.size();
  while (buffer_.size() == before)
    if (!more_(buffer_)) {
      eof_ = true;
      break;
    }
  return buffer_.size() > before;
}

void CsvStream::compact() {
  if (pos_ >= kChunkBytes && pos_ * 2 >= buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::optional<CsvRow> CsvStream::next() {
  compact();
  // The delimiter, from the whole first line.
  while (!delim_) {
    size_t end = buffer_.find_first_of("\r\n");
    if (end != std::string::npos || !fill()) {
      delim_ = sniff_delimiter(std::string_view(buffer_).substr(0, end));
      break;
    }
  }
  while (true) {
    // Blank lines (a lone '\r' at the end may be half of a CRLF).
    while (pos_ < buffer_.size() && (buffer_[pos_] == '\r' || buffer_[pos_] == '\n')) {
      if (buffer_[pos_] == '\r' && pos_ + 1 == buffer_.size() && fill()) continue;
      if (buffer_[pos_] == '\r' && pos_ + 1 < buffer_.size() && buffer_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
    }
    if (pos_ >= buffer_.size()) {
      if (fill()) continue;
      return std::nullopt;
    }
    bool last = eof_ || buffer_.size() - pos_ > kMaxRecordBytes;
    RowScanner::Result r = RowScanner(buffer_, delim_, last).read(pos_, line_);
    if (r.need_more) {
      if (fill()) continue;
      r = RowScanner(buffer_, delim_, true).read(pos_, line_);
    }
    pos_ = r.next;
    line_ = r.next_line;
    return std::move(r.row);
  }
}

std::vector<CsvRow> parse_csv(std::string_view utf8) {
  bool given = false;
  CsvStream stream([&](std::string& out) {
    if (given) return false;
    given = true;
    out.append(utf8);
    return true;
  });
  std::vector<CsvRow> rows;
  while (auto r = stream.next()) rows.push_back(std::move(*r));
  return rows;
}

}  // namespace kpix

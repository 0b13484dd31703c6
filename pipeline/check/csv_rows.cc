#include "pipeline/check/csv_rows.h"

#include <algorithm>

namespace kpix {
namespace {

char sniff_delimiter(std::string_view text) {
  std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  size_t commas = std::count(first.begin(), first.end(), ','), tabs = std::count(first.begin(), first.end(), '\t');
  return tabs > commas ? '\t' : ',';
}

// Reads the records of a text one after another; `pos_` and `line_` are where
// the next record starts.
class CsvReader {
 public:
  CsvReader(std::string_view s, char delim) : s_(s), delim_(delim) {}

  std::vector<CsvRow> rows() {
    std::vector<CsvRow> out;
    while (pos_ < s_.size()) {
      if (s_[pos_] == '\r' || s_[pos_] == '\n') {  // blank line
        skip_line_end(pos_, line_);
        continue;
      }
      out.push_back(read_row());
    }
    return out;
  }

 private:
  bool at_line_end(size_t k) const { return k >= s_.size() || s_[k] == '\n' || s_[k] == '\r'; }

  void skip_line_end(size_t& k, int& ln) const {
    if (k < s_.size() && s_[k] == '\r') ++k;
    if (k < s_.size() && s_[k] == '\n') ++k;
    ++ln;
  }

  // The record starting at pos_; moves pos_ and line_ past it.
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
  // is never closed.
  bool read_quoted(size_t& k, int& ln, std::string& field) const {
    while (k < s_.size()) {
      if (s_[k] == '"') {
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
    return false;
  }

  // A malformed record is reported on its first line alone, and reading goes
  // on with the line after it, so that one stray quote does not swallow the
  // rest of the file.
  CsvRow rejected(CsvRow row, std::string message) {
    row.error = std::move(message);
    row.fields.clear();
    size_t e = s_.find_first_of("\r\n", pos_);
    pos_ = e == std::string_view::npos ? s_.size() : e;
    skip_line_end(pos_, line_);
    return row;
  }

  std::string_view s_;
  char delim_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view utf8) { return CsvReader(utf8, sniff_delimiter(utf8)).rows(); }

}  // namespace kpix

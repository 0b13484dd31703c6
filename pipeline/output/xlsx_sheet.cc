#include "pipeline/output/xlsx_sheet.h"

#include <xlsxwriter.h>

#include <cstdlib>

#include "pipeline/model/error.h"

namespace kpix {
namespace {

bool read_number(const std::string& s, double& out) {
  if (s.empty() || s.find_first_of(" \t\r\n") != std::string::npos) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

XlsxSheet::XlsxSheet(const std::string& path, const std::string& sheet_name, const std::vector<std::string>& columns,
                     const std::set<std::string>& number_columns)
    : path_(path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows go to disk as written: memory stays flat
  book_ = workbook_new_opt(path.c_str(), &options);
  if (!book_) throw InputError(path, "cannot write the workbook");
  sheet_ = workbook_add_worksheet(book_, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(book_);
  format_set_bold(bold);
  for (size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet_, 0, lxw_col_t(c), columns[c].c_str(), bold);
    numeric_.push_back(number_columns.count(columns[c]) > 0);
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  rows_ = 1;
}

XlsxSheet::~XlsxSheet() {
  // Not closed: the workbook is dropped unwritten (libxlsxwriter has no
  // discard, so it is closed into the file the caller removes).
  if (book_) workbook_close(book_);
}

void XlsxSheet::add_row(const std::vector<std::string>& fields) {
  for (size_t c = 0; c < fields.size(); ++c) {
    if (fields[c].empty()) continue;
    double v = 0;
    lxw_error e = c < numeric_.size() && numeric_[c] && read_number(fields[c], v)
                      ? worksheet_write_number(sheet_, rows_, lxw_col_t(c), v, nullptr)
                      : worksheet_write_string(sheet_, rows_, lxw_col_t(c), fields[c].c_str(), nullptr);
    if (e != LXW_NO_ERROR) throw InputError(path_, std::string("row ") + std::to_string(rows_) + ": " + lxw_strerror(e));
  }
  ++rows_;
}

void XlsxSheet::close() {
  if (!numeric_.empty()) worksheet_autofilter(sheet_, 0, 0, rows_ - 1, lxw_col_t(numeric_.size() - 1));
  lxw_error e = workbook_close(book_);
  book_ = nullptr;
  if (e != LXW_NO_ERROR) throw InputError(path_, std::string("cannot write the workbook: ") + lxw_strerror(e));
}

std::string xlsxwriter_version() { return LXW_VERSION; }

}  // namespace kpix

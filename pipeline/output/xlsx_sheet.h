// One sheet of values as an Excel workbook (libxlsxwriter): a header row that
// is frozen and filtered, text columns written as text, so a municipality code
// like 012106 keeps its leading zero, and number columns as numbers.
//
//   XlsxSheet sheet(path, "kpi_values", csv_columns(), {"value", "period_start"});
//   sheet.add_row(fields);  …  sheet.close();   // throws InputError naming path
#pragma once

#include <set>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;

namespace kpix {

class XlsxSheet {
 public:
  XlsxSheet(const std::string& path, const std::string& sheet_name, const std::vector<std::string>& columns,
            const std::set<std::string>& number_columns);
  ~XlsxSheet();
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  // A field of a number column that does not read wholly as a number is
  // written as text; an empty field leaves its cell empty.
  void add_row(const std::vector<std::string>& fields);
  void close();  // writes the file

 private:
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::vector<bool> numeric_;
  unsigned rows_ = 0;  // written so far, the header included
};

// The version of libxlsxwriter linked, for kpix --version.
std::string xlsxwriter_version();

}  // namespace kpix

// Records to text: JSON Lines (one record per line, UTF-8, unescaped) and CSV
// (one row per value, the columns an analyst filters on). Pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kpix {

std::string jsonl_line(const nlohmann::json& record);

std::string csv_header();
// The CSV's columns, and each value of a record as the fields of its row
// (unquoted), for the CSV and spreadsheet writers.
const std::vector<std::string>& csv_columns();
std::vector<std::vector<std::string>> value_fields(const nlohmann::json& record);
// One CSV row (with trailing newline) per value of the record; `for_excel`
// neutralises formulas in its fields (csv_field) and ends rows with CRLF.
std::string csv_rows(const nlohmann::json& record, bool for_excel = false);
// A field quoted as RFC 4180 wants when it holds a comma, quote or line break.
// `for_excel`: a text field that starts with = + - @, a tab or a CR gets a
// leading ' so a spreadsheet shows it instead of running it as a formula
// (OWASP's CSV injection advice); a number (-3, +1.5e3) is left as it is.
std::string csv_field(const std::string& s, bool for_excel = false);

}  // namespace kpix

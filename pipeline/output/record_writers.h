// Records to text: JSON Lines (one record per line, UTF-8, unescaped) and CSV
// (one row per value, the columns an analyst filters on). Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace kpix {

std::string jsonl_line(const nlohmann::json& record);

std::string csv_header();
// One CSV row (with trailing newline) per value of the record.
std::string csv_rows(const nlohmann::json& record);
// A field quoted as RFC 4180 wants when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);

}  // namespace kpix

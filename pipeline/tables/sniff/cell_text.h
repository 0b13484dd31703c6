// What one cell's text is, as the sniffer's steps ask it: a bare period
// label, a number with a short unit, or value-like data.
//
// Pure functions of the text (and the era for years written without one).
#pragma once

#include <string_view>

namespace kpix::sniff {

// A bare period label: `2020`, `R3`, `3年度`, `H26 (2014)`, `R 2実績`; not a
// value like `1,498千円` or `36.0`.
bool is_period_label(std::string_view text, std::string_view era);

// A number with a short unit (brackets aside): `25人 (R2～R4合計)`, `1,498千円`;
// `1人あたりの総所得` is a name, not a value.
bool is_number_cell(std::string_view text);

// Value-like data: a number cell, or a status word (`調査なし`) or dash.
bool looks_like_value(std::string_view text);

}  // namespace kpix::sniff

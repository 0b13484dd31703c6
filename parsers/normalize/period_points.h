// One year point of a period label, in any of the forms the documents write:
// an era year (`R4`, `令和4年度`, `H26(2014)`), a Gregorian year (`2020`,
// `2024年度(令和6年度)`), a date (`R7.4.1`, `令和5年12月20日`), or a bare
// era-less year under the document's era (`3年度`). Internal to the period
// reader (period.h); runs on normalize_text output with spaces removed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/period.h"

namespace kpix::period_parts {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One year point: `令和4年度`, `R7.4.1`, `2024年度(令和6年度)`, `3年度` (hint).
struct Point {
  int year = 0;
  int era = -1;  // index into kEras when written with an era
  Basis basis = Basis::unknown;
  int month = 0, day = 0;
  bool bare = false;        // a 4-digit year with no suffix, date or era
  bool checked = false;     // a bracketed second spelling was compared
  size_t end = 0;           // byte offset after the point
  std::vector<std::string> warnings;
};

// label: a whole label (`3年` under an era is a year); find: a period inside
// longer text; explicit_only: find, but a bare number is never a year.
enum class Mode { label, find, explicit_only };

// The point starting at s[pos], or nullopt. `hint_era` (index into kEras, or
// -1) gives `3年度` its era; `inherit_era` is the era of a range's first point,
// for the `4` of `令和2年～4年`.
std::optional<Point> read_point(std::string_view s, size_t pos, int hint_era, Mode mode, int inherit_era = -1);

}  // namespace kpix::period_parts

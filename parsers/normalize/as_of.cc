#include "parsers/normalize/as_of.h"

#include <cstdio>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int last_day(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Western year of an era year (`R`, `令和`, `H`, `平成`); 0 when unknown.
int western(const std::string& era, int n) {
  if (era == "R" || era == "令和") return 2018 + n;
  if (era == "H" || era == "平成") return 1988 + n;
  if (era.empty()) return n >= 1900 ? n : 0;
  return 0;
}

}  // namespace

std::optional<std::string> find_as_of(std::string_view raw) {
  std::string t = normalize_text(raw);
  std::string spaceless;
  for (char c : t)
    if (c != ' ') spaceless += c;
  // era? year . month (. day | 末) 時点/現在; the year, month and day may be
  // written with 年 月 日 instead of dots.
  static const RE2 form(
      "(令和|平成|R|H)?(\\d{1,4}|元)[./年](\\d{1,2})(?:[./月](\\d{1,2})日?|月?(末))(?:日)?(?:時点|現在)");
  std::string era, year, month, day, end;
  if (!RE2::PartialMatch(spaceless, form, &era, &year, &month, &day, &end)) return std::nullopt;
  int y = western(era, year == "元" ? 1 : std::stoi(year));
  int m = std::stoi(month);
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return std::nullopt;
  int d = day.empty() ? last_day(y, m) : std::stoi(day);
  if (d < 1 || d > last_day(y, m)) return std::nullopt;
  char buf[40];  // room for any int, though y, m and d are checked above
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace kpix

#include "parsers/normalize/period_points.h"

#include <re2/re2.h>

#include "parsers/normalize/period_eras.h"

namespace kpix::period_parts {
namespace {

constexpr int kMinYear = 1868;  // the schema's year range
constexpr int kMaxYear = 2200;

bool is_latin(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

int to_int(const std::string& s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool valid_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Reads an era year token at `pos`: returns the Gregorian year and era index.
bool read_era_year(std::string_view s, size_t& pos, int& year, int& era, std::vector<std::string>* warnings) {
  static const RE2 era_tok("(明治|大正|昭和|平成|令和|[MTSHR])(元|[0-9]{1,2})");
  re2::StringPiece in(s.data() + pos, s.size() - pos);
  std::string name, num;
  if (!RE2::Consume(&in, era_tok, &name, &num)) return false;
  size_t end = size_t(in.data() - s.data());
  if (end < s.size() && is_digit(s[end])) return false;  // `R123` is no era year
  // A letter era must stand alone: `ICT5` or `CO2` is not an era.
  if (name.size() == 1 && pos > 0 && (is_latin(s[pos - 1]) || is_digit(s[pos - 1]))) return false;
  int k = era_by_name(name);
  int n = num == "元" ? 1 : to_int(num);
  if (k < 0 || n < 1) return false;
  const EraSpan& span = era_spans()[size_t(k)];
  year = span.first_year + n - 1;
  era = k;
  if (warnings && span.last_era_year > 0 && n > span.last_era_year)
    warnings->push_back(std::string(kEras[size_t(k)].name) + std::to_string(n) + "年 is past the end of " +
                        std::string(kEras[size_t(k)].name) + " (" + std::to_string(span.last_era_year) +
                        "年); read as " + std::to_string(year));
  pos = end;
  return true;
}

// A second spelling in brackets right after a point: `(2014)`, `(令和6年度)`.
// A disagreement is a warning; the first spelling wins.
void read_check(std::string_view s, Point& p) {
  if (p.checked || p.end >= s.size() || s[p.end] != '(') return;
  size_t pos = p.end + 1;
  int year = 0, era = -1;
  if (!read_era_year(s, pos, year, era, nullptr)) {
    static const RE2 greg("([0-9]{4})");
    re2::StringPiece in(s.data() + pos, s.size() - pos);
    std::string g;
    if (!RE2::Consume(&in, greg, &g)) return;
    pos = size_t(in.data() - s.data());
    year = to_int(g);
  }
  static const RE2 tail("(?:年度|年)?\\)");
  re2::StringPiece in(s.data() + pos, s.size() - pos);
  if (!RE2::Consume(&in, tail)) return;
  p.checked = true;
  p.end = size_t(in.data() - s.data());
  if (year != p.year)
    p.warnings.push_back(std::string(s.substr(0, p.end)) + ": " + std::to_string(p.year) + " and " +
                         std::to_string(year) + " disagree; kept " + std::to_string(p.year));
}

// Suffix after a year: 年度 (fiscal), 年 (calendar), a month and day, or the
// dotted date of `R7.4.1` or month end of `R6.3末`. `年間` is a duration, never a year.
bool read_suffix(std::string_view s, Point& p, bool allow_dotted) {
  static const RE2 suffix("(年度末|年度|年末|年)");
  re2::StringPiece in(s.data() + p.end, s.size() - p.end);
  std::string w;
  if (RE2::Consume(&in, suffix, &w)) {
    size_t end = size_t(in.data() - s.data());
    if (w == "年" && s.substr(end).starts_with("間")) return false;
    p.basis = (w == "年度" || w == "年度末") ? Basis::fiscal : Basis::calendar;
    p.end = end;
    if (w != "年") return true;
    read_check(s, p);  // `2030年(令和12年)4月`
    static const RE2 month_day("([0-9]{1,2})月(?:([0-9]{1,2})日|末)?");
    std::string m, d;
    re2::StringPiece md(s.data() + p.end, s.size() - p.end);
    if (RE2::Consume(&md, month_day, &m, &d)) {
      int mi = to_int(m), di = d.empty() ? 0 : to_int(d);
      if (mi >= 1 && mi <= 12 && (di == 0 || valid_date(p.year, mi, di))) {
        p.month = mi;
        p.day = di;
        p.end = size_t(md.data() - s.data());
      }
    }
    return true;
  }
  if (allow_dotted) {
    static const RE2 dotted("\\.([0-9]{1,2})\\.([0-9]{1,2})");
    std::string m, d;
    re2::StringPiece md(s.data() + p.end, s.size() - p.end);
    if (RE2::Consume(&md, dotted, &m, &d)) {
      size_t end = size_t(md.data() - s.data());
      if ((end >= s.size() || !is_digit(s[end])) && valid_date(p.year, to_int(m), to_int(d))) {
        p.month = to_int(m);
        p.day = to_int(d);
        p.basis = Basis::calendar;
        p.end = end;
      }
      return true;
    }
    // `R6.3末`, `R6.3月末`: the end of a month, as `令和6年3月末`.
    static const RE2 dotted_month_end("\\.([0-9]{1,2})月?末");
    re2::StringPiece me(s.data() + p.end, s.size() - p.end);
    if (RE2::Consume(&me, dotted_month_end, &m) && to_int(m) >= 1 && to_int(m) <= 12) {
      p.month = to_int(m);
      p.day = 0;
      p.basis = Basis::calendar;
      p.end = size_t(me.data() - s.data());
    }
  }
  return true;
}

// A number glued to the point (`2020.5`, `R2,000`) means the digits were a
// value, not a year.
bool followed_by_number(std::string_view s, size_t end) {
  return end + 1 < s.size() && (s[end] == '.' || s[end] == ',') && is_digit(s[end + 1]);
}

}  // namespace

std::optional<Point> read_point(std::string_view s, size_t pos, int hint_era, Mode mode, int inherit_era) {
  // `FY2024`: a fiscal year written the English way; its year is Gregorian.
  if (s.substr(pos).starts_with("FY") && pos + 2 < s.size() && is_digit(s[pos + 2])) {
    auto p = read_point(s, pos + 2, -1, mode, -1);
    if (!p || p->era >= 0 || p->month != 0 || (p->basis != Basis::unknown && p->basis != Basis::fiscal)) return std::nullopt;
    p->basis = Basis::fiscal;
    p->bare = false;
    return p;
  }
  Point p;
  size_t at = pos;
  if (read_era_year(s, at, p.year, p.era, &p.warnings)) {
    p.end = at;
    read_check(s, p);  // `H26(2014)`, `令和3(2021)年度`
    if (!read_suffix(s, p, true)) return std::nullopt;
    read_check(s, p);
    if (p.month == 0 && followed_by_number(s, p.end)) return std::nullopt;
    return p;
  }
  if (pos > 0 && (is_digit(s[pos - 1]) || s[pos - 1] == ',' || s[pos - 1] == '.')) return std::nullopt;
  static const RE2 digits("([0-9]+)");
  re2::StringPiece in(s.data() + pos, s.size() - pos);
  std::string num;
  if (!RE2::Consume(&in, digits, &num)) return std::nullopt;
  p.end = size_t(in.data() - s.data());
  if (num.size() == 4) {
    p.year = to_int(num);
    if (p.year < kMinYear || p.year > kMaxYear) return std::nullopt;
    read_check(s, p);  // `2021(令和3)年8月`
    if (!read_suffix(s, p, true)) return std::nullopt;
    read_check(s, p);  // `2024年度(令和6年度)`
    p.bare = p.basis == Basis::unknown && !p.checked && p.month == 0;
    if (p.bare && followed_by_number(s, p.end)) return std::nullopt;
    return p;
  }
  // `3年度` under a 令和 heading, or the `4` of `令和2年～4年`.
  int era = inherit_era >= 0 ? inherit_era : hint_era;
  if (num.size() > 2 || era < 0) return std::nullopt;
  int n = to_int(num);
  if (n < 1) return std::nullopt;
  if (inherit_era < 0) {
    std::string_view rest = s.substr(p.end);
    bool fiscal = rest.starts_with("年度");
    bool calendar = rest.starts_with("年") && !rest.starts_with("年間") && !fiscal;
    if (!fiscal && !(calendar && mode == Mode::label)) return std::nullopt;
  }
  const EraSpan& span = era_spans()[size_t(era)];
  p.year = span.first_year + n - 1;
  p.era = era;
  if (!read_suffix(s, p, false)) return std::nullopt;
  if (followed_by_number(s, p.end)) return std::nullopt;
  return p;
}

}  // namespace kpix::period_parts

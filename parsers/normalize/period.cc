// Entry points: normalize_period, find_period, find_period_span,
// era_to_gregorian, fiscal_year_of (see period.h).
//
// A period is read in three layers: a year point (`R4`, `令和4年度`, `2020`,
// `R7.4.1`), an optional range of two points (`R2～R4`), and an optional
// aggregate word (`平均`, `合計`). Everything runs on normalize_text output with
// spaces removed, so `R 2実績` and `H26 (2014)` read like `R2実績`, `H26(2014)`.
#include "parsers/normalize/period.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>

#include <array>
#include <cstdio>
#include <memory>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// The eras the documents use, by name, one-letter abbreviation and ICU's era
// index in the Japanese calendar. Start and end years come from ICU.
struct Era {
  std::string_view name;
  std::string_view letter;
  int icu_index;
};
constexpr std::array<Era, 5> kEras{{
    {"明治", "M", 232},
    {"大正", "T", 233},
    {"昭和", "S", 234},
    {"平成", "H", 235},
    {"令和", "R", 236},
}};

struct EraSpan {
  int first_year = 0;     // Gregorian year of 元年
  int last_era_year = 0;  // last era year in use (平成31); 0 for the current era
};

// Asks ICU once which era each Gregorian year starts and ends in. Setting
// UCAL_EXTENDED_YEAR (the Gregorian year) and reading UCAL_ERA/UCAL_YEAR is
// the reliable direction: setting UCAL_YEAR past an era's end silently moves
// to the next era.
const std::array<EraSpan, kEras.size()>& era_spans() {
  static const std::array<EraSpan, kEras.size()> spans = [] {
    // Fallback if ICU lacks the calendar; the same numbers ICU 72 gives.
    std::array<EraSpan, kEras.size()> out{{{1868, 45}, {1912, 15}, {1926, 64}, {1989, 31}, {2019, 0}}};
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::Locale("ja_JP@calendar=japanese"), st));
    if (U_FAILURE(st) || !cal) return out;
    std::array<EraSpan, kEras.size()> found{};
    for (int g = 1860; g <= 2100; ++g) {
      for (auto [month, day] : {std::pair{UCAL_JANUARY, 1}, std::pair{UCAL_DECEMBER, 31}}) {
        cal->clear();
        cal->set(UCAL_EXTENDED_YEAR, g);
        cal->set(UCAL_MONTH, month);
        cal->set(UCAL_DATE, day);
        int era = cal->get(UCAL_ERA, st);
        int year = cal->get(UCAL_YEAR, st);
        if (U_FAILURE(st)) return out;
        for (size_t k = 0; k < kEras.size(); ++k) {
          if (kEras[k].icu_index != era) continue;
          if (found[k].first_year == 0) found[k].first_year = g - year + 1;
          if (year > found[k].last_era_year) found[k].last_era_year = year;
        }
      }
    }
    for (const EraSpan& f : found)
      if (f.first_year == 0) return out;
    found.back().last_era_year = 0;  // the current era has no end yet
    return found;
  }();
  return spans;
}

int era_by_name(std::string_view e) {
  for (size_t k = 0; k < kEras.size(); ++k)
    if (e == kEras[k].name || e == kEras[k].letter) return int(k);
  return -1;
}

constexpr int kMinYear = 1868;  // the schema's year range
constexpr int kMaxYear = 2200;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
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

std::string iso_date(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

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

enum class Mode { label, find, explicit_only };

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
// dotted date of `R7.4.1`. `年間` is a duration, never a year.
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
    }
  }
  return true;
}

// A number glued to the point (`2020.5`, `R2,000`) means the digits were a
// value, not a year.
bool followed_by_number(std::string_view s, size_t end) {
  return end + 1 < s.size() && (s[end] == '.' || s[end] == ',') && is_digit(s[end + 1]);
}

std::optional<Point> read_point(std::string_view s, size_t pos, int hint_era, Mode mode, int inherit_era = -1) {
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

struct Found {
  Period period;
  size_t end = 0;
};

// A point, optionally `～ point` and an aggregate word, starting at `pos`.
std::optional<Found> read_period(std::string_view s, size_t pos, int hint_era, Mode mode) {
  auto p1 = read_point(s, pos, hint_era, mode);
  if (!p1) return std::nullopt;
  Found f;
  f.period.start = f.period.end = p1->year;
  f.period.basis = p1->basis;
  f.period.warnings = p1->warnings;
  f.end = p1->end;
  if (p1->day > 0) f.period.date = iso_date(p1->year, p1->month, p1->day);
  static const RE2 sep("(?:～|〜|~|-|−|ー|–|―|から)");
  re2::StringPiece in(s.data() + p1->end, s.size() - p1->end);
  if (RE2::Consume(&in, sep)) {
    size_t at = size_t(in.data() - s.data());
    auto p2 = read_point(s, at, hint_era, mode == Mode::explicit_only ? Mode::find : mode);
    if (!p2 && p1->era >= 0) p2 = read_point(s, at, hint_era, mode, p1->era);
    if (p2 && p2->year >= p1->year) {
      f.period.end = p2->year;
      f.period.date.clear();
      // The suffix of the last point covers both (`2016～2018年`).
      f.period.basis = p1->basis != Basis::unknown ? p1->basis : p2->basis;
      for (auto& w : p2->warnings) f.period.warnings.push_back(w);
      f.end = p2->end;
      static const RE2 until("まで");
      re2::StringPiece u(s.data() + f.end, s.size() - f.end);
      if (RE2::Consume(&u, until)) f.end = size_t(u.data() - s.data());
      static const RE2 agg("(?:の)?(平均|合計|累計)");
      re2::StringPiece a(s.data() + f.end, s.size() - f.end);
      std::string w;
      if (RE2::Consume(&a, agg, &w)) {
        f.period.agg = w == "平均" ? Agg::mean : Agg::sum;
        f.end = size_t(a.data() - s.data());
      }
    }
  }
  // In a value cell a bare `2020` is a number; only a range whose end says
  // 年/年度 (`2016～2018年`) makes it a year.
  if (mode == Mode::explicit_only && p1->bare && (f.end == p1->end || f.period.basis == Basis::unknown))
    return std::nullopt;
  return f;
}

// Spaces removed, with each kept byte's offset in the original.
struct Compact {
  std::string text;
  std::vector<size_t> offset;
};
Compact compact(std::string_view s) {
  Compact c;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') continue;
    c.text += s[i];
    c.offset.push_back(i);
  }
  c.offset.push_back(s.size());
  return c;
}

int hint_index(std::string_view hint) { return hint.empty() ? -1 : era_by_name(hint); }

// Bytes where a period may start: a digit or the first byte of an era name or
// letter. Other positions are skipped without running a pattern.
bool may_start(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (is_digit(char(c))) return true;
  if (c == 'M' || c == 'T' || c == 'S' || c == 'H' || c == 'R') return true;
  if (c >= 0x80 && (c & 0xC0) != 0x80) {
    for (const Era& e : kEras)
      if (s.substr(i).starts_with(e.name)) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(Basis b) {
  switch (b) {
    case Basis::fiscal: return "fiscal";
    case Basis::calendar: return "calendar";
    default: return "unknown";
  }
}

std::string_view to_string(Agg a) {
  switch (a) {
    case Agg::mean: return "mean";
    case Agg::sum: return "sum";
    default: return "none";
  }
}

nlohmann::json Period::to_json() const {
  nlohmann::json j{{"start", start}, {"end", end}, {"basis", std::string(to_string(basis))}};
  if (agg != Agg::none) j["agg"] = std::string(to_string(agg));
  if (!date.empty()) j["date"] = date;
  return j;
}

std::optional<int> era_to_gregorian(std::string_view era, int year) {
  int k = era_by_name(era);
  if (k < 0 || year < 1 || year > 99) return std::nullopt;
  return era_spans()[size_t(k)].first_year + year - 1;
}

int fiscal_year_of(int year, int month) { return month >= 1 && month <= 3 ? year - 1 : year; }

std::optional<Period> normalize_period(std::string_view label, std::string_view era_hint) {
  Compact c = compact(normalize_text(label));
  std::string_view s = c.text;
  // `(R4実績)` reads like `R4実績`.
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  auto f = read_period(s, 0, hint_index(era_hint), Mode::label);
  if (!f) return std::nullopt;
  // Only words that say which figure of the year it is may follow; anything
  // else (`令和4年度実績値に対する所見`) is a longer text, not a period label.
  static const RE2 tail("(?:実績|基準|目標|値|現在|時点|見込み?|推計|予定|末|計画|決算|予算|調査|平均|合計|速報|確定)*");
  if (!RE2::FullMatch(s.substr(f->end), tail)) return std::nullopt;
  return f->period;
}

std::optional<Period> find_period_span(std::string_view normalized, std::string_view era_hint, size_t& begin,
                                       size_t& end, bool explicit_only) {
  Compact c = compact(normalized);
  std::string_view s = c.text;
  int hint = hint_index(era_hint);
  Mode mode = explicit_only ? Mode::explicit_only : Mode::find;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!may_start(s, i)) continue;
    auto f = read_period(s, i, hint, mode);
    if (!f) continue;
    begin = c.offset[i];
    end = f->end > 0 ? c.offset[f->end - 1] + 1 : c.offset[i];
    return f->period;
  }
  return std::nullopt;
}

std::optional<Period> find_period(std::string_view text, std::string_view era_hint) {
  size_t b = 0, e = 0;
  return find_period_span(normalize_text(text), era_hint, b, e, false);
}

}  // namespace kpix

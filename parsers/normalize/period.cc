// Entry points: normalize_period, find_period, find_period_span,
// era_to_gregorian, fiscal_year_of (see period.h).
//
// A period is read in three layers: a year point (`R4`, `令和4年度`, `2020`,
// `R7.4.1`), an optional range of two points (`R2～R4`), and an optional
// aggregate word (`平均`, `合計`). Everything runs on normalize_text output with
// spaces removed, so `R 2実績` and `H26 (2014)` read like `R2実績`, `H26(2014)`.
#include "parsers/normalize/period.h"

#include <cstdio>

#include <re2/re2.h>

#include "parsers/normalize/period_eras.h"
#include "parsers/normalize/period_points.h"
#include "parsers/normalize/text.h"

namespace kpix {
namespace {

using period_parts::Era;
using period_parts::era_by_name;
using period_parts::is_digit;
using period_parts::kEras;
using period_parts::Mode;
using period_parts::read_point;

std::string iso_date(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
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
  if (s.substr(i).starts_with("FY")) return true;  // FY2024
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
  // They may stand in brackets (`令和5年度(見込)`, `R6(速報値)`).
  static const RE2 tail(
      "(?:\\(?(?:実績|基準|目標|値|現在|時点|見込み?|推計|予定|末|計画|決算|予算|調査|平均|合計|速報|確定|暫定)+\\)?)*");
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

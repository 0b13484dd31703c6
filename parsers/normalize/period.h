// Period labels to year ranges: `令和4年度`, `R2～R4平均`, `2020実績`, `H26 (2014)`,
// `3年度` (era from the hint), `R7.4.1現在`, `令和5年12月20日`.
//
//   auto p = kpix::normalize_period("R2～R4平均");
//   // p->start == 2020, p->end == 2022, p->agg == Agg::mean, and
//   // p->basis == Basis::unknown: only 年度 says fiscal and 年 or a date calendar.
//
// Entry points: normalize_period (a whole label), find_period (the first period
// mentioned anywhere inside a longer text, e.g. a value cell `14人/年 (R2～R4平均)`).
// Both are pure; they return std::nullopt when no period can be read.
// normalize_period is strict: after the period only words like 実績, 基準,
// 目標値, 現在, 平均, 合計 may follow (`令和4年度実績値に対する所見` is no label).
// An era year past its era's end (`平成32年`, written before 2019) is kept and
// converted (2020) with a warning; a second spelling in brackets that
// disagrees (`2024年度（令和5年度）`) keeps the first, with a warning.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kpix {

enum class Basis { fiscal, calendar, unknown };
enum class Agg { none, mean, sum };

std::string_view to_string(Basis b);
std::string_view to_string(Agg a);

struct Period {
  int start = 0;
  int end = 0;
  Basis basis = Basis::unknown;
  Agg agg = Agg::none;
  std::string date;                   // ISO yyyy-mm-dd when the label is a full date
  std::vector<std::string> warnings;  // e.g. `2024年度（令和5年度）` disagreeing, 平成32年

  // {start, end, basis, agg?, date?}; agg and date only when set. Warnings are
  // not part of the record's period object.
  nlohmann::json to_json() const;
  bool operator==(const Period& o) const {
    return start == o.start && end == o.end && basis == o.basis && agg == o.agg && date == o.date;
  }
};

// `era_hint`: the document's era, "令和", "平成", "昭和" (or "R", "H", "S"), or
// empty. It is used only for a year with no era and fewer than 3 digits (`3年度`).
std::optional<Period> normalize_period(std::string_view label, std::string_view era_hint = "");

// The first period written inside `text` (brackets included), or nullopt.
std::optional<Period> find_period(std::string_view text, std::string_view era_hint = "");

// Like find_period on text that normalize_text has already produced, also
// giving the byte span [begin, end) of the period inside `text` (spaces inside
// the period included). With `explicit_only`, a bare number is never a year:
// the period needs an era (`R4`, `令和4年`), a 年/年度 suffix (`2024年度`) or a
// date, so a value cell's `2020` stays a number.
std::optional<Period> find_period_span(std::string_view normalized, std::string_view era_hint, size_t& begin,
                                       size_t& end, bool explicit_only = false);

// The fiscal year (April to March) of a calendar date: 2025-03-26 is FY2024.
int fiscal_year_of(int year, int month);

// Gregorian year of an era year (`令和`, 1 → 2019), through ICU's Japanese
// calendar; nullopt for an unknown era.
std::optional<int> era_to_gregorian(std::string_view era, int year);

}  // namespace kpix

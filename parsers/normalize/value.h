// A cell's text to a comparable value: sign, digits, scale and unit, status,
// qualifiers, a running total beside the value, and a period written in the cell.
//
//   auto v = kpix::normalize_value("10人 (通算19人)");
//   // v.value == 10, v.unit == "人", v.cumulative == 19, v.status == ValueStatus::ok
//   auto m = kpix::normalize_value("1億8,133万円");   // m.value == 181330000, m.unit == "円"
//   auto h = kpix::normalize_value("902.9", {.unit = "千人"});  // 902900 人
//
// Entry point: normalize_value. Pure: no I/O, no global mutable state.
// A number that cannot be right (`累計9,18`) is status invalid, value empty,
// raw kept, and a warning says why; it is never guessed.
// Several numbers in one cell (`3世帯9人`): the one in the hint's unit when
// exactly one is, else the last (9人: households first, then the people in
// them); a warning names them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/normalize/period.h"

namespace kpix {

enum class ValueStatus { ok, not_surveyed, unpublished, pending, none, text, invalid };
std::string_view to_string(ValueStatus s);

struct ValueHints {
  // Unit given outside the cell: a column header `(千円)`, an indicator's
  // bracket `（万人）`, or the unit of a `／36.7%(令和元年)→…` note. Applies only
  // when the cell itself has no unit.
  std::string unit;
  // The document's era (`令和`, `平成`, `R`, `H`), for periods inside the cell.
  std::string era;
};

struct NormalizedValue {
  std::string raw;                    // the text as given
  std::optional<double> value;        // after sign and scale; empty unless status ok
  std::string number;                 // the same value as an exact decimal string ("181330000", "7.04", "-312")
  std::string unit;                   // canonical: 円, 人, 件, %, t, 人泊 … ; empty when none
  int64_t scale = 1;                  // the multiplier applied (1000 for 千円, 100000000 for 億円);
                                      // for a compound (`1億8,133万円`) that of its last part (10000)
  ValueStatus status = ValueStatus::none;
  std::vector<std::string> qualifiers;  // cumulative, per_year, total, average, plan_end, provisional, final
  std::optional<double> cumulative;   // running total beside the value (`通算19人`)
  std::optional<Period> period;       // a period written in the cell (`(R2～R4平均)`, `(R4実績)`)
  std::optional<std::string> as_of;   // ISO date the value counts up to (`※R6.12末時点` → 2024-12-31)
  std::vector<std::string> warnings;

  // {raw, value, number?, unit, scale, status, qualifiers, cumulative?, period?, as_of?, warnings?};
  // whole numbers are JSON integers, `number` only when there is a value.
  nlohmann::json to_json() const;
};

NormalizedValue normalize_value(std::string_view text, const ValueHints& hints = {});

}  // namespace kpix

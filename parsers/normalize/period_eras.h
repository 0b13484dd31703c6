// The Japanese eras a period label may name (明治 … 令和, or M T S H R), and
// the Gregorian years each one spans, from ICU's Japanese calendar. Internal
// to the period reader (period.h).
#pragma once

#include <array>
#include <string_view>

namespace kpix::period_parts {

// The eras the documents use, by name, one-letter abbreviation and ICU's era
// index in the Japanese calendar. Start and end years come from ICU.
struct Era {
  std::string_view name;
  std::string_view letter;
  int icu_index;
};
inline constexpr std::array<Era, 5> kEras{{
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

// Era spans in kEras order, asked of ICU once per process.
const std::array<EraSpan, kEras.size()>& era_spans();

// Index into kEras of an era name or letter (`令和`, `R`), or -1.
int era_by_name(std::string_view e);

}  // namespace kpix::period_parts

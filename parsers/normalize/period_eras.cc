#include "parsers/normalize/period_eras.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>

#include <memory>
#include <utility>

#include "parsers/normalize/period.h"

namespace kpix {
namespace period_parts {

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

}  // namespace period_parts

std::optional<int> era_to_gregorian(std::string_view era, int year) {
  int k = period_parts::era_by_name(era);
  if (k < 0 || year < 1 || year > 99) return std::nullopt;
  return period_parts::era_spans()[size_t(k)].first_year + year - 1;
}

}  // namespace kpix

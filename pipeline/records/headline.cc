#include "pipeline/records/headline.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"

namespace kpix {

std::optional<KpiRecord> read_headline(std::string_view raw, std::string_view era) {
  std::string line = normalize_text(raw);
  // name, baseline value, (baseline period) → target value (target period)
  static const RE2 form(
      "^(\\S.*?)\\s*((?:約)?[-▲△]?\\d[\\d,.]*\\s*[^\\d\\s()（）→]{0,4})\\s*[(（]([^()（）]*\\d[^()（）]*)[)）]\\s*→\\s*"
      "(\\S[^()（）]*?)\\s*[(（]([^()（）]*\\d[^()（）]*)[)）]\\s*$");
  std::string name, base, base_period, target, target_period;
  if (!RE2::FullMatch(line, form, &name, &base, &base_period, &target, &target_period)) return std::nullopt;
  auto bp = normalize_period(base_period, era);
  auto tp = normalize_period(target_period, era);
  if (!bp || !tp) return std::nullopt;
  CleanName clean = clean_indicator(name);
  if (clean.name.size() < 6) return std::nullopt;
  KpiRecord rec;
  rec.level = "goal";
  rec.indicator = clean.name;
  ValueHints hints;
  hints.era = std::string(era);
  hints.unit = clean.unit;
  RecordValue b;
  b.role = "baseline";
  b.v = normalize_value(base, hints);
  b.v.raw = base + "（" + base_period + "）";
  b.period = bp;
  RecordValue t;
  t.role = "target";
  t.v = normalize_value(target, hints);
  t.v.raw = target + "（" + target_period + "）";
  t.period = tp;
  // `５年間で６人（2019年度）`: the five years ending in the stated one.
  static const RE2 years("(\\d+)\\s*(?:か|ヶ|ケ|カ)?年間");
  int n = 0;
  bool total = std::find(t.v.qualifiers.begin(), t.v.qualifiers.end(), "total") != t.v.qualifiers.end();
  if (total && RE2::PartialMatch(normalize_text(target), years, &n) && n > 1 && n < 30) {
    t.period->start = t.period->end - n + 1;
    t.period->agg = Agg::sum;
  }
  if (b.v.status != ValueStatus::ok && t.v.status != ValueStatus::ok) return std::nullopt;
  rec.unit = t.v.unit.empty() ? b.v.unit : t.v.unit;
  rec.values = {b, t};
  return rec;
}

}  // namespace kpix

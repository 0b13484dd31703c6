#include "parsers/records/headline.h"

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/records/indicator_name.h"

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
  if (b.v.status != ValueStatus::ok && t.v.status != ValueStatus::ok) return std::nullopt;
  rec.unit = t.v.unit.empty() ? b.v.unit : t.v.unit;
  rec.values = {b, t};
  return rec;
}

}  // namespace kpix

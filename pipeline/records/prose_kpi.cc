#include "pipeline/records/prose_kpi.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/as_of.h"
#include "parsers/normalize/names.h"
#include "parsers/normalize/text.h"

namespace kpix {
namespace {

bool has(const std::vector<std::string>& qs, const char* q) { return std::find(qs.begin(), qs.end(), q) != qs.end(); }

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

RecordValue value_of(Role role, const std::string& text, const std::string& raw, const ValueHints& hints) {
  RecordValue rv;
  rv.role = role;
  rv.v = normalize_value(text, hints);
  rv.v.raw = raw;
  rv.period = rv.v.period;
  return rv;
}

KpiRecord record_of(const std::string& level, const std::string& name) {
  KpiRecord rec;
  rec.level = level;
  CleanName clean = clean_indicator(name);
  rec.indicator = clean.name;
  rec.unit = clean.unit;
  return rec;
}

void finish_unit(KpiRecord& rec) {
  for (const RecordValue& v : rec.values)
    if (v.v.status == ValueStatus::ok && !v.v.unit.empty()) {
      rec.unit = v.v.unit;
      return;
    }
}

// `name base(period) → target(period)`, the whole line.
std::optional<KpiRecord> read_headline(const std::string& line, std::string_view era) {
  static const RE2 form(
      "^(\\S.*?)\\s*((?:約)?[-▲△]?\\d[\\d,.]*\\s*[^\\d\\s()（）→]{0,4})\\s*[(（]([^()（）]*\\d[^()（）]*)[)）]\\s*→\\s*"
      "(\\S[^()（）]*?)\\s*[(（]([^()（）]*\\d[^()（）]*)[)）]\\s*$");
  std::string name, base, base_period, target, target_period;
  if (!RE2::FullMatch(line, form, &name, &base, &base_period, &target, &target_period)) return std::nullopt;
  auto bp = normalize_period(base_period, era);
  auto tp = normalize_period(target_period, era);
  if (!bp || !tp) return std::nullopt;
  KpiRecord rec = record_of("goal", name);
  if (char_count(rec.indicator) < 2 || rec.indicator.size() < 6) return std::nullopt;
  ValueHints hints{rec.unit, std::string(era)};
  RecordValue b = value_of(Role::baseline, base, base + "（" + base_period + "）", hints);
  b.period = bp;
  RecordValue t = value_of(Role::target, target, target + "（" + target_period + "）", hints);
  t.period = tp;
  // `５年間で６人（2019年度）`: the five years ending in the stated one.
  static const RE2 years("(\\d+)\\s*(?:か|ヶ|ケ|カ)?年間");
  int n = 0;
  if (has(t.v.qualifiers, "total") && RE2::PartialMatch(target, years, &n) && n > 1 && n < 30) {
    t.period->start = t.period->end - n + 1;
    t.period->agg = Agg::sum;
  }
  if (b.v.status != ValueStatus::ok && t.v.status != ValueStatus::ok) return std::nullopt;
  rec.values = {b, t};
  finish_unit(rec);
  return rec;
}

// `数値目標:観光入込客数 50万人(令和6年度)`: a goal's target and its year.
void read_goal_targets(const std::string& text, std::string_view era, std::vector<KpiRecord>& out) {
  static const RE2 form("数値目標\\s*[:：]\\s*([^\\d:：【】()]{2,}?)\\s*((?:約)?[0-9][0-9,.]*\\s*[^\\s\\d()【】、。]{0,4})\\s*\\(([^()]*\\d[^()]*)\\)");
  re2::StringPiece in(text);
  std::string name, value, period;
  while (RE2::FindAndConsume(&in, form, &name, &value, &period)) {
    auto p = normalize_period(period, era);
    if (!p) continue;
    KpiRecord rec = record_of("goal", name);
    if (rec.indicator.empty()) continue;
    RecordValue t = value_of(Role::target, value, value + "(" + period + ")", {rec.unit, std::string(era)});
    if (t.v.status != ValueStatus::ok) continue;
    t.period = p;
    rec.values.push_back(std::move(t));
    finish_unit(rec);
    out.push_back(std::move(rec));
  }
}

// `指標:NAME【数値目標:VALUE(数値目標の考え方:BASIS)】`: a project's target; a
// basis `R4年度と同数` says that year had the same figure (a baseline).
void read_indicator_targets(const std::string& text, std::string_view era, std::vector<KpiRecord>& out) {
  static const RE2 form("指標\\s*[:：]\\s*([^【】:：]+?)\\s*【\\s*数値目標\\s*[:：]\\s*([^【】]+)】");
  static const RE2 value_part("^\\s*([^()]+?)\\s*(\\(.*\\))?\\s*$");
  static const RE2 same("([^()、,:：\\s]*\\d+\\s*年度?)\\s*と同(?:数|値|水準)");
  re2::StringPiece in(text);
  std::string name, inner;
  while (RE2::FindAndConsume(&in, form, &name, &inner)) {
    std::string value, basis;
    if (!RE2::FullMatch(inner, value_part, &value, &basis)) continue;
    KpiRecord rec = record_of("project", name);
    if (rec.indicator.empty()) continue;
    ValueHints hints{rec.unit, std::string(era)};
    RecordValue t = value_of(Role::target, value, squeeze(inner), hints);
    if (t.v.status != ValueStatus::ok && t.v.status != ValueStatus::text) continue;
    if (!t.period) t.plan_end_pending = true;
    std::string year;
    if (RE2::PartialMatch(squeeze(basis), same, &year) && t.v.status == ValueStatus::ok) {
      if (auto p = normalize_period(year, era)) {
        RecordValue b = t;
        b.role = Role::baseline;
        b.period = p;
        b.plan_end_pending = false;
        b.v.raw = year + "と同数";
        b.v.qualifiers.clear();
        rec.values.push_back(t);
        rec.values.push_back(std::move(b));
      } else {
        rec.values.push_back(std::move(t));
      }
    } else {
      rec.values.push_back(std::move(t));
    }
    finish_unit(rec);
    out.push_back(std::move(rec));
  }
}

// `…の割合を30%以上とする`, `…を2名程度配置する`: a target for the plan's end.
// Money is left out: `…を5億円とする` is a budget, not an indicator.
void read_sentence_targets(const std::string& text, std::string_view era, std::vector<KpiRecord>& out) {
  static const RE2 form(
      "([^。、,\\s・:：()]{3,}?)を\\s*((?:約|おおむね)?[0-9][0-9,.]*\\s*[^\\s\\d以程との()、。]{0,3}\\s*(?:以上|以下|程度|前後)?)\\s*"
      "(?:に|と)?\\s*(?:する|配置する|確保する|目指す|達成する|維持する|増やす|開催する)");
  re2::StringPiece in(text);
  std::string name, value;
  while (RE2::FindAndConsume(&in, form, &name, &value)) {
    KpiRecord rec = record_of("project", name);
    if (char_count(rec.indicator) < 3) continue;
    RecordValue t = value_of(Role::target, value, squeeze(value), {rec.unit, std::string(era)});
    if (t.v.status != ValueStatus::ok || t.v.unit == "円") continue;
    if (!t.period) t.plan_end_pending = true;
    rec.values.push_back(std::move(t));
    finish_unit(rec);
    out.push_back(std::move(rec));
  }
}

// The last `(令和6年度)` standing alone before `pos`: the year the text below
// it reports.
std::optional<Period> year_heading_before(const std::string& text, size_t pos, std::string_view era) {
  static const RE2 heading("\\(((?:令和|平成|R|H)?\\d+年度)\\)");
  re2::StringPiece in(text.data(), pos);
  std::string year;
  std::optional<Period> last;
  while (RE2::FindAndConsume(&in, heading, &year))
    if (auto p = normalize_period(year, era); p && p->start == p->end) last = p;
  return last;
}

}  // namespace

std::vector<KpiRecord> read_prose_kpis(std::string_view raw, std::string_view era) {
  std::vector<KpiRecord> out;
  std::string text = normalize_text(raw);
  if (auto rec = read_headline(text, era)) {
    out.push_back(std::move(*rec));
    return out;
  }
  bool target_words = text.find("数値目標") != std::string::npos;
  if (target_words) {
    read_indicator_targets(text, era, out);
    if (out.empty()) read_goal_targets(text, era, out);
    return out;
  }
  if (text.find("を") != std::string::npos) read_sentence_targets(text, era, out);
  return out;
}

std::vector<NamedActual> read_named_actuals(std::string_view raw, const std::vector<std::string>& names,
                                           std::string_view era) {
  std::vector<NamedActual> out;
  std::string text = squeeze(normalize_text(raw));
  static const RE2 number("^[:：]((?:約)?[-▲△]?[0-9][0-9,.]*[^\\s\\d、,。※()・]{0,4})");
  for (const std::string& name : names) {
    std::string key = squeeze(normalize_text(name));
    if (key.empty()) continue;
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + key.size())) {
      std::string value;
      re2::StringPiece rest(text.data() + at + key.size(), text.size() - at - key.size());
      if (!RE2::PartialMatch(rest, number, &value)) continue;
      NamedActual nv{name, normalize_value(value), year_heading_before(text, at, era)};
      if (nv.v.status != ValueStatus::ok) continue;
      // The note of the bullet the value is in (`※R6.11末時点`) dates it.
      size_t end = text.find("・", at + key.size());
      nv.v.as_of = find_as_of(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
      out.push_back(std::move(nv));
    }
  }
  return out;
}

}  // namespace kpix

// Entry points: match_scale, match_unit, parse_unit_hint. The tables are the
// only place that knows which words are units; add a counter here, not in code.
#include "parsers/normalize/units.h"

#include <algorithm>
#include <array>

namespace kpix {
namespace {

// match_scale takes the longest match, so `千万` wins over `千`.
constexpr std::array<ScaleWord, 7> kScales{{
    {"百万", 6},
    {"千万", 7},
    {"十万", 5},
    {"千", 3},
    {"万", 4},
    {"億", 8},
    {"兆", 12},
}};

// Counter words and units as printed. They are kept as printed (名 is not 人)
// because the documents count different things with them. Order does not
// matter: match_unit takes the longest match.
constexpr std::string_view kUnits[] = {
    "円", "人泊", "人日", "人", "名", "件", "世帯", "戸", "社", "事業者", "事業所", "事業", "回", "組", "品目", "品",
    "種類", "種", "校", "施設", "団体", "歳", "%", "時間", "か所", "ヶ所", "カ所", "箇所", "所", "間口", "枚", "本",
    "基", "泊", "路線", "式", "台", "棟", "店舗", "店", "団", "チーム", "クラブ", "ポイント", "倍", "点", "日", "ヶ月",
    "か月", "人分", "冊", "頭", "隻", "便", "席", "区画", "地区", "農家", "経営体", "ha", "km", "m", "t", "kg", "kW", "kWh",
    "トン", "キロ", "ページ", "PV", "pt", "位",
};

bool is_latin(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::optional<ScaleWord> match_scale(std::string_view s) {
  std::optional<ScaleWord> best;
  for (const ScaleWord& w : kScales)
    if (s.starts_with(w.word) && (!best || w.word.size() > best->word.size())) best = w;
  return best;
}

std::string_view match_unit(std::string_view s) {
  std::string_view best;
  for (std::string_view u : kUnits) {
    if (!s.starts_with(u) || u.size() <= best.size()) continue;
    // `t` in `tons` or `m` in `min` is not the unit t / m.
    if (is_latin(u.back()) && s.size() > u.size() && is_latin(s[u.size()])) continue;
    best = u;
  }
  return best;
}

std::optional<UnitHint> parse_unit_hint(std::string_view hint) {
  UnitHint h;
  while (!hint.empty() && hint.front() == ' ') hint.remove_prefix(1);
  while (!hint.empty() && hint.back() == ' ') hint.remove_suffix(1);
  if (hint.empty()) return h;
  if (auto sc = match_scale(hint)) {
    h.exponent = sc->exponent;
    hint.remove_prefix(sc->word.size());
  }
  std::string_view u = match_unit(hint);
  // A hint is one unit, nothing after it; `千` alone (a scale without unit) is
  // allowed for columns headed `(千)`.
  if (u.size() != hint.size()) return std::nullopt;
  if (u.empty() && h.exponent == 0) return std::nullopt;
  h.unit = std::string(u);
  return h;
}

}  // namespace kpix

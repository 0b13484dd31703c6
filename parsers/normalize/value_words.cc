#include "parsers/normalize/value_words.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/units.h"

namespace kpix::value_parts {
namespace {

constexpr StatusWord kStatusWords[] = {
    {"非調査年", ValueStatus::not_surveyed, false, false},
    {"調査なし", ValueStatus::not_surveyed, false, false},
    {"調査無し", ValueStatus::not_surveyed, false, false},
    {"未調査", ValueStatus::not_surveyed, false, false},
    {"調査未実施", ValueStatus::not_surveyed, false, false},
    {"未公表", ValueStatus::unpublished, false, false},
    {"非公表", ValueStatus::unpublished, false, false},
    {"公表前", ValueStatus::unpublished, false, false},
    {"集計中", ValueStatus::pending, false, false},
    {"算出中", ValueStatus::pending, false, false},
    {"調査中", ValueStatus::pending, false, false},
    {"基準値を維持", ValueStatus::text, false, false},
    {"現状維持", ValueStatus::text, false, false},
    {"未策定", ValueStatus::text, false, false},
    {"設定しない", ValueStatus::text, false, false},
    {"設定が困難", ValueStatus::text, false, false},
    {"共通指標", ValueStatus::text, false, true},
    // Not yet final, and no figure given (with one, the figure is provisional).
    {"未確定", ValueStatus::pending, true, false},
    {"なし", ValueStatus::none, true, false},
    {"該当なし", ValueStatus::none, true, false},
    {"無し", ValueStatus::none, true, false},
};

// Words that qualify the value, wherever they stand outside a number.
struct QualifierWord {
  std::string_view word;
  std::string_view qualifier;
};
constexpr QualifierWord kQualifierWords[] = {
    {"累計", "cumulative"},   {"通算", "cumulative"},     {"暫定", "provisional"}, {"確定", "final"},
    {"速報", "provisional"},  {"未確定", "provisional"},
    {"各年度", "per_year"},   {"毎年度", "per_year"},     {"毎年", "per_year"},    {"/年", "per_year"},
    {"合計", "total"},        {"平均", "average"},        {"計画終了", "plan_end"}, {"計画期間終了", "plan_end"},
    {"終了時", "plan_end"},
    // An expected figure for a year not yet closed (docs/records.md: the role
    // stays the column's).
    {"見込", "estimate"},     {"見通し", "estimate"},
    // A number stated as approximate.
    {"約", "approximate"},    {"程度", "approximate"},    {"およそ", "approximate"}, {"前後", "approximate"},
};

// Qualifiers come out in this order, whatever order the cell wrote them in,
// so equal cells give equal records.
constexpr std::string_view kQualifierOrder[] = {"cumulative", "per_year", "total",    "average",
                                                "plan_end",   "provisional", "final", "shared",
                                                "estimate",   "approximate", "relative"};

// Words after a number that bound it rather than give it; the number is kept
// and a warning says the bound was dropped.
constexpr std::string_view kBoundWords[] = {"以上", "以下", "未満", "超"};

// Characters a cell uses to say "no value". `一` is in the list because the
// converter of the 砂川 sheet turned `—件` into `一件`; the seeds never write
// a number in kanji.
constexpr std::string_view kDashes[] = {"-", "−", "‐", "–", "—", "―", "ー", "一", "⇒", "→", "・", "~",
                                        "〜", "～", "/", "▲", "△", "*", "＊", "…", "."};

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// `w` in `s` where no 未 or 非 stands right before it: `未確定` is no `確定`.
bool contains_unnegated(std::string_view s, std::string_view w) {
  for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1)) {
    std::string_view before = s.substr(0, at);
    if (!before.ends_with("未") && !before.ends_with("非")) return true;
  }
  return false;
}

}  // namespace

const StatusWord* status_word_in(std::string_view t) {
  for (const StatusWord& w : kStatusWords)
    if (w.exact ? t == w.word : contains(t, w.word)) return &w;
  return nullptr;
}

void add_qualifier(NormalizedValue& v, std::string_view q) {
  if (std::find(v.qualifiers.begin(), v.qualifiers.end(), q) == v.qualifiers.end()) v.qualifiers.emplace_back(q);
}

void sort_qualifiers(NormalizedValue& v) {
  auto rank = [](const std::string& q) {
    return std::find(std::begin(kQualifierOrder), std::end(kQualifierOrder), q) - std::begin(kQualifierOrder);
  };
  std::stable_sort(v.qualifiers.begin(), v.qualifiers.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
}

// `N年間` (`5年間合計`, `(5年間)`, `5年間で`) is a total over N years unless it
// says 平均.
void read_qualifiers(std::string_view s, NormalizedValue& v) {
  static const RE2 years_span("[0-9]+\\s*(?:か|ヶ|ケ|カ)?\\s*年間");
  for (const QualifierWord& q : kQualifierWords)
    if (contains_unnegated(s, q.word)) add_qualifier(v, q.qualifier);
  if (RE2::PartialMatch(s, years_span) && !contains(s, "平均")) add_qualifier(v, "total");
  // `年111校`, `年間123人`: a count per year written before the number.
  static const RE2 year_first("^年間?\\s*[0-9]");
  if (RE2::PartialMatch(s, year_first)) add_qualifier(v, "per_year");
}

std::optional<std::string> relative_number(std::string_view s) {
  // The reference ends in a year, 実績, 基準値 or 現状値; the number is a share
  // with a change word after it, or a factor after ×.
  static const RE2 share("(?:年度?|実績|基準値?|現状値?|比)の?\\s*([0-9][0-9.,]*\\s*(?:%|割))\\s*(?:の)?(?:削減|増加?|減少?|向上|低減|縮減)");
  static const RE2 factor("(?:年度?|実績|基準値?|現状値?)\\s*[×xX*]\\s*([0-9][0-9.,]*)");
  // A change against the year before (`前年比+5%`, `対前年度比 3.2ポイント増`).
  static const RE2 against_last("前年度?比\\s*[+]?\\s*([0-9][0-9.,]*\\s*(?:%|割|ポイント))");
  // A share of change with nothing else in the cell (`5%増`, `10%削減`): a change
  // from the baseline, not a level.
  static const RE2 bare_change("^\\s*([0-9][0-9.,]*\\s*(?:%|割|ポイント))\\s*(?:の)?(?:削減|増加?|減少?|向上|低減|縮減)\\s*$");
  std::string n;
  if (RE2::PartialMatch(s, share, &n) || RE2::PartialMatch(s, factor, &n) || RE2::PartialMatch(s, against_last, &n) ||
      RE2::PartialMatch(s, bare_change, &n))
    return n;
  return std::nullopt;
}

std::vector<std::string_view> bound_words_in(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view b : kBoundWords)
    if (contains(s, b)) out.push_back(b);
  return out;
}

bool names_an_occasion(std::string_view s) {
  // 位 (a rank) is left out: `第3位` can be a KPI's value. A date is the
  // cell's only number: `4月1日現在 1,200人` is a count as of that day.
  static const RE2 ordinal("^\\s*第\\s*[0-9]+\\s*(?:回|期|次|号|章|条|節|弾|部|編)");
  static const RE2 date("^\\s*[0-9]{1,2}\\s*月\\s*[0-9]{1,2}\\s*日[^0-9]*$");
  return RE2::PartialMatch(s, ordinal) || RE2::PartialMatch(s, date);
}

bool only_dashes(std::string_view s) {
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    bool hit = false;
    for (std::string_view d : kDashes)
      if (s.substr(i).starts_with(d)) {
        i += d.size();
        hit = any = true;
        break;
      }
    if (hit) continue;
    // A unit after the dash (`一件`, `—人`) still says "no value".
    std::string_view u = match_unit(s.substr(i));
    if (!u.empty() && any) {
      i += u.size();
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace kpix::value_parts

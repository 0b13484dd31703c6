// Entry point: normalize_value (see value.h). The steps, in order:
//   1. fold the text (normalize_text) and look for a status word (未公表 …);
//   2. take out a period written in the cell (`(R2～R4平均)`, `(令和元年)`);
//   3. split bracketed notes from the main text and read them (`(通算19人)`,
//      `(5年間合計)`, `(計画終了時点)`);
//   4. read qualifier words of the main text (累計, 暫定値, 各年度, /年 …);
//   5. read the numbers of the main text with sign, scale and unit, and pick
//      the value among them;
//   6. otherwise decide between `none` (a dash) and `text` (words).
// Word lists are tables at the top; the code only walks them.
#include "parsers/normalize/value.h"

#include <algorithm>
#include <array>

#include <re2/re2.h>

#include "parsers/normalize/number.h"
#include "parsers/normalize/text.h"
#include "parsers/normalize/units.h"

namespace kpix {
namespace {

// ---- tables ---------------------------------------------------------------

// A word that decides the cell's status whatever else the cell holds
// (`調査なし (次回R8)` is not a value for R8). `exact`: only the whole cell.
struct StatusWord {
  std::string_view word;
  ValueStatus status;
  bool exact;
  bool shared;  // the value lives in another project's row
};
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
    {"各年度", "per_year"},   {"毎年度", "per_year"},     {"毎年", "per_year"},    {"/年", "per_year"},
    {"合計", "total"},        {"平均", "average"},        {"計画終了", "plan_end"}, {"計画期間終了", "plan_end"},
    {"終了時", "plan_end"},
};

// Qualifiers come out in this order, whatever order the cell wrote them in,
// so equal cells give equal records.
constexpr std::string_view kQualifierOrder[] = {"cumulative", "per_year", "total", "average",
                                                "plan_end",   "provisional", "final", "shared"};

// Words after a number that bound it rather than give it; the number is kept
// and a warning says the bound was dropped.
constexpr std::string_view kBoundWords[] = {"以上", "以下", "未満", "超"};

// Characters a cell uses to say "no value". `一` is in the list because the
// converter of the 砂川 sheet turned `—件` into `一件`; the seeds never write
// a number in kanji.
constexpr std::string_view kDashes[] = {"-", "−", "‐", "–", "—", "―", "ー", "一", "⇒", "→", "・", "~",
                                        "〜", "～", "/", "▲", "△", "*", "＊", "…", "."};

// Signs before a number. A hyphen-like sign counts only when no digit stands
// right before it (`1-3` is a range).
constexpr std::string_view kNegativeSigns[] = {"▲", "△", "-", "−", "‐", "–"};

// ---- small helpers --------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

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

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

// `N年間` (`5年間合計`, `(5年間)`, `5年間で`) is a total over N years unless it
// says 平均.
void read_qualifiers(std::string_view s, NormalizedValue& v) {
  static const RE2 years_span("[0-9]+\\s*(?:か|ヶ|ケ|カ)?\\s*年間");
  for (const QualifierWord& q : kQualifierWords)
    if (contains(s, q.word)) add_qualifier(v, q.qualifier);
  if (RE2::PartialMatch(s, years_span) && !contains(s, "平均")) add_qualifier(v, "total");
  // `年111校`: a count per year written before the number.
  static const RE2 year_first("^年\\s*[0-9]");
  if (RE2::PartialMatch(s, year_first)) add_qualifier(v, "per_year");
}

// ---- numbers --------------------------------------------------------------

// One number as written: sign, digits, scale words, unit.
struct Token {
  Decimal value;
  bool invalid = false;
  std::string why;
  std::string unit;      // as printed, with `/日` appended for rates
  int exponent = 0;      // scale of the last part (千 = 3)
  bool has_scale = false;
  std::string text;      // the token as written, for warnings
};

bool negative_sign_before(std::string_view s, size_t pos, size_t& sign_begin) {
  size_t i = pos;
  if (i > 0 && s[i - 1] == ' ') --i;  // `▲ 680`
  for (std::string_view sign : kNegativeSigns) {
    if (i < sign.size() || s.substr(i - sign.size(), sign.size()) != sign) continue;
    size_t b = i - sign.size();
    bool hyphen = sign != "▲" && sign != "△";
    if (hyphen && b > 0 && is_digit(s[b - 1])) return false;
    if (hyphen && i != pos) return false;  // `- 5` is a list dash, not a sign
    sign_begin = b;
    return true;
  }
  return false;
}

// Reads a number starting at s[pos] (a digit). Compound amounts
// (`164億8,549万7千円`) add their parts, each scaled exactly.
Token read_token(std::string_view s, size_t pos, size_t& end) {
  Token t;
  size_t begin = pos;
  size_t sign_begin = pos;
  bool negative = negative_sign_before(s, pos, sign_begin);
  if (negative) begin = sign_begin;
  Decimal total;
  int last_exponent = 99;
  size_t i = pos;
  while (true) {
    DigitScan d = scan_digits(s, i);
    if (d.invalid) {
      t.invalid = true;
      t.why = d.why;
    }
    auto part = Decimal::parse(d.plain);
    size_t j = d.end;
    skip_spaces(s, j);
    auto scale = match_scale(s.substr(j));
    int exponent = 0;
    if (scale) {
      exponent = scale->exponent;
      j += scale->word.size();
    }
    // A later part must be smaller than the one before (`1億8,133万`), and a
    // part without scale is only taken when a unit follows it (`1万2000円`).
    bool first = i == pos;
    if (!first) {
      size_t u = j;
      skip_spaces(s, u);
      if (exponent >= last_exponent || (!scale && match_unit(s.substr(u)).empty())) break;
    }
    if (part && !d.invalid) total = total.plus(part->scaled(exponent));
    t.has_scale = t.has_scale || scale.has_value();
    t.exponent = exponent;
    last_exponent = exponent;
    i = j;
    end = j;
    // Another part follows only after a scale word.
    if (!scale) break;
    size_t k = j;
    skip_spaces(s, k);
    if (k >= s.size() || !is_digit(s[k])) break;
    i = k;
  }
  size_t j = end;
  skip_spaces(s, j);
  std::string_view unit = match_unit(s.substr(j));
  if (!unit.empty()) {
    t.unit = std::string(unit);
    end = j + unit.size();
    // `273人/日` is a rate with its own unit; `/年` is the per_year qualifier.
    static const RE2 rate("/(日|週|月|人|回|件|世帯)");
    re2::StringPiece in(s.data() + end, s.size() - end);
    std::string per;
    if (RE2::Consume(&in, rate, &per)) {
      t.unit += "/" + per;
      end = size_t(in.data() - s.data());
    }
  }
  t.value = negative ? total.negated() : total;
  t.text = std::string(s.substr(begin, end - begin));
  return t;
}

std::vector<Token> read_tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    out.push_back(read_token(s, i, end));
    i = std::max(end, i + 1);
  }
  return out;
}

// The value among several numbers: the one in the hint's unit when exactly one
// is, else the last. `3世帯9人` (3 households, 9 people in them) gives 9人,
// the finer count the indicator counts; `5世帯15人` gives 15人.
size_t pick_token(const std::vector<Token>& tokens, const std::string& hint_unit) {
  if (!hint_unit.empty()) {
    size_t hits = 0, at = 0;
    for (size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].unit == hint_unit) ++hits, at = k;
    if (hits == 1) return at;
  }
  return tokens.size() - 1;
}

struct Reading {
  bool found = false;
  bool invalid = false;
  Decimal value;
  std::string unit;
  int exponent = 0;
  std::vector<std::string> warnings;
};

// The value of a text part (the main text or a `通算…` note), with the hint's
// unit and scale applied to a bare number.
Reading read_number(std::string_view s, const UnitHint& hint) {
  Reading r;
  std::vector<Token> tokens = read_tokens(s);
  if (tokens.empty()) return r;
  size_t k = pick_token(tokens, hint.unit);
  if (tokens.size() > 1) {
    std::string all;
    for (const Token& t : tokens) all += (all.empty() ? "" : ", ") + t.text;
    r.warnings.push_back("several numbers (" + all + "): read " + tokens[k].text);
  }
  const Token& t = tokens[k];
  r.found = true;
  if (t.invalid) {
    r.invalid = true;
    r.warnings.push_back("invalid number " + t.text + ": " + t.why + "; not read");
    return r;
  }
  r.value = t.value;
  r.unit = t.unit;
  r.exponent = t.exponent;
  if (t.unit.empty()) {
    // A unit given outside the cell (`(千人)` header): 902.9 → 902900 人.
    r.unit = hint.unit;
    if (!t.has_scale) {
      r.value = t.value.scaled(hint.exponent);
      r.exponent = hint.exponent;
    }
  }
  return r;
}

int64_t pow10(int e) {
  int64_t v = 1;
  for (int k = 0; k < e && k < 18; ++k) v *= 10;
  return v;
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

// Splits `10人 (通算19人)` into the main text `10人` and the notes.
void split_brackets(std::string_view s, std::string& main, std::vector<std::string>& notes) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '(') {
      size_t close = s.find(')', i + 1);
      size_t stop = close == std::string_view::npos ? s.size() : close;
      notes.emplace_back(s.substr(i + 1, stop - i - 1));
      i = close == std::string_view::npos ? s.size() : close + 1;
      main += ' ';
      continue;
    }
    if (s[i] == ')') {  // an unmatched close bracket is layout
      ++i;
      continue;
    }
    main += s[i++];
  }
}

// A note: a running total (`通算19人`, `累計 3件`) or qualifier words.
void read_note(std::string_view note, const UnitHint& hint, NormalizedValue& v) {
  for (std::string_view w : {std::string_view("通算"), std::string_view("累計")}) {
    size_t at = note.find(w);
    if (at == std::string_view::npos) continue;
    Reading r = read_number(note.substr(at + w.size()), hint);
    if (r.found && !r.invalid) {
      v.cumulative = r.value.to_double();
      return;
    }
  }
  // `(新規1件)`, `(継続2件)`, `(コロナのため中止)` explain the figure; they
  // are not qualifiers and are left out.
  read_qualifiers(note, v);
}

}  // namespace

std::string_view to_string(ValueStatus s) {
  switch (s) {
    case ValueStatus::ok: return "ok";
    case ValueStatus::not_surveyed: return "not_surveyed";
    case ValueStatus::unpublished: return "unpublished";
    case ValueStatus::pending: return "pending";
    case ValueStatus::none: return "none";
    case ValueStatus::text: return "text";
    case ValueStatus::invalid: return "invalid";
  }
  return "none";
}

nlohmann::json NormalizedValue::to_json() const {
  nlohmann::json j;
  j["raw"] = raw;
  // Whole numbers print as JSON integers (181330000, not 181330000.0).
  bool integral = value && number.find('.') == std::string::npos && number.size() <= 16;
  if (!value)
    j["value"] = nullptr;
  else if (integral)
    j["value"] = std::stoll(number);
  else
    j["value"] = *value;
  if (value) j["number"] = number;
  j["unit"] = unit;
  j["scale"] = scale;
  j["status"] = std::string(to_string(status));
  j["qualifiers"] = qualifiers;
  if (cumulative) {
    double c = *cumulative;
    // Range first: casting a double beyond int64 to an integer is undefined
    // (a 27-digit `通算` found by the fuzzer).
    if (c > -1e15 && c < 1e15 && c == static_cast<double>(static_cast<int64_t>(c)))
      j["cumulative"] = static_cast<int64_t>(c);
    else
      j["cumulative"] = c;
  }
  if (period) j["period"] = period->to_json();
  if (!warnings.empty()) j["warnings"] = warnings;
  return j;
}

NormalizedValue normalize_value(std::string_view text, const ValueHints& hints) {
  NormalizedValue v;
  v.raw = std::string(text);
  std::string t = normalize_text(text);
  UnitHint hint = parse_unit_hint(hints.unit).value_or(UnitHint{});

  // 1. A status word decides the cell; its numbers are about something else.
  for (const StatusWord& w : kStatusWords) {
    if (w.exact ? t == w.word : contains(t, w.word)) {
      v.status = w.status;
      if (w.shared) add_qualifier(v, "shared");
      return v;
    }
  }

  // 2. A period in the cell (`(R4実績)`, `2024年度(令和6年度)中の…`).
  size_t pb = 0, pe = 0;
  if (auto p = find_period_span(t, hints.era, pb, pe, /*explicit_only=*/true)) {
    v.period = *p;
    for (const std::string& w : p->warnings) v.warnings.push_back(w);
    t.erase(pb, pe - pb);
  }

  // 3. Bracketed notes.
  std::string main;
  std::vector<std::string> notes;
  split_brackets(t, main, notes);
  for (const std::string& n : notes) read_note(n, hint, v);

  // 4. Qualifier words of the main text. `5年間で` is read before the numbers
  // and cut out, so its 5 is not taken for the value.
  read_qualifiers(main, v);
  static const RE2 years_span("[0-9]+\\s*(?:か|ヶ|ケ|カ)?\\s*年間(?:の合計|合計|の平均|平均|で)?");
  RE2::GlobalReplace(&main, years_span, " ");

  // 5. The numbers.
  Reading r = read_number(main, hint);
  for (std::string& w : r.warnings) v.warnings.push_back(std::move(w));
  if (r.found) {
    if (r.invalid) {
      v.status = ValueStatus::invalid;
      v.period.reset();
      return v;
    }
    v.status = ValueStatus::ok;
    v.number = r.value.str();
    v.value = r.value.to_double();
    v.unit = r.unit;
    v.scale = pow10(r.exponent);
    for (std::string_view b : kBoundWords)
      if (contains(main, b)) v.warnings.push_back(std::string(b) + ": a bound, read as the number itself");
    sort_qualifiers(v);
    return v;
  }

  // 6. No number: a dash (or nothing) is `none`, words are `text`. Only a
  // target in words keeps its period (`2024年度中の計画策定`).
  v.cumulative.reset();
  if (only_dashes(main)) {
    v.status = ValueStatus::none;
    v.qualifiers.clear();
    v.period.reset();
    v.warnings.clear();
    return v;
  }
  v.status = ValueStatus::text;
  sort_qualifiers(v);
  return v;
}

}  // namespace kpix

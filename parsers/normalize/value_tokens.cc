#include "parsers/normalize/value_tokens.h"

#include <algorithm>

#include <re2/re2.h>

namespace kpix::value_parts {
namespace {

// Signs before a number. A hyphen-like sign counts only when no digit stands
// right before it (`1-3` is a range).
constexpr std::string_view kNegativeSigns[] = {"▲", "△", "-", "−", "‐", "–"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

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
// is, else the last with a unit or a scale word, else the last. `3世帯9人` (3
// households, 9 people in them) gives 9人, the finer count the indicator
// counts; `5世帯15人` gives 15人; `1,498千円¹` (NFKC: `1,498千円1`) gives
// 1,498千円, not the mark after it.
size_t pick_token(const std::vector<Token>& tokens, const std::string& hint_unit) {
  if (!hint_unit.empty()) {
    size_t hits = 0, at = 0;
    for (size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].unit == hint_unit) ++hits, at = k;
    if (hits == 1) return at;
  }
  for (size_t k = tokens.size(); k-- > 0;)
    if (!tokens[k].unit.empty() || tokens[k].has_scale) return k;
  return tokens.size() - 1;
}

}  // namespace

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

}  // namespace kpix::value_parts

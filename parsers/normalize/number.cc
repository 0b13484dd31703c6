// Entry points: Decimal and scan_digits (see number.h). Everything here works
// on ASCII text that normalize_text has already folded from full width.
#include "parsers/normalize/number.h"

#include <cstdlib>

namespace kpix {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t digit_run(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

// Strips leading zeros of the integer part, trailing zeros of the fraction.
Decimal canonical(Decimal d) {
  while (d.frac > 0 && d.digits.size() > 1 && d.digits.back() == '0') {
    d.digits.pop_back();
    --d.frac;
  }
  if (d.frac > 0 && d.digits.back() == '0' && d.digits.size() == 1) d.frac = 0;
  while (d.digits.size() > size_t(d.frac) + 1 && d.digits.front() == '0') d.digits.erase(0, 1);
  if (d.digits.empty()) d.digits = "0";
  if (d.is_zero()) d.negative = false;
  return d;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view plain) {
  Decimal d;
  size_t n = digit_run(plain, 0);
  if (n == 0) return std::nullopt;
  std::string digits(plain.substr(0, n));
  int frac = 0;
  if (n < plain.size()) {
    if (plain[n] != '.') return std::nullopt;
    size_t m = digit_run(plain, n + 1);
    if (m == 0 || n + 1 + m != plain.size()) return std::nullopt;
    digits += plain.substr(n + 1, m);
    frac = int(m);
  }
  d.digits = digits;
  d.frac = frac;
  return canonical(d);
}

Decimal Decimal::scaled(int exponent) const {
  Decimal d = *this;
  int shift = exponent < d.frac ? exponent : d.frac;
  d.frac -= shift;
  d.digits.append(size_t(exponent - shift), '0');
  return canonical(d);
}

Decimal Decimal::plus(const Decimal& o) const {
  // Align the fractions, then add digit by digit from the right.
  std::string a = digits, b = o.digits;
  int frac_out = frac > o.frac ? frac : o.frac;
  a.append(size_t(frac_out - frac), '0');
  b.append(size_t(frac_out - o.frac), '0');
  if (a.size() < b.size()) a.insert(0, b.size() - a.size(), '0');
  if (b.size() < a.size()) b.insert(0, a.size() - b.size(), '0');
  std::string sum(a.size(), '0');
  int carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    int v = (a[i] - '0') + (b[i] - '0') + carry;
    sum[i] = char('0' + v % 10);
    carry = v / 10;
  }
  if (carry) sum.insert(0, 1, '1');
  Decimal d;
  d.digits = sum;
  d.frac = frac_out;
  return canonical(d);
}

Decimal Decimal::negated() const {
  Decimal d = *this;
  d.negative = !d.negative;
  return canonical(d);
}

bool Decimal::is_zero() const { return digits.find_first_not_of('0') == std::string::npos; }

std::string Decimal::str() const {
  std::string s = digits;
  if (frac > 0) {
    if (s.size() <= size_t(frac)) s.insert(0, size_t(frac) + 1 - s.size(), '0');
    s.insert(s.size() - size_t(frac), 1, '.');
  }
  return negative ? "-" + s : s;
}

// strtod rounds the exact decimal string once, to the nearest double.
double Decimal::to_double() const { return std::strtod(str().c_str(), nullptr); }

DigitScan scan_digits(std::string_view s, size_t pos) {
  DigitScan r;
  size_t first = digit_run(s, pos);
  r.plain = std::string(s.substr(pos, first));
  size_t i = pos + first;
  bool bad_group = false;
  // Comma groups: every group after a comma must have exactly 3 digits, and the
  // first at most 3. `9,18` and `115,16,324` are typos, never guessed.
  bool commas = false;
  while (i + 1 < s.size() && s[i] == ',' && is_digit(s[i + 1])) {
    size_t g = digit_run(s, i + 1);
    if (g != 3) bad_group = true;
    commas = true;
    r.plain += s.substr(i + 1, g);
    i += 1 + g;
  }
  if (commas && first > 3) bad_group = true;
  // Nor is a first group that starts with 0 (`00,000`, `0,5`): what stood
  // before it was lost (`4 00,000`, a letter-spaced `400,000`), or its
  // comma is a decimal point.
  bool zero_group = commas && s[pos] == '0';
  // Space groups (`171 811`): join only 3-digit groups after a first group of
  // 1-3 digits, so `3 12` stays two numbers.
  if (!commas && first <= 3) {
    size_t j = i;
    std::string joined;
    while (j + 1 < s.size() && s[j] == ' ' && digit_run(s, j + 1) == 3) {
      joined += s.substr(j + 1, 3);
      j += 4;
    }
    if (!joined.empty()) {
      r.plain += joined;
      i = j;
    }
  }
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    size_t f = digit_run(s, i + 1);
    r.plain += '.';
    r.plain += s.substr(i + 1, f);
    i += 1 + f;
    // `1.2.3` or `1.5,000`: a second separator after the fraction is not a number.
    if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
      r.invalid = true;
      r.why = "separator after the decimal fraction";
      while (i < s.size() && (is_digit(s[i]) || s[i] == '.' || s[i] == ',')) ++i;
    }
  }
  r.end = i;
  if (bad_group && !r.invalid) {
    r.invalid = true;
    r.why = "comma groups not of three digits";
  }
  if (zero_group && !r.invalid) {
    r.invalid = true;
    r.why = "a comma group after a leading 0";
  }
  size_t significant = 0;
  for (char c : r.plain) significant += is_digit(c);
  if (!r.invalid && significant > kMaxDigits) {
    r.invalid = true;
    r.why = "more than 30 digits";
  }
  return r;
}

}  // namespace kpix

// Exact decimal numbers for cell values, and the scanner that reads one digit
// string as the documents write it (`1,234`, `171 811`, `0.29`).
//
//   Decimal d = *Decimal::parse("0.29");
//   d.scaled(8).str() == "29000000"   // 0.29億, exact; 0.29 * 1e8 as double is not
//
// Entry points: Decimal (parse, scaled, plus, str, to_double) and scan_digits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpix {

// A non-negative-or-negative decimal held as its digits, so scaling by powers
// of ten and adding parts (`1億` + `8,133万`) never rounds.
struct Decimal {
  bool negative = false;
  std::string digits = "0";  // all digits, integer and fraction, no leading zeros
  int frac = 0;              // how many of `digits` come after the point

  // Plain ASCII `123`, `123.45`, `.5` is not accepted; nullopt on anything else.
  static std::optional<Decimal> parse(std::string_view plain);
  Decimal scaled(int exponent) const;  // times 10^exponent (exponent >= 0)
  Decimal plus(const Decimal& o) const;  // both non-negative
  Decimal negated() const;
  bool is_zero() const;
  std::string str() const;  // canonical: "-1234.5", "0", no trailing fraction zeros
  double to_double() const;
};

// Maximum significant digits read; longer strings are not a KPI value.
inline constexpr size_t kMaxDigits = 30;

// One digit string starting at s[pos] (which must be an ASCII digit).
struct DigitScan {
  size_t end = 0;       // one past the last byte read
  std::string plain;    // separators removed: "1234.5"
  bool invalid = false; // comma groups not of three (`9,18`) or after a 0 (`00,000`), too long, `1.2.3`
  std::string why;      // for the warning when invalid
};
// Comma groups must be 1-3 digits, not starting with 0, then groups of
// exactly 3. A space splits a
// group only when every later group has exactly 3 digits (`171 811`, `1 037`);
// otherwise the space ends the number (`2 3` is two numbers).
DigitScan scan_digits(std::string_view s, size_t pos);

}  // namespace kpix

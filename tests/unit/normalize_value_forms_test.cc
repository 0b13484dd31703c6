// normalize_value on forms rather than seed cells: numbers that cannot be
// right, cells with no value, formulas and occasions that are text, the
// warnings and JSON, exact decimals, fuzzer findings, and a round trip of
// random numbers written in the documents' styles.
#include <cstdlib>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "parsers/normalize/number.h"
#include "parsers/normalize/value.h"

namespace kpix {
namespace {

// Numbers that cannot be right: invalid, value empty, raw kept, a warning.
TEST(NormalizeValue, InvalidNumbers) {
  const char* cells[] = {"累計9,18", "115,16,324", "1,2345", "12,34人", "1234,567", "1.2.3", "▲1,23",
                         "9,18件", "1,00", "1234567890123456789012345678901", "4 00,000人/年", "0,5%"};
  for (const char* cell : cells) {
    NormalizedValue v = normalize_value(cell);
    EXPECT_EQ(v.status, ValueStatus::invalid) << cell;
    EXPECT_FALSE(v.value) << cell;
    EXPECT_EQ(v.raw, cell);
    EXPECT_FALSE(v.warnings.empty()) << cell;
  }
}

// Cells that hold no value: never zero, never negative.
TEST(NormalizeValue, NoValue) {
  const char* cells[] = {"－", "―", "—", "-", "−", "⇒", "", "ー", "一", "〜", "…", "－人", "—件", "(コロナのため中止)"};
  for (const char* cell : cells) {
    NormalizedValue v = normalize_value(cell);
    EXPECT_EQ(v.status, ValueStatus::none) << cell;
    EXPECT_FALSE(v.value) << cell;
    EXPECT_TRUE(v.qualifiers.empty()) << cell;
  }
}

// A spreadsheet formula in a cell is text (issue 13): `=A1` is not 1.
TEST(NormalizeValue, FormulasAreText) {
  const char* cells[] = {"=A1", "=1+2+cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"1\")",
                         "-cmd|' /C calc'!A0", "＝A1"};
  for (const char* cell : cells) {
    NormalizedValue v = normalize_value(cell);
    EXPECT_EQ(v.status, ValueStatus::text) << cell;
    EXPECT_FALSE(v.value) << cell;
  }
  // Signed numbers stay numbers.
  EXPECT_EQ(*normalize_value("-3").value, -3);
  EXPECT_EQ(*normalize_value("+1.5").value, 1.5);
}

// A cell naming an occasion is text: a schedule's `第1回推進会議` counts no
// meetings, its `7月4日` is a day, not 4 of anything.
TEST(NormalizeValue, OccasionsAreText) {
  const char* cells[] = {"第1回総合戦略庁内検討委員会", "第３回総合戦略推進会議（書面会議）（～8日）", "7月4日",
                         "11月13日", "１２月２１日", "第2期計画の策定", "第 2 回"};
  for (const char* cell : cells) {
    NormalizedValue v = normalize_value(cell);
    EXPECT_EQ(v.status, ValueStatus::text) << cell;
    EXPECT_FALSE(v.value) << cell;
  }
  // Counts stay counts: an ordinal after the number, a count per period, a
  // count as of a day, a rank.
  EXPECT_EQ(*normalize_value("3人(第1期6年間)").value, 3);
  EXPECT_EQ(*normalize_value("年2回").value, 2);
  EXPECT_EQ(*normalize_value("4月1日現在 1,200人").value, 1200);
  EXPECT_EQ(*normalize_value("第3位").value, 3);
}

TEST(NormalizeValue, Warnings) {
  // 3世帯9人: the last counted number is the value; the dropped one is named.
  NormalizedValue v = normalize_value("3世帯9人");
  ASSERT_EQ(v.warnings.size(), 1u);
  EXPECT_EQ(v.warnings[0], "several numbers (3世帯, 9人): read 9人");
  NormalizedValue bad = normalize_value("累計9,18");
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_EQ(bad.warnings[0], "invalid number 9,18: comma groups not of three digits; not read");
  NormalizedValue bound = normalize_value("8,500万円以上");
  ASSERT_EQ(bound.warnings.size(), 1u);
  EXPECT_EQ(bound.warnings[0], "以上: a bound, read as the number itself");
  EXPECT_TRUE(normalize_value("1,498千円").warnings.empty());
}

TEST(NormalizeValue, Json) {
  EXPECT_EQ(normalize_value("10人 (通算19人)").to_json().dump(-1, ' ', false),
            R"j({"cumulative":19,"number":"10","qualifiers":[],"raw":"10人 (通算19人)","scale":1,"status":"ok","unit":"人","value":10})j");
  EXPECT_EQ(normalize_value("未公表").to_json().dump(-1, ' ', false),
            R"({"qualifiers":[],"raw":"未公表","scale":1,"status":"unpublished","unit":"","value":null})");
  EXPECT_EQ(normalize_value("0.29億円").to_json()["value"].get<int64_t>(), 29000000);
  EXPECT_EQ(normalize_value("△7.04%").to_json()["value"].get<double>(), -7.04);
}

// Exact decimal scaling, the reason the value is never a double product.
TEST(Decimal, ScaleAndAdd) {
  EXPECT_EQ(Decimal::parse("0.29")->scaled(8).str(), "29000000");
  EXPECT_EQ(Decimal::parse("24.8")->scaled(8).str(), "2480000000");
  EXPECT_EQ(Decimal::parse("902.9")->scaled(3).str(), "902900");
  EXPECT_EQ(Decimal::parse("0.001")->scaled(2).str(), "0.1");
  EXPECT_EQ(Decimal::parse("007.50")->str(), "7.5");
  EXPECT_EQ(Decimal::parse("1")->scaled(8).plus(Decimal::parse("8133")->scaled(4)).str(), "181330000");
  EXPECT_EQ(Decimal::parse("99.95")->plus(*Decimal::parse("0.05")).str(), "100");
  EXPECT_EQ(Decimal::parse("5")->negated().str(), "-5");
  EXPECT_EQ(Decimal::parse("0")->negated().str(), "0");
  EXPECT_FALSE(Decimal::parse(".5"));
  EXPECT_FALSE(Decimal::parse("1."));
  EXPECT_FALSE(Decimal::parse("1,000"));
  EXPECT_FALSE(Decimal::parse(""));
}

TEST(ScanDigits, Groups) {
  EXPECT_EQ(scan_digits("171 811", 0).plain, "171811");
  EXPECT_EQ(scan_digits("2 3", 0).plain, "2");          // not a 3-digit group
  EXPECT_EQ(scan_digits("1 0370", 0).plain, "1");       // 4 digits is no group
  EXPECT_EQ(scan_digits("1,168.5", 0).plain, "1168.5");
  EXPECT_TRUE(scan_digits("9,18", 0).invalid);
  EXPECT_TRUE(scan_digits("115,16,324", 0).invalid);
  EXPECT_FALSE(scan_digits("8,969,733", 0).invalid);
  EXPECT_TRUE(scan_digits("00,000", 0).invalid);        // what stood before it was lost
  EXPECT_EQ(scan_digits("00,000", 0).why, "a comma group after a leading 0");
  EXPECT_FALSE(scan_digits("0.5", 0).invalid);
  EXPECT_FALSE(scan_digits("0", 0).invalid);
  EXPECT_EQ(scan_digits("3件 (新規1件)", 0).end, 1u);
}

// Inputs the fuzzers found (tests/fuzz, scripts/fuzz), kept so they stay fixed.
TEST(NormalizeValue, FuzzRegressions) {
  // crash-f2ca70b7: a 27-digit running total made to_json cast a double past
  // int64 (UBSan: outside the range of representable values).
  std::string cell = "\xff\xff\xe2\x96\x30\x01\x33\xef\xbf(\xe9\x80\x9a\xe7\xae\x97\xe6\x89"
                     "666600000133584280347428444\x86";
  NormalizedValue v = normalize_value(cell);
  ASSERT_TRUE(v.cumulative);
  EXPECT_EQ(*v.cumulative, 666600000133584280347428444.0);
  nlohmann::json j = v.to_json();
  EXPECT_TRUE(j["cumulative"].is_number_float());
  EXPECT_EQ(v.raw, cell);
}

// ---- round trip ------------------------------------------------------------

std::string group(const std::string& digits, const std::string& sep) {
  std::string out;
  size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out = digits.substr(0, first);
  for (size_t i = first; i < digits.size(); i += 3) out += sep + digits.substr(i, 3);
  return out;
}

std::string full_width(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      // U+FF10 + digit: EF BC 90..99
      out += "\xEF\xBC";
      out += char(0x90 + (c - '0'));
    } else if (c == ',') {
      out += "，";
    } else if (c == '.') {
      out += "．";
    } else {
      out += c;
    }
  }
  return out;
}

// Random numbers written in the documents' styles read back to the same exact
// decimal string.
TEST(NormalizeValue, RoundTrip) {
  std::mt19937_64 rng(20231220);
  std::uniform_int_distribution<int64_t> any(0, 9'999'999'999LL);
  for (int i = 0; i < 3000; ++i) {
    int64_t n = any(rng) >> (rng() % 30);  // spread over magnitudes
    std::string digits = std::to_string(n);
    std::string want = digits;
    std::string cell;
    switch (i % 10) {
      case 0: cell = digits; break;
      case 1: cell = group(digits, ","); break;
      case 2: cell = full_width(group(digits, ",")); break;
      case 3: cell = group(digits, " "); break;
      case 4:
        cell = (i % 20 == 4 ? "▲" : "△") + group(digits, ",") + "人";
        want = n == 0 ? "0" : "-" + digits;
        break;
      case 5:
        cell = "▲ " + group(digits, " ");
        want = n == 0 ? "0" : "-" + digits;
        break;
      case 6:  // scaled: n千円 is n * 1000 円
        cell = group(digits, ",") + "千円";
        want = n == 0 ? "0" : digits + "000";
        break;
      case 7: {  // 億万 compound: a億b万c円 with b written with commas
        int64_t a = n % 1000, b = (n / 1000) % 10000, c = (n / 10'000'000) % 10000;
        cell = std::to_string(a) + "億" + group(std::to_string(b), ",") + "万" + std::to_string(c) + "円";
        want = std::to_string(a * 100'000'000 + b * 10'000 + c);
        break;
      }
      case 8: {  // decimal 億: k/100 億円 = k * 1,000,000 円
        int64_t k = n % 100000;
        cell = std::to_string(k / 100) + "." + (k % 100 < 10 ? "0" : "") + std::to_string(k % 100) + "億円";
        want = std::to_string(k * 1'000'000);
        break;
      }
      case 9: {  // hint 千人 on a one-decimal bare number: x.y → x*1000 + y*100
        int64_t k = n % 10'000'000;
        cell = group(std::to_string(k / 10), ",") + "." + std::to_string(k % 10);
        want = std::to_string(k * 100);
        break;
      }
    }
    ValueHints h;
    if (i % 10 == 9) h.unit = "千人";
    NormalizedValue v = normalize_value(cell, h);
    ASSERT_EQ(v.status, ValueStatus::ok) << cell;
    EXPECT_EQ(v.number, want) << cell;
    EXPECT_EQ(*v.value, std::strtod(want.c_str(), nullptr)) << cell;
  }
}

}  // namespace
}  // namespace kpix

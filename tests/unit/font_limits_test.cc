// ToUnicode maps are measured before Poppler builds them (pipeline/load/font_limits.h).
#include <gtest/gtest.h>

#include <string>

#include "pipeline/load/font_limits.h"

namespace kpix {
namespace {

std::string repeated(const std::string& line, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += line;
  return s;
}

TEST(FontLimits, CountsTheCodesOfBfrangeSections) {
  struct Case {
    std::string cmap;
    long codes;
  } cases[] = {
      {"", 0},
      {"1 begincodespacerange <0000> <ffff> endcodespacerange", 0},
      {"2 beginbfchar <0001> <0041> <0002> <0042> endbfchar", 0},  // one entry per line: bounded by the text
      {"1 beginbfrange <0020> <007e> <0020> endbfrange", 95},
      {"1 beginbfrange\n<0000><00ff>[<0041> <0042>]\nendbfrange", 256},
      {"1 beginbfrange <0010> <0001> <0041> endbfrange", 0},  // reversed: Poppler maps nothing
      {"1 beginbfrange <0000> <000f> <0041> endbfrange 1 beginbfrange <0100> <0101> <00410042> endbfrange", 18},
      {"1 beginbfrange <0000> <ffff> <00410042> endbfrange", 65536},
      {"1 beginbfrange <0000> <00", 1},  // cut short: counted as far as it goes
  };
  for (const Case& c : cases) EXPECT_EQ(count_bfrange_codes(c.cmap), c.codes) << c.cmap;
}

TEST(FontLimits, ARepeatedFullRangeGoesPastTheBoundAndStopsCounting) {
  std::string cmap = "2000 beginbfrange\n" + repeated("<0000> <ffff> <00410042>\n", 2000) + "endbfrange";
  long n = count_bfrange_codes(cmap);
  EXPECT_GT(n, kMaxToUnicodeCodes);
  EXPECT_LE(n, kMaxToUnicodeCodes + 65536);  // stops at the first line past the bound
}

}  // namespace
}  // namespace kpix

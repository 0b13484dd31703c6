// 全国地方公共団体コード look-up and detection.
#include <gtest/gtest.h>

#include "parsers/municipality/municipality_data.h"
#include "parsers/municipality/municipality_index.h"

namespace kpix {
namespace {

TEST(Municipality, EveryShippedCodeHasAValidCheckDigit) {
  MunicipalityIndex idx;
  int rows = 0;
  std::string_view table = municipality_table();
  for (size_t start = 0; start < table.size();) {
    size_t nl = table.find('\n', start);
    std::string_view row = table.substr(start, nl - start);
    if (row.size() > 6) {
      EXPECT_TRUE(valid_municipality_code(row.substr(0, 6))) << row;
      ++rows;
    }
    start = nl == std::string_view::npos ? table.size() : nl + 1;
  }
  EXPECT_EQ(rows, 1969);  // 47 prefectures, 1,747 municipalities, wards of designated cities
}

TEST(Municipality, HandCheckedCodes) {
  MunicipalityIndex idx;
  EXPECT_EQ(idx.resolve("岩見沢市").chosen()->code, "012106");
  EXPECT_EQ(idx.resolve("砂川市").chosen()->code, "012262");
  EXPECT_EQ(idx.resolve("芦別市").chosen()->code, "012165");
  EXPECT_EQ(idx.resolve("苫小牧市").chosen()->code, "012131");
  EXPECT_EQ(idx.resolve("滝川市").chosen()->code, "012254");
  EXPECT_FALSE(valid_municipality_code("012107"));
}

TEST(Municipality, RepeatedNamesNeedThePrefecture) {
  MunicipalityIndex idx;
  auto m = idx.resolve("池田町");
  EXPECT_EQ(m.candidates.size(), 4u);
  EXPECT_EQ(m.chosen(), nullptr);
  EXPECT_NE(m.warning.find("ambiguous"), std::string::npos);
  auto hokkaido = idx.resolve("池田町", "北海道池田町の総合戦略");
  ASSERT_NE(hokkaido.chosen(), nullptr);
  EXPECT_EQ(hokkaido.chosen()->code, "016446");
}

TEST(Municipality, DetectsTheMostNamedAndIgnoresMisprints) {
  MunicipalityIndex idx;
  auto m = idx.detect({"苫小牧市総合戦略推進会議", "令和5年度第1回会議資料", "主な転出先は、札幌市や首都圏である。",
                       "出産・子育て、雇用対策に結びつく施策をオール苦小牧で展開", "苫小牧市で暮らすメリット"});
  ASSERT_NE(m.chosen(), nullptr);
  EXPECT_EQ(m.chosen()->name, "苫小牧市");
}

TEST(Municipality, LongestNameWins) {
  MunicipalityIndex idx;
  auto m = idx.detect({"上砂川町の計画"});
  EXPECT_EQ(m.name, "上砂川町");
}

}  // namespace
}  // namespace kpix

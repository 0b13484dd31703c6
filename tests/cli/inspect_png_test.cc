// kpix inspect: what the table reader decided, in text and drawn over the
// page (--png). On samples/pdf/000-iwamizawa-chromium.pdf page 6 (岩見沢's
// 基本目標1 KPI table: a group column 総所得の向上 / 労働生産性の向上 …, the
// indicators, 基準値, 2020実績 … 2024, 目標値, one header row) and
// 004-tomakomai-chromium.pdf page 15 (苫小牧's 数値目標: 項目, H30基準, R2実績 …
// R6目標, 達成状況). The pictures are left in build/test-output/inspect/.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>

#include "tests/cli/kpix_run.h"
#include "tests/cli/png_pixels.h"

namespace {

namespace fs = std::filesystem;
using kpix::testing::quote;
using kpix::testing::Rgb;

const std::string kPdf000 = KPIX_SOURCE_DIR "/samples/pdf/000-iwamizawa-chromium.pdf";
const std::string kPdf004 = KPIX_SOURCE_DIR "/samples/pdf/004-tomakomai-chromium.pdf";
constexpr double kDpi = 150;

struct CellBox {
  double x0, y0, x1, y1;
};

// The box `kpix inspect` prints for the cell whose text is `text`.
std::optional<CellBox> cell_box(const std::string& out, const std::string& text) {
  std::regex cell("c[0-9]+ +\\[([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)\\] (.*)");
  std::istringstream in(out);
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, cell) && m[5] == text)
      return CellBox{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  return std::nullopt;
}

int px(double pt) { return int(std::lround(pt * kDpi / 72)); }

// The colour a fill of `rgb` at 22% gives over white paper.
Rgb tint(int rgb) {
  auto c = [&](int shift) { return int(std::lround(255 + (((rgb >> shift) & 0xff) - 255) * 0.22)); };
  return {c(16), c(8), c(0)};
}

bool near(const Rgb& a, const Rgb& b) {
  return std::abs(a.r - b.r) <= 3 && std::abs(a.g - b.g) <= 3 && std::abs(a.b - b.b) <= 3;
}

class InspectCli : public ::testing::Test {
 protected:
  fs::path out = kpix::testing::test_output_dir(std::string("inspect/") +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
};

TEST_F(InspectCli, TheTableReadersDecisionsInText) {
  if (!fs::exists(kPdf000)) GTEST_SKIP() << kPdf000 << " not found";
  fs::path png = out / "000-iwamizawa-p6.png";
  auto r = kpix::testing::run_kpix("inspect " + quote(kPdf000) + " --page 6 --png " + quote(png.string()), out);
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* want :
       {"  table 0: role_columns, 4 records, header rows 1\n", "    c0  group  \"重要業績評価指標(KPI)\"\n",
        "    c1  indicator  \"重要業績評価指標(KPI)\"\n", "    c2  value baseline  \"基準値\"\n",
        "    c3  value actual {\"basis\":\"unknown\",\"end\":2020,\"start\":2020}  \"2020実績\"\n",
        "    c8  value target  \"目標値\"\n"})
    EXPECT_NE(r.out.find(want), std::string::npos) << want << r.out;
  // The group column drawn in its own colour (orange), the indicators in theirs.
  auto img = kpix::testing::read_png(png.string());
  ASSERT_TRUE(img);
  for (auto [text, rgb] : {std::pair{"総所得の向上", 0xe16f24}, std::pair{"①1人あたりの総所得", 0xbf8700}}) {
    auto b = cell_box(r.out, text);
    ASSERT_TRUE(b) << text;
    EXPECT_TRUE(near(img->at(px(b->x0) + 5, px(b->y1) - 4), tint(rgb))) << text;
  }
}

TEST_F(InspectCli, CellsFilledTranslucentOutlinedInsideTheRuleAndTagged) {
  if (!fs::exists(kPdf004)) GTEST_SKIP() << kPdf004 << " not found";
  fs::path png = out / "004-tomakomai-p15.png";
  auto r = kpix::testing::run_kpix("inspect " + quote(kPdf004) + " --page 15 --png " + quote(png.string()), out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("  table 0: role_columns, 3 records, header rows 1\n"), std::string::npos) << r.out;
  auto img = kpix::testing::read_png(png.string());
  ASSERT_TRUE(img);
  EXPECT_EQ(img->width, px(1280 * 0.75));  // a 1280 px wide Chromium page: 960 pt
  // 46人 under H30基準: a baseline cell, blue.
  auto base = cell_box(r.out, "46人");
  ASSERT_TRUE(base) << r.out;
  int x0 = px(base->x0), y0 = px(base->y0), x1 = px(base->x1), y1 = px(base->y1), cy = (y0 + y1) / 2;
  // Inside, off the text (its bottom-left corner): the page tinted, not covered.
  EXPECT_TRUE(near(img->at(x0 + 5, y1 - 4), tint(0x0969da))) << img->at(x0 + 5, y1 - 4).r;
  // The outline: 2 px of the column's colour just inside the edge.
  EXPECT_EQ(img->at(x0 + 1, cy), (Rgb{0x09, 0x69, 0xda}));
  EXPECT_EQ(img->at(x0 + 2, cy), (Rgb{0x09, 0x69, 0xda}));
  // The table's rule on the edge still shows under the fill, darker than the
  // tinted paper beside it.
  int darkest = 765;
  for (int x = x0 - 2; x <= x0; ++x) darkest = std::min(darkest, img->at(x, cy).sum());
  EXPECT_LT(darkest, tint(0x0969da).sum() - 50) << "the rule is hidden";
  // A header cell: purple over the header's own shading, with a line under
  // the header row.
  auto hdr = cell_box(r.out, "H30基準");
  ASSERT_TRUE(hdr);
  Rgb h = img->at(px(hdr->x0) + 5, px(hdr->y0) + 4);
  EXPECT_TRUE(h.b > h.g + 20 && h.r > h.g) << h.r << "," << h.g << "," << h.b;
  EXPECT_EQ(img->at(px(hdr->x0) + 20, px(hdr->y1)), (Rgb{0x82, 0x50, 0xdf}));
  EXPECT_EQ(img->at(px(hdr->x0) + 20, px(hdr->y1) + 1), (Rgb{0x82, 0x50, 0xdf}));
  // The tag `BASE 2018` at the cell's top right: its letters in the
  // column's colour.
  int ink = 0;
  for (int y = y0 + 2; y < y0 + 12; ++y)
    for (int x = x1 - 60; x < x1 - 2; ++x) ink += img->at(x, y) == (Rgb{0x09, 0x69, 0xda});
  EXPECT_GT(ink, 30);
}

TEST_F(InspectCli, TextBoxesAreTightToTheGlyphs) {
  if (!fs::exists(kPdf004)) GTEST_SKIP() << kPdf004 << " not found";
  // Chromium's CJK glyph boxes are 2.6 em tall; the picture's text box of
  // 新規雇用創出数（人）(a 11 pt row) stays within its cell.
  fs::path png = out / "004-tomakomai-p15-text.png";
  auto r = kpix::testing::run_kpix("inspect " + quote(kPdf004) + " --page 15 --png " + quote(png.string()), out);
  ASSERT_EQ(r.status, 0);
  auto img = kpix::testing::read_png(png.string());
  ASSERT_TRUE(img);
  auto name = cell_box(r.out, "新規雇用創出数 (人)");
  if (!name) name = cell_box(r.out, "新規雇用創出数（人）");
  ASSERT_TRUE(name) << r.out;
  // The grey box's bottom edge (a row where a run of grey spans the text's
  // width) lies inside the cell, and nothing of the box goes on below it
  // there. (Its top edge is under the header line.) A 2.6 em box would have
  // its edges above and below the cell.
  int left = px(name->x0) + 6, right = left + 40;
  auto grey_in_row = [&](int y) {
    int grey = 0;
    for (int x = left; x < right; ++x) grey += img->at(x, y) == (Rgb{0x24, 0x29, 0x2f});
    return grey;
  };
  int bottom = -1;
  for (int y = px(name->y0); y <= px(name->y1); ++y)
    if (grey_in_row(y) >= 35) bottom = y;
  ASSERT_GE(bottom, 0) << "no edge of the text box inside its cell";
  for (int y = bottom + 1; y <= px(name->y1); ++y) EXPECT_EQ(grey_in_row(y), 0) << y;
}

}  // namespace

// The page model read from the sample PDFs: values checked by hand against
// the seed text (../shared/seeds).
#include <gtest/gtest.h>

#include "pipeline/layout/page_layout.h"
#include "pipeline/load/pdf_loader.h"
#include "tests/samples/sample_paths.h"

namespace kpix {
namespace {

using testing::samples_dir;

// The cells of the first line of `page` whose cells include `anchor`.
std::vector<std::string> row_with(const Page& page, const std::string& anchor) {
  for (const Line& l : page.lines)
    for (const Cell& c : l.cells)
      if (c.text == anchor) {
        std::vector<std::string> out;
        for (const Cell& k : l.cells)
          if (!k.text.empty()) out.push_back(k.text);
        return out;
      }
  return {};
}

Page page_of(const std::string& file, int number) {
  PdfSource pdf(samples_dir() + "/pdf/" + file);
  return lay_out_page(pdf.load_page(number - 1));
}

// 岩見沢市 (seed 000, line 99): 総所得の向上 | ①1人あたりの総所得 | 1,498千円 | 1,622千円 | …
const std::vector<std::string> kIncomeRow = {"総所得の向上", "①1人あたりの総所得", "1,498千円", "1,622千円",
                                             "1,660千円", "1,718千円", "－", "－", "1,600千円"};

TEST(PdfLoader, LibreOfficeSplitBoxesJoinIntoOneCell) {
  // Writer draws `1,498` and `千円` as two boxes 0.2 em apart.
  EXPECT_EQ(row_with(page_of("000-iwamizawa-lo-html.pdf", 7), "1,498千円"), kIncomeRow);
}

TEST(PdfLoader, ChromiumType3BoxesBuildTheSameRow) {
  EXPECT_EQ(row_with(page_of("000-iwamizawa-chromium.pdf", 6), "1,498千円"), kIncomeRow);
}

TEST(PdfLoader, MergedGroupLabelStandsOnceAndRowsKeepTheirCells) {
  Page p = page_of("000-iwamizawa-lo-html.pdf", 7);
  // seed 000, line 101: `\t③従業者1人あたりの 製造品出荷額等\t28,903千円…` (group cell merged above)
  auto row = row_with(p, "28,903千円");
  ASSERT_EQ(row.size(), 8u);
  EXPECT_EQ(row[1], "28,903千円");
  EXPECT_EQ(row[7], "29,000千円");
}

TEST(PdfLoader, RotatedPageReadsLikeTheUnrotatedOne) {
  PdfSource rotated(samples_dir() + "/pdf/001-iwamizawa-rotated.pdf");
  Page r = lay_out_page(rotated.load_page(0));
  EXPECT_EQ(r.rotation, 90);
  EXPECT_DOUBLE_EQ(r.width, 540.0);  // displayed size, not page_rect's
  Page u = page_of("001-iwamizawa-lo-html.pdf", 7);
  ASSERT_EQ(r.lines.size(), u.lines.size());
  for (size_t i = 0; i < r.lines.size(); ++i) EXPECT_EQ(r.lines[i].text(), u.lines[i].text()) << "line " << i;
  // seed 001, line 121: 総所得の向上 | ①1人あたりの総所得 | 1,718千円 | 1,918千円 | 2,000千円
  EXPECT_EQ(row_with(r, "1,718千円"),
            (std::vector<std::string>{"総所得の向上", "①1人あたりの総所得", "1,718千円", "1,918千円", "2,000千円"}));
}

TEST(PdfLoader, SpreadsheetExportKeepsThePairRows) {
  // seed 002, line 11: 目標値 36.0 37.0 38.0 39.0 40.0; line 12: 実績値 36.6 25.0
  Page p = page_of("002-sunagawa-lo-calc.pdf", 1);
  auto target = row_with(p, "36.0");
  auto at = std::find(target.begin(), target.end(), "目標値");
  ASSERT_LE(at + 7, target.end());
  EXPECT_EQ(std::vector<std::string>(at, at + 7),
            (std::vector<std::string>{"目標値", "36.0", "37.0", "38.0", "39.0", "40.0", "—"}));
  auto actual = row_with(p, "36.6");
  EXPECT_EQ(actual, (std::vector<std::string>{"実績値", "36.6", "25.0", "—"}));
}

TEST(PdfLoader, DocumentFacts) {
  PdfSource pdf(samples_dir() + "/pdf/003-ashibetsu-lo-writer.pdf");
  EXPECT_EQ(pdf.info().file_name, "003-ashibetsu-lo-writer.pdf");
  EXPECT_EQ(pdf.info().sha256.size(), 64u);
  EXPECT_GT(pdf.info().page_count, 1);
}

}  // namespace
}  // namespace kpix

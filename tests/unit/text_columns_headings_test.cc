// Column boundaries where few lines show them: under a heading over several
// columns (a one-row table's spanning header, values at heights of their own
// in its one row, the end of that heading over the start of a value wider
// than its column's header), and between cells whose lines interleave.
#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/layout/text_columns.h"

namespace kpix {
namespace {

bool cut_between(const std::vector<double>& cuts, double a, double b) {
  return std::any_of(cuts.begin(), cuts.end(), [&](double c) { return c > a && c < b; });
}

TEST(TextColumnsUnderAHeading, AOneRowTablesSpanningHeaderKeepsTheColumnsUnderIt) {
  // 岩見沢's KPI table on B5 pages, booktabs: `重要業績評価指標（KPI）` over
  // 基準値, 2020, 2021, 2022; one body row, its values on one line beside a
  // description wrapped onto many. The heading crosses a third of the lines
  // that show the gaps, but stands over all of them.
  std::vector<LineSpans> lines = {
      {{{42.2, 162.5}, {262.4, 390.8}}, 401.0, 11},
      {{{91.4, 113.4}, {191.4, 213.4}, {242.1, 275.1}, {295.3, 321.3}, {345.0, 371.0}, {394.7, 420.7}, {440.9, 473.9}},
       417.7,
       11},
      {{{36.7, 157.7}}, 436.7, 11},
      {{{36.7, 157.7}}, 450.2, 11},
      {{{36.7, 157.7}}, 464.4, 11},
      {{{36.7, 146.7}, {435.5, 474.0}}, 477.9, 11},
      {{{174.0, 229.0}}, 484.7, 11},
      {{{36.7, 157.3}, {236.8, 275.3}, {286.5, 309.7}, {336.2, 359.3}, {385.8, 402.9}, {435.5, 472.2}}, 491.4, 11},
      {{{174.0, 185.0}}, 498.9, 11},
      {{{36.7, 157.1}, {435.5, 461.2}}, 505.7, 11},
      {{{36.7, 157.7}}, 519.2, 11},
      {{{36.7, 157.7}}, 532.7, 11},
      {{{36.7, 113.7}}, 546.9, 11}};
  auto cuts = find_text_columns(lines, 33.7, 482.2);
  EXPECT_TRUE(cut_between(cuts, 275.3, 286.5));  // 基準値 | 2020
  EXPECT_TRUE(cut_between(cuts, 321.3, 336.2));  // 2020 | 2021
  EXPECT_TRUE(cut_between(cuts, 371.0, 385.8));  // 2021 | 2022
  EXPECT_TRUE(cut_between(cuts, 420.7, 435.5));  // 2022 | 目標値
}

TEST(TextColumnsUnderAHeading, AHeadingsEndOverAWiderValueCutsNoValue) {
  // The heading ends at 390.8, over the start of the 2022 value (385.8-429.2,
  // wider than its header `2022`, 394.7-420.7): the sliver they share belongs
  // to the 2022 column, and the boundary lies in the gap before the value.
  std::vector<LineSpans> lines = {
      {{{42.2, 162.5}, {262.4, 390.8}}, 593.8, 11},
      {{{91.4, 113.4}, {191.4, 213.4}, {242.1, 275.1}, {295.3, 321.3}, {345.0, 371.0}, {394.7, 420.7}, {440.9, 473.9}},
       611.2,
       11},
      {{{36.7, 157.7}, {174.0, 229.0}, {236.8, 280.1}, {286.5, 329.8}, {336.2, 379.5}, {385.8, 429.2}, {435.5, 478.9}},
       629.4,
       11},
      {{{36.7, 157.7}, {174.0, 228.6}, {435.5, 478.3}}, 643.7, 11},
      {{{36.7, 167.9}, {174.0, 207.0}, {435.5, 450.2}}, 657.2, 11},
      {{{36.7, 167.9}}, 670.7, 11},
      {{{36.7, 157.7}}, 684.9, 11}};
  auto cuts = find_text_columns(lines, 33.7, 482.2);
  EXPECT_TRUE(cut_between(cuts, 379.5, 385.8));
  EXPECT_FALSE(cut_between(cuts, 385.8, 429.2));
}

TEST(TextColumnsUnderAHeading, ValuesAtHeightsOfTheirOwnShowTheColumnsUnderIt) {
  // The same table's row for 創業支援事業: `9人` in 2020 on one line, the
  // 2021 value wrapped onto two others (`10人(通` over `算19人)`), so no line
  // holds both; the row does, and the header's row, under the heading.
  std::vector<LineSpans> lines = {
      {{{42.2, 162.5}, {262.4, 390.8}}, 91.3, 11},
      {{{91.4, 113.4}, {191.4, 213.4}, {242.1, 275.1}, {295.3, 321.3}, {345.0, 371.0}, {394.7, 420.7}, {440.9, 473.9}},
       107.9,
       11},
      {{{36.7, 157.7}}, 126.9, 11},
      {{{36.7, 167.9}}, 140.4, 11},
      {{{36.7, 157.1}}, 154.7, 11},
      {{{36.7, 157.3}, {174.0, 229.0}, {435.5, 471.0}}, 168.2, 11},
      {{{336.2, 376.5}, {385.8, 420.1}}, 174.9, 11},
      {{{36.7, 157.7}, {174.0, 229.0}, {236.8, 260.0}, {286.5, 303.6}, {435.5, 468.5}}, 181.7, 11},
      {{{336.2, 374.1}, {385.8, 423.7}}, 189.2, 11},
      {{{36.7, 157.7}, {174.0, 185.0}, {435.5, 450.2}}, 195.9, 11},
      {{{36.7, 167.9}}, 209.4, 11},
      {{{36.7, 157.7}}, 222.9, 11},
      {{{36.7, 58.7}}, 237.2, 11}};
  auto cuts = find_text_columns(lines, 33.7, 482.2);
  EXPECT_TRUE(cut_between(cuts, 303.6, 336.2));  // 2020 | 2021
}

TEST(TextColumnsUnderAHeading, AHeadingOnTopOverSubHeadersKeepsTheirGap) {
  // 農業DX推進事業 on B5 pages: the heading over 2020 | 2021 | 2022 sits right
  // over the sub-headers (one table row with them), and the body's dashes
  // are set left in their cells, so only the sub-header line shows the gap
  // between 2020 and 2021; the heading crossing it is the zone's top line.
  std::vector<LineSpans> lines = {
      {{{37.6, 169.0}, {295.1, 423.5}}, 495.6, 11},
      {{{193.6, 215.6}, {245.0, 277.9}, {440.6, 473.6}}, 503.4, 11},
      {{{97.8, 108.8}, {297.4, 323.3}, {345.0, 371.0}, {393.9, 419.9}}, 512.2, 11},
      {{{175.9, 230.8}}, 531.2, 11},
      {{{175.9, 230.8}}, 544.7, 11},
      {{{36.7, 168.1}, {435.0, 468.6}}, 554.7, 11},
      {{{175.9, 230.5}, {239.4, 243.2}, {289.6, 293.4}, {337.2, 341.0}, {403.9, 410.0}}, 558.9, 11},
      {{{36.7, 168.1}, {175.9, 230.8}, {435.0, 457.0}}, 569.8, 11},
      {{{36.7, 168.0}, {175.9, 208.8}}, 583.5, 11},
      {{{36.7, 168.3}}, 597.2, 11},
      {{{175.9, 230.8}}, 603.9, 11},
      {{{36.7, 168.1}}, 610.7, 11},
      {{{175.9, 230.8}}, 617.4, 11},
      {{{36.7, 168.7}, {239.4, 243.2}, {289.6, 293.4}, {337.2, 341.0}, {403.9, 410.0}, {435.0, 463.1}}, 624.2, 11},
      {{{175.9, 230.8}}, 631.7, 11},
      {{{36.7, 168.7}}, 638.4, 11},
      {{{175.9, 230.8}}, 645.2, 11},
      {{{36.7, 168.7}}, 651.9, 11},
      {{{36.7, 113.7}, {175.9, 230.8}}, 664.5, 11},
      {{{175.9, 230.8}, {239.4, 243.2}, {289.6, 293.4}, {337.2, 341.0}, {384.8, 401.9}, {435.0, 452.1}}, 676.7, 11},
      {{{175.9, 208.8}}, 690.2, 11},
  };
  auto cuts = find_text_columns(lines, 33.7, 482.2);
  EXPECT_TRUE(cut_between(cuts, 323.3, 337.2));  // 2020 | 2021
}

TEST(TextColumns, CellsCentredOnOneRowWithInterleavedLinesAreTwoColumns) {
  // LibreOffice prints a borderless row whose baseline cell wraps onto two
  // lines and whose target cell wraps onto three, each centred on the row:
  // their lines interleave, half a line apart, and no line holds both. They
  // are two columns side by side, not one column placed two ways.
  std::vector<LineSpans> lines = {
      {{{59.1, 315.6}}, 447.5, 10},
      {{{438.5, 533.5}}, 457.4, 10},
      {{{59.1, 315.6}, {327.8, 432.3}}, 467.3, 10},
      {{{438.5, 533.5}}, 477.1, 10},
      {{{59.1, 315.6}, {327.8, 429.8}}, 487.0, 10},
      {{{438.5, 457.9}}, 496.9, 10},
      {{{59.1, 315.6}}, 506.8, 10}};
  auto cuts = find_text_columns(lines, 56.7, 538.1);
  EXPECT_TRUE(cut_between(cuts, 315.6, 327.8));
  EXPECT_TRUE(cut_between(cuts, 432.3, 438.5));
}

}  // namespace
}  // namespace kpix

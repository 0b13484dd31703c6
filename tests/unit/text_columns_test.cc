// Column boundaries from the whitespace of a table's rows, and tables whose
// rows only are ruled, on hand-made bands and pages.
#include <gtest/gtest.h>

#include "pipeline/layout/page_layout.h"
#include "pipeline/layout/params.h"
#include "pipeline/layout/ruled_rows.h"
#include "pipeline/layout/text_columns.h"
#include "pipeline/layout/text_rows.h"
#include "tests/unit/synthetic_glyphs.h"

#include <algorithm>

namespace kpix {
namespace {

TEST(TextColumns, GapsFreeInEveryRowAreBoundaries) {
  std::vector<std::vector<Span>> bands = {
      {{10, 30}, {50, 70}, {90, 110}}, {{12, 28}, {52, 66}, {95, 110}}, {{10, 25}, {50, 70}, {90, 104}}};
  auto cuts = find_text_columns(bands, 0, 120);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_DOUBLE_EQ(cuts[0], 40);  // middle of 30..50
  EXPECT_DOUBLE_EQ(cuts[1], 80);
}

TEST(TextColumns, AHeadingOverTwoColumnsInOneRowOfFourRemovesNoBoundary) {
  std::vector<std::vector<Span>> bands = {{{10, 30}, {45, 105}},  // 目標値 over two columns
                                          {{10, 30}, {50, 70}, {90, 110}},
                                          {{10, 30}, {50, 70}, {90, 110}},
                                          {{10, 30}, {50, 70}, {90, 110}}};
  auto cuts = find_text_columns(bands, 0, 120);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_DOUBLE_EQ(cuts[1], 80);
}

TEST(TextColumns, AGroupLabelInFewRowsIsAColumnOfItsOwn) {
  // 総所得の向上 beside ①… in the first row only, then names and values.
  std::vector<std::vector<Span>> bands;
  bands.push_back({{5, 25}, {40, 80}, {100, 120}});
  for (int i = 0; i < 5; ++i) bands.push_back({{40, 80}, {100, 120}});
  auto cuts = find_text_columns(bands, 0, 130);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_DOUBLE_EQ(cuts[0], 32.5);
  EXPECT_DOUBLE_EQ(cuts[1], 90);
}

TEST(TextColumns, ADashPlacedApartFromTheNumbersOfItsColumnIsNoColumn) {
  // Names, then one column whose numbers sit at 60..75 and whose dash, in
  // rows without a number, at 50..54: never both in one row.
  std::vector<std::vector<Span>> bands = {
      {{10, 30}, {60, 75}}, {{10, 30}, {60, 75}}, {{10, 30}, {50, 54}}, {{10, 30}, {60, 75}}, {{10, 30}, {50, 54}}};
  auto cuts = find_text_columns(bands, 0, 90);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_DOUBLE_EQ(cuts[0], 40);
}

TEST(TextColumns, AValueCentredBesideAWrappedNameIsInItsOwnColumn) {
  // Header 項目 (centred, 40..60) and 基準値 (centred, 85..105) over a row
  // whose name wraps onto two lines (10..78, 10..20) and whose value sits
  // left-aligned in its cell (80..92) between the two name lines: no single
  // visual line holds both name and value, but they are one row.
  std::vector<LineSpans> lines = {{{{40, 60}, {85, 105}}, 10, 10},
                                  {{{10, 78}}, 30, 10},
                                  {{{80, 92}}, 37, 10},
                                  {{{10, 20}}, 44, 10}};
  auto cuts = find_text_columns(lines, 0, 120);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_DOUBLE_EQ(cuts[0], 79);  // between the name's end and the value, not after the value
}

TEST(TextColumns, LinesOfTwoRowsAreNotOneRow) {
  // The dash of a row is placed apart from the numbers of the rows above and
  // below it (a pitch, 15 apart with em 10): still one column.
  std::vector<LineSpans> lines = {
      {{{10, 30}, {60, 75}}, 0, 10}, {{{10, 30}, {50, 54}}, 15, 10}, {{{10, 30}, {60, 75}}, 30, 10}};
  auto cuts = find_text_columns(lines, 0, 90);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_DOUBLE_EQ(cuts[0], 40);
}

TEST(TextColumns, AHeadingOverTwoSparseValueColumnsKeepsThemApart) {
  // A remarks column (200..300) on every line; 基準値 (10..40) and 実績
  // (60..80) values on three lines of twenty only, under a heading over both (20..75):
  // few enough lines for both to lie in a stretch most lines leave open.
  std::vector<std::vector<Span>> bands = {{{20, 75}, {200, 300}}};
  for (int i = 0; i < 19; ++i) {
    if (i % 6 == 1) bands.push_back({{10, 40}, {60, 80}, {200, 300}});
    else bands.push_back({{200, 300}});
  }
  auto cuts = find_text_columns(bands, 0, 310);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_DOUBLE_EQ(cuts[0], 50);  // between the two value columns
  EXPECT_DOUBLE_EQ(cuts[1], 140);
}

TEST(TextColumns, ANameWiderThanTheHeaderCentredOverItIsThatHeadersColumn) {
  // A one-row table without borders (岩見沢's slides): headers 項目 and 基準値
  // centred over a wider name and value, a description wrapped beside them.
  // Where only the header and the one row overlap is the text dense; the
  // rest of the name lies in a stretch four lines of five leave open.
  std::vector<LineSpans> lines = {
      {{{384, 406}, {488, 521}, {585, 611}}, 90.2, 11},  // 項目 基準値 2020
      {{{37, 322}}, 107.4, 11},
      {{{37, 322}}, 121.7, 11},
      {{{336, 435}, {460, 499}, {554, 577}}, 128.4, 11},  // 職業訓練校受講生数 42人/年 44人
      {{{37, 322}}, 135.2, 11},
  };
  auto cuts = find_text_columns(lines, 30, 620);
  ASSERT_EQ(cuts.size(), 3u);
  EXPECT_GT(cuts[0], 322);
  EXPECT_LT(cuts[0], 336);
  EXPECT_GT(cuts[1], 435);
  EXPECT_LT(cuts[1], 460);
  EXPECT_GT(cuts[2], 521);
  EXPECT_LT(cuts[2], 554);
}

TEST(TextColumns, AHeadingOverTwoValueColumnsIsNotGrownOver) {
  // 岩見沢's KPI table in booktabs style (the lines as the layout sees them):
  // 重要業績評価指標(KPI) (328..443) over 基準値 (values 283..390) and R6実績
  // (424..474), both sparse beside a remarks column of many lines. The R6
  // column's dense core grows over the heading; the gap the value rows show
  // at 390..424 still parts the two.
  std::vector<LineSpans> lines = {
      {{{328, 443}}, 96.9, 11},
      {{{76, 109}, {706, 841}}, 106.7, 11},
      {{{204, 226}, {334, 367}, {438, 474}}, 115.7, 11},
      {{{154, 275}, {624, 918}}, 135.0, 11},
      {{{154, 275}, {283, 345}, {424, 441}, {495, 588}, {624, 914}}, 146.8, 11},
      {{{37, 116}, {624, 915}}, 161.4, 11},
      {{{154, 275}, {501, 523}, {624, 923}}, 174.5, 11},
      {{{283, 287}, {424, 452}, {495, 501}, {525, 599}}, 179.4, 11},
      {{{154, 231}, {624, 789}}, 188.4, 11},
      {{{624, 918}}, 206.4, 11},
      {{{154, 275}}, 213.9, 11},
      {{{37, 103}, {283, 375}, {424, 441}, {495, 589}, {624, 920}}, 220.7, 11},
      {{{154, 165}}, 227.4, 11},
      {{{624, 778}}, 234.2, 11},
      {{{624, 920}}, 252.2, 11},
      {{{37, 146}, {154, 274}}, 258.9, 11},
      {{{283, 371}, {424, 467}, {495, 581}, {624, 920}}, 265.7, 11},
      {{{37, 103}, {154, 241}}, 272.4, 11},
      {{{624, 887}}, 279.2, 11},
      {{{624, 913}}, 297.2, 11},
      {{{37, 147}}, 303.9, 11},
      {{{154, 231}, {283, 390}, {424, 463}, {495, 576}, {624, 920}}, 310.7, 11},
      {{{37, 103}}, 318.2, 11},
      {{{624, 876}}, 324.9, 11},
      {{{624, 910}}, 342.2, 11},
      {{{37, 147}, {154, 275}}, 349.7, 11},
      {{{283, 381}, {424, 453}, {495, 595}, {624, 921}}, 356.4, 11},
      {{{37, 59}, {154, 253}}, 363.2, 11},
      {{{624, 843}}, 369.9, 11}};
  auto cuts = find_text_columns(lines, 30, 930);
  bool parted = std::any_of(cuts.begin(), cuts.end(), [](double c) { return c > 390 && c < 424; });
  EXPECT_TRUE(parted);
}

TEST(TextColumns, ProseHasNoColumns) {
  std::vector<std::vector<Span>> bands = {{{10, 200}}, {{10, 180}}, {{10, 195}}};
  EXPECT_TRUE(find_text_columns(bands, 0, 210).empty());
}

TEST(RuledRows, RulesOverTheSameWidthMakeOneTable) {
  std::vector<Rule> rules = {{true, 10, 0, 200},  {true, 30, 0, 200}, {true, 50, 40, 200},  // under a merged cell
                             {true, 70, 0, 200},                                            // far below: apart
                             {true, 80 + layout_params::kMaxRuledRowHeight, 0, 200},
                             {true, 30.5, 0, 200}};  // a double line
  auto tables = find_ruled_rows(rules);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].ys, (std::vector<double>{10, 30, 50, 70}));
  EXPECT_EQ(tables[0].x0, 0);
  EXPECT_EQ(tables[0].x1, 200);
}

TEST(Layout, TableWithRuledRowsOnlyGetsColumnsFromItsText) {
  std::vector<Rule> rules = {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 40, 0, 300}, {true, 60, 0, 300}};
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("基準値", 120, 5), word("目標値", 220, 5), word("転入者数", 5, 25),
                 word("1,200人", 120, 25), word("1,500人", 220, 25), word("出生数", 5, 45), word("310人", 120, 45),
                 word("350人", 220, 45)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, rules);
  ASSERT_EQ(lines.size(), 3u);
  for (const Line& l : lines) {
    EXPECT_EQ(l.table, lines[0].table);
    ASSERT_EQ(l.cells.size(), 3u);
  }
  EXPECT_GE(lines[0].table, 0);
  EXPECT_EQ(lines[1].cells[0].text, "転入者数");
  EXPECT_EQ(lines[1].cells[1].text, "1,200人");
  EXPECT_EQ(lines[2].cells[2].text, "350人");
  EXPECT_EQ(lines[2].cells[2].column, 2);
}

}  // namespace
}  // namespace kpix

namespace kpix {
namespace {

// A run of column `c` on visual line `line`, its centre at `cy`, one em 10.
TextRun run(size_t line, size_t c, double cy, bool number = false) { return {line, c, cy - 5, cy + 5, number}; }

TEST(TextRows, ANameWrappedBesideTheTargetAndActualRowsItLabelsSpansBoth) {
  // 砂川's pair rows without borders: name on lines 0 and 2 (12 apart), the
  // 目標値 values on line 0 and the 実績値 values on line 3 (20 apart), the
  // next project's name and values from line 4.
  std::vector<TextRun> runs = {run(0, 0, 100), run(0, 1, 100, true), run(1, 0, 112), run(2, 1, 120, true),
                               run(3, 0, 150), run(3, 1, 150, true)};
  TextRows rows = find_text_rows(runs);
  // The name's two lines are one cell; a row begins before the 実績値 line
  // (the name runs across it and reaches both) and before the next project.
  ASSERT_EQ(rows.breaks.size(), 2u);
  EXPECT_EQ(rows.breaks[0], 1u);
  EXPECT_EQ(rows.breaks[1], 2u);
  auto name = std::find_if(rows.cells.begin(), rows.cells.end(),
                           [](const TextCell& c) { return c.column == 0 && c.first_line == 0; });
  ASSERT_NE(name, rows.cells.end());
  EXPECT_EQ(name->last_line, 1u);
}

TEST(TextRows, ANameWrappedAroundItsCentredValueIsOneRow) {
  // Name lines 0 and 2 (12 apart), its value centred between them on line 1;
  // the next row 30 below.
  std::vector<TextRun> runs = {run(0, 0, 100), run(1, 1, 106, true), run(2, 0, 112), run(3, 0, 136),
                               run(3, 1, 136, true)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{2}));
}

TEST(TextRows, NamesWrappedAtTheLeadingInRowsWithLittlePaddingAreOneCell) {
  // 岩見沢's KPI table printed booktabs: a description at a 13.5 leading in
  // column 0, the name in column 1 wrapped over three lines (14.25 and 13.5
  // apart), its values on its middle line, the next row's lines 17.25 under
  // (3.75 of padding). The pitch comes from that gap and is only a little
  // over the leading: 80 % of it is under the name's first gap.
  std::vector<TextRun> runs = {run(0, 0, 100),   run(1, 0, 113.5), run(2, 0, 127),  run(3, 0, 140.5), run(4, 0, 154),
                               run(0, 1, 100),   run(1, 1, 114.25), run(2, 1, 127.75), run(3, 1, 145),
                               run(4, 1, 158.5), run(1, 2, 114.25, true), run(4, 3, 158.5)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{2}));
  auto name = std::find_if(rows.cells.begin(), rows.cells.end(),
                           [](const TextCell& c) { return c.column == 1 && c.first_line == 0; });
  ASSERT_NE(name, rows.cells.end());
  EXPECT_EQ(name->last_line, 2u);
}

TEST(TextRows, AWrappedLineSetALittleLowerThanTheLeadingStillJoins) {
  // A description wrapped at a 13.5 pt leading (em 9.5), one of its lines
  // 14.3 pt under the one before (a fallback font's taller line box): past
  // 1.5 em, within the leading and its slack. Rows of values 37.5 apart.
  auto r = [](size_t line, size_t c, double cy, bool number = false) {
    return TextRun{line, c, cy - 4.75, cy + 4.75, number};
  };
  std::vector<TextRun> runs = {r(0, 0, 100),   r(0, 1, 100, true), r(1, 0, 113.5), r(2, 0, 127.8),
                               r(3, 0, 141.3), r(3, 1, 137.5, true), r(4, 0, 175), r(4, 1, 175, true)};
  TextRows rows = find_text_rows(runs);
  auto first = std::find_if(rows.cells.begin(), rows.cells.end(),
                            [](const TextCell& c) { return c.column == 0 && c.first_line == 0; });
  ASSERT_NE(first, rows.cells.end());
  EXPECT_EQ(first->last_line, 3u);
}

TEST(TextRows, ALineTakenInTwoPiecesGivesNoLeading) {
  // Two rows of a name wrapped onto two lines (13.5 apart) beside a value
  // centred between them, whose glyphs the visual lines took in two pieces
  // (`11件` and `(R2~R4平均)` on lines of their own at one height).
  auto r = [](size_t line, size_t c, double cy, double right, bool number = false) {
    return TextRun{line, c, cy - 5.5, cy + 5.5, number, right};
  };
  std::vector<TextRun> runs = {r(0, 0, 100, 260),   r(1, 1, 106.7, 300, true), r(2, 1, 106.7, 360),
                               r(3, 0, 113.5, 200), r(4, 0, 145, 260),         r(5, 1, 151.7, 300, true),
                               r(6, 1, 151.7, 360), r(7, 0, 158.5, 200)};
  TextRows rows = find_text_rows(runs);
  auto first = std::find_if(rows.cells.begin(), rows.cells.end(),
                            [](const TextCell& c) { return c.column == 0 && c.first_line == 0; });
  ASSERT_NE(first, rows.cells.end());
  EXPECT_EQ(first->last_line, 3u);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{3}));
}

TextRun ends(TextRun r, double right) {
  r.right = right;
  return r;
}

TEST(TextRows, TwoColumnsWrappedSideBySideAreOneRow) {
  // 岩見沢's 取組み | 項目 | 基準値 | 2020 | 2021 slide without borders: under
  // the header line (項目 … 2021, columns 1-4), the description (column 0,
  // to x 540) and the KPI name (column 1, to x 737) each wrap onto a second
  // line 14 below (the leading); no values yet. The two lines share two
  // columns of five, at the leading: that is no row pitch. Their first lines
  // run to the end of their columns' text, so each column's two lines are
  // one cell, and one row under the header.
  std::vector<TextRun> runs = {ends(run(0, 1, 84), 600),   ends(run(0, 2, 84), 780),   ends(run(0, 3, 84), 840),
                               ends(run(0, 4, 84), 900),   ends(run(1, 0, 100), 540),  ends(run(1, 1, 100), 737),
                               ends(run(2, 0, 114), 500),  ends(run(2, 1, 114), 640)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{0}));
  EXPECT_EQ(rows.cells.size(), 6u);
}

TEST(TextRows, LinesThatStopShortOfTheirColumnAreRowsOfTheirOwn) {
  // Without a pitch: a name wrapped at the column's end (x 400) onto line 1,
  // then two short names of one line each, all at the leading. Only the full
  // line goes on; each short name is a row of its own.
  std::vector<TextRun> runs = {ends(run(0, 0, 100), 400), ends(run(1, 0, 114), 250), ends(run(2, 0, 128), 200),
                               ends(run(3, 0, 142), 220)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(rows.cells.size(), 3u);
}

TEST(TextRows, WithoutStackedNumbersNoLinesJoin) {
  // Only names: every line is its own row, however close.
  std::vector<TextRun> runs = {run(0, 0, 100), run(1, 0, 110), run(2, 0, 120)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(rows.cells.size(), 3u);
}

}  // namespace
}  // namespace kpix

namespace kpix {
namespace {

TEST(Layout, BodyUnderOneRuleIsSplitWhereRowsOfValuesStack) {
  // A LaTeX-style table: rules above, under the header, below; three body
  // rows of values between the last two rules, the first name wrapped.
  std::vector<Rule> rules = {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 100, 0, 300}};
  std::vector<Glyph> g;
  for (auto w : {word("指標", 5, 5), word("2022", 120, 5), word("2023", 220, 5),
                 word("転入者", 5, 25), word("1,200", 120, 30), word("1,500", 220, 30), word("数", 5, 37),
                 word("出生数", 5, 55), word("310", 120, 55), word("350", 220, 55),
                 word("死亡数", 5, 80), word("420", 120, 80), word("450", 220, 80)})
    g.insert(g.end(), w.begin(), w.end());
  auto lines = analyze_layout(g, rules);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1].cells[0].text, "転入者\n数");
  EXPECT_EQ(lines[1].cells[1].text, "1,200");
  EXPECT_EQ(lines[2].cells[0].text, "出生数");
  EXPECT_EQ(lines[3].cells[2].text, "450");
}

}  // namespace
}  // namespace kpix

namespace kpix {
namespace {

TEST(TextRows, ValuesCentredBesideADescriptionStartTheirRowAboveIt) {
  // 芦別's shape: header on line 0; a description wrapped over lines 1-3
  // (10 apart) with its two values centred on line 2 (40 below the header's
  // labels in the same columns): one row from line 1 on.
  std::vector<TextRun> runs = {run(0, 0, 100), run(0, 1, 100), run(0, 2, 100), run(1, 0, 130),
                               run(2, 0, 140), run(2, 1, 140), run(2, 2, 140), run(3, 0, 150)};
  TextRows rows = find_text_rows(runs);
  EXPECT_EQ(rows.breaks, (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace kpix

// Grids printed from a spreadsheet (issue 12, the lo-calc column of the
// rendering matrix). A sheet's columns are the union of the column edges of
// every table on it, so two tables stacked on one grid draw their edges on
// sheet columns a point or two apart; the grid is drawn sheet column by sheet
// column, in pieces as short as the narrowest sheet column; a sheet fitted
// to its paper has rows of small text only a few points high; the grid
// covers the document's headings and notes between the tables too; and a
// merged cell's wrapped text, centred on rows too short for it, is printed
// over the neighbouring rows.
// Hand-built pages: glyph boxes and rules in, cells out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/page_layout.h"
#include "pipeline/load/rule_finder.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

// Glyphs for `text`, `w` wide and high per full-width character.
std::vector<Glyph> text_at(const std::string& text, double x, double y, double w) { return word(text, x, y, w, w); }

std::vector<Glyph> joined(std::vector<std::vector<Glyph>> parts) {
  std::vector<Glyph> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::vector<std::vector<std::string>> cell_texts(const std::vector<Line>& lines) {
  std::vector<std::vector<std::string>> out;
  for (const Line& l : lines) {
    out.emplace_back();
    for (const Cell& c : l.cells)
      if (!c.text.empty()) out.back().push_back(c.text);
  }
  return out;
}

// --- A border is pieces as short as its narrowest sheet column -------------

struct PiecesCase {
  const char* name;
  std::vector<Rule> pieces;
  std::vector<Rule> want;  // horizontal rules, by position then start
};

class ShortPiecesOfABorder : public testing::TestWithParam<PiecesCase> {};

TEST_P(ShortPiecesOfABorder, JoinOrAreDropped) {
  std::vector<Rule> got = merge_rules(GetParam().pieces);
  ASSERT_EQ(got.size(), GetParam().want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].horizontal, GetParam().want[i].horizontal) << i;
    EXPECT_NEAR(got[i].pos, GetParam().want[i].pos, 1e-9) << i;
    EXPECT_NEAR(got[i].from, GetParam().want[i].from, 1e-9) << i;
    EXPECT_NEAR(got[i].to, GetParam().want[i].to, 1e-9) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    SheetGrids, ShortPiecesOfABorder,
    testing::Values(
        // A row border drawn per sheet column: 0.4 pt and 2 pt pieces between
        // long ones, 0.1 pt apart, are one rule across the table.
        PiecesCase{"PiecesOfSlenderColumnsJoin",
                   {{true, 50, 0, 40}, {true, 50, 40.1, 40.5}, {true, 50, 40.6, 80}, {true, 50, 80.1, 82.1},
                    {true, 50, 82.2, 120}},
                   {{true, 50, 0, 120}}},
        // A short stroke alone (a tick, part of a drawn glyph) is no border.
        PiecesCase{"ALoneShortStrokeIsNone", {{true, 50, 0, 60}, {true, 90, 10, 12.5}}, {{true, 50, 0, 60}}},
        // Short pieces alone but together as long as a border are one.
        PiecesCase{"ShortPiecesTogetherAsLongAsABorder",
                   {{true, 30, 0, 2}, {true, 30, 2.1, 4}, {true, 30, 4.1, 6}},
                   {{true, 30, 0, 6}}}),
    [](const testing::TestParamInfo<PiecesCase>& i) { return std::string(i.param.name); });

// --- Tables stacked on one grid draw their edges apart ---------------------

TEST(SheetGrids, EachRowIsReadAgainstTheEdgeDrawnInIt) {
  // Two tables on one sheet, each two columns: the upper ruled at x = 102.9,
  // the lower at x = 100 (one grid line: closer than kSnap). The upper's
  // number `313` is right-aligned against its own edge: its last digit's
  // centre (100.3) lies right of the lower table's edge, left of its own.
  std::vector<Rule> rules = {{true, 0, 0, 200},     {true, 20, 0, 200},    {true, 40, 0, 200},
                             {false, 0, 0, 40},     {false, 200, 0, 40},   {false, 102.9, 0, 20},
                             {false, 100, 20, 40}};
  auto glyphs = joined({text_at("313", 87.8, 5, 10), text_at("275", 150, 5, 10), text_at("年末人口", 5, 25, 10),
                        text_at("74204", 150, 25, 10)});
  auto lines = analyze_layout(glyphs, rules);
  std::vector<std::vector<std::string>> want = {{"313", "275"}, {"年末人口", "74204"}};
  EXPECT_EQ(cell_texts(lines), want);
}

// --- Rows of small text are shorter than two kTouch -------------------------

TEST(SheetGrids, ARuleOfTheRowBelowIsNotDrawnInAThinRow) {
  // Rows 5 pt high (a sheet fitted to its paper). The top row's heading
  // spans both columns (merged: no rule at x = 100 in it); the rule at x = 100
  // is drawn in the row below only, and ends 2.5 pt from the top row's
  // middle: less than kTouch, yet not in that row.
  std::vector<Rule> rules = {{true, 0, 0, 200},  {true, 5, 0, 200},   {true, 10, 0, 200},
                             {false, 0, 0, 10},  {false, 200, 0, 10}, {false, 100, 5, 10}};
  auto glyphs = joined({text_at("第1期総合戦略", 86, 0.5, 4), text_at("509", 80, 5.5, 4), text_at("491", 180, 5.5, 4)});
  auto lines = analyze_layout(glyphs, rules);
  std::vector<std::vector<std::string>> want = {{"第1期総合戦略"}, {"509", "491"}};
  EXPECT_EQ(cell_texts(lines), want);
}

// --- The sheet's headings and notes between two tables are not table rows ---

// A sheet 400 wide, rows 20 high: a table of three columns (edges at 100 and
// 200, rows 0-40) over two rows of one text each (a note and a heading, in
// cells merged across the tables' width) over a table whose edges are at 150
// and 250 (rows 80-120). Every row is cut at x = 300 and 350: the sheet's
// empty columns beyond the tables, printed with the grid.
std::vector<Rule> sheet_rules(bool lower_ruled_alike) {
  std::vector<Rule> r;
  for (double y = 0; y <= 120; y += 20) r.push_back({true, y, 0, 400});
  for (double x : {0.0, 300.0, 350.0, 400.0}) r.push_back({false, x, 0, 120});
  for (double x : {100.0, 200.0}) r.push_back({false, x, 0, 40});
  for (double x : lower_ruled_alike ? std::vector<double>{100, 200} : std::vector<double>{150, 250})
    r.push_back({false, x, 80, 120});
  return r;
}

std::vector<Glyph> sheet_text(double lower_second, double lower_third,
                              const std::string& first_text = "※各年12月末の住民基本台帳による") {
  return joined({text_at("指標", 5, 5, 10), text_at("基準値", 105, 5, 10), text_at("目標値", 205, 5, 10),
                 text_at("出生数", 5, 25, 10), text_at("310人", 105, 25, 10), text_at("350人", 205, 25, 10),
                 text_at(first_text, 5, 45, 8), text_at("(2)年代別の推移", 5, 65, 10),
                 text_at("区分", 5, 85, 10), text_at("R5", lower_second, 85, 10), text_at("R6", lower_third, 85, 10),
                 text_at("14歳以下", 5, 105, 10), text_at("22", lower_second, 105, 10),
                 text_at("20", lower_third, 105, 10)});
}

TEST(SheetGrids, HeadingsBetweenTwoTablesRuledApartAreFreeText) {
  auto lines = analyze_layout(sheet_text(155, 255), sheet_rules(false));
  std::vector<std::vector<std::string>> want = {{"指標", "基準値", "目標値"},
                                                {"出生数", "310人", "350人"},
                                                {"※各年12月末の住民基本台帳による"},
                                                {"(2)年代別の推移"},
                                                {"区分", "R5", "R6"},
                                                {"14歳以下", "22", "20"}};
  ASSERT_EQ(cell_texts(lines), want);
  EXPECT_GE(lines[0].table, 0);
  EXPECT_EQ(lines[1].table, lines[0].table);
  EXPECT_EQ(lines[2].table, -1);
  EXPECT_EQ(lines[3].table, -1);
  EXPECT_GE(lines[4].table, 0);
  EXPECT_NE(lines[4].table, lines[0].table);
  EXPECT_EQ(lines[5].table, lines[4].table);
}

TEST(SheetGrids, OneTextRowsBetweenRowsRuledAlikeStayInTheTable) {
  // The same rows, the lower part ruled like the upper, a section row in
  // place of the note: the two rows are section rows of one table. (With the
  // note, the table above ends: ANoteAndTheTextAfterItPartTwoTablesRuledAlike.)
  auto lines = analyze_layout(sheet_text(105, 205, "(1)自然動態の概況"), sheet_rules(true));
  ASSERT_EQ(lines.size(), 6u);
  for (const Line& l : lines) EXPECT_EQ(l.table, lines[0].table) << l.text();
  EXPECT_GE(lines[0].table, 0);
}

TEST(SheetGrids, ACellRunningOnIntoTheLowerTableKeepsItsRows) {
  // Between the tables, one empty row and one whose only text is the first
  // line of a header cell of the lower table that runs on into its header
  // row (no rule under it there): not a heading, its rows stay in the grid.
  std::vector<Rule> rules = sheet_rules(false);
  for (Rule& r : rules)
    if (r.horizontal && r.pos == 80) r = {true, 80, 0, 250};  // open over x 250-400
  rules.push_back({false, 250, 60, 80});
  auto glyphs = joined({text_at("指標", 5, 5, 10), text_at("基準値", 105, 5, 10), text_at("目標値", 205, 5, 10),
                        text_at("出生数", 5, 25, 10), text_at("310人", 105, 25, 10), text_at("350人", 205, 25, 10),
                        text_at("5年間の", 255, 65, 10), text_at("区分", 5, 85, 10), text_at("R5", 155, 85, 10),
                        text_at("合計", 255, 85, 10), text_at("14歳以下", 5, 105, 10), text_at("22", 155, 105, 10),
                        text_at("20", 255, 105, 10)});
  auto lines = analyze_layout(glyphs, rules);
  bool whole = false;
  for (const Line& l : lines)
    for (const Cell& c : l.cells)
      if (c.text == "5年間の\n合計" || c.text == "5年間の合計") whole = true;
  EXPECT_TRUE(whole) << "the header cell's two lines are one cell";
  for (const Line& l : lines) EXPECT_GE(l.table, 0) << l.text();
}

// Two tables of one layout on the same sheet columns (edges at 100, 200),
// rows 20 high, each a header and one body row, with a note under the first
// merged across the tables' width. `second_head` is the first cell of the
// row under the note.
std::vector<Line> tables_of_one_layout(const std::string& second_head) {
  std::vector<Rule> rules;
  for (double y = 0; y <= 100; y += 20) rules.push_back({true, y, 0, 300});
  for (double x : {0.0, 300.0}) rules.push_back({false, x, 0, 100});
  for (double x : {100.0, 200.0}) {
    rules.push_back({false, x, 0, 40});
    rules.push_back({false, x, 60, 100});
  }
  auto glyphs = joined({text_at("具体的な施策", 5, 5, 10), text_at("基準値(R4)", 105, 5, 10),
                        text_at("KPI(R6)", 205, 5, 10), text_at("①窓口のデジタル化", 5, 25, 5),
                        text_at("0%", 105, 25, 10), text_at("20%", 205, 25, 10),
                        text_at("※基準値は令和4年度の実績とする。", 5, 45, 8), text_at(second_head, 5, 65, 10),
                        text_at("基準値(H30)", 105, 65, 10), text_at("KPI(R6)", 205, 65, 10),
                        text_at("②出産の支援", 5, 85, 10), text_at("50件", 105, 85, 10),
                        text_at("250件", 205, 85, 10)});
  return analyze_layout(glyphs, rules);
}

TEST(SheetGrids, ANoteOverARepeatedHeaderPartsTwoTablesRuledAlike) {
  auto lines = tables_of_one_layout("具体的な施策");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_GE(lines[0].table, 0);
  EXPECT_EQ(lines[1].table, lines[0].table);
  EXPECT_EQ(lines[2].table, -1) << lines[2].text();
  EXPECT_GE(lines[3].table, 0);
  EXPECT_NE(lines[3].table, lines[0].table);
  EXPECT_EQ(lines[4].table, lines[3].table);
}

TEST(SheetGrids, ANoteOverARowThatHeadsNothingStaysInTheTable) {
  // The row under the note starts with a name of its own: a note across one
  // table, kept in it.
  auto lines = tables_of_one_layout("指標名");
  ASSERT_EQ(lines.size(), 5u);
  for (const Line& l : lines) EXPECT_EQ(l.table, lines[0].table) << l.text();
  EXPECT_GE(lines[0].table, 0);
}

// A KPI table (header and one row), rows of one text merged across it
// (`between`), and a schedule on the same sheet columns (edges at 100, 200),
// every row 20 high and ruled alike.
std::vector<Line> kpis_then_schedule(const std::vector<std::string>& between) {
  const double text_top = 40, schedule_top = text_top + 20 * double(between.size()), bottom = schedule_top + 40;
  std::vector<Rule> rules;
  for (double y = 0; y <= bottom; y += 20) rules.push_back({true, y, 0, 300});
  for (double x : {0.0, 300.0}) rules.push_back({false, x, 0, bottom});
  for (double x : {100.0, 200.0}) {
    rules.push_back({false, x, 0, text_top});
    rules.push_back({false, x, schedule_top, bottom});
  }
  auto glyphs = joined({text_at("具体的な施策", 5, 5, 10), text_at("基準値(R4)", 105, 5, 10),
                        text_at("KPI(R6)", 205, 5, 10), text_at("①照明のLED化", 5, 25, 5),
                        text_at("12.4%", 105, 25, 10), text_at("35.7%", 205, 25, 10),
                        text_at("令和5年", 5, schedule_top + 5, 10), text_at("7月4日", 105, schedule_top + 5, 10),
                        text_at("第1回委員会", 205, schedule_top + 5, 8), text_at("7月25日", 105, schedule_top + 25, 10),
                        text_at("第1回本部会議", 205, schedule_top + 25, 8)});
  for (size_t k = 0; k < between.size(); ++k)
    for (const Glyph& g : text_at(between[k], 5, text_top + 20 * double(k) + 5, 8)) glyphs.push_back(g);
  return analyze_layout(glyphs, rules);
}

// Whether the rows between the KPI table and the schedule left the grid,
// parting the two: the first and last rows in two tables, the rows between
// free text.
void expect_parted(const std::vector<Line>& lines, size_t between) {
  ASSERT_EQ(lines.size(), 4 + between);
  EXPECT_GE(lines[0].table, 0);
  EXPECT_EQ(lines[1].table, lines[0].table);
  for (size_t k = 2; k < 2 + between; ++k) EXPECT_EQ(lines[k].table, -1) << lines[k].text();
  EXPECT_GE(lines[2 + between].table, 0);
  EXPECT_NE(lines[2 + between].table, lines[0].table);
  EXPECT_EQ(lines[3 + between].table, lines[2 + between].table);
}

TEST(SheetGrids, ANoteAndTheTextAfterItPartTwoTablesRuledAlike) {
  // The note under the KPI table, then a heading: the document goes on, and
  // the schedule under it is a table of its own, not more rows of the KPIs.
  expect_parted(kpis_then_schedule({"※基準値は令和4年度の実績とする。", "2改訂までの流れ"}), 2);
}

TEST(SheetGrids, TwoNotesBetweenRowsRuledAlikeStayInTheTable) {
  // Notes only, nothing after them: notes across one table, kept in it.
  auto lines = kpis_then_schedule({"※基準値は令和4年度の実績とする。", "※目標値は令和6年度の値とする。"});
  ASSERT_EQ(lines.size(), 6u);
  for (const Line& l : lines) EXPECT_EQ(l.table, lines[0].table) << l.text();
  EXPECT_GE(lines[0].table, 0);
}

TEST(SheetGrids, ParagraphsBetweenTablesRuledAlikePartThem) {
  // More one-text rows than a table's section rows: the document's text
  // between two tables (a chapter's heading and its paragraphs).
  expect_parted(kpis_then_schedule({"4国における地方創生の取組みについて", "地方創生2.0について",
                                    "▶国は、地方創生10年間の取組みを振り返り", "▶当面は、人口減少が続く事態を受け止める",
                                    "国の基本構想の概要", "【目指す姿】"}),
                6);
}

// A sheet's grid from its top: two rows of one text each (the sheet's title
// and a heading, or a row's tail carried over to a new page and a section
// row), then a table of three columns (edges at 100 and 200); every row is
// cut at x = 300, the sheet's empty column beyond the table.
std::vector<Line> sheet_top(const std::vector<Glyph>& first_two) {
  std::vector<Rule> rules;
  for (double y = 0; y <= 80; y += 20) rules.push_back({true, y, 0, 400});
  for (double x : {0.0, 300.0, 400.0}) rules.push_back({false, x, 0, 80});
  for (double x : {100.0, 200.0}) rules.push_back({false, x, 40, 80});
  auto glyphs = joined({first_two, text_at("指標", 5, 45, 10), text_at("基準値", 105, 45, 10),
                        text_at("目標値", 205, 45, 10), text_at("出生数", 5, 65, 10), text_at("310人", 105, 65, 10),
                        text_at("350人", 205, 65, 10)});
  return analyze_layout(glyphs, rules);
}

TEST(SheetGrids, TheSheetsTitleAndHeadingOverItsFirstTableAreFreeText) {
  auto lines = sheet_top(joined({text_at("総合戦略特別委員会", 5, 5, 10), text_at("(1)自然動態の概況", 5, 25, 10)}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].table, -1) << lines[0].text();
  EXPECT_EQ(lines[1].table, -1) << lines[1].text();
  EXPECT_GE(lines[2].table, 0);
  EXPECT_EQ(lines[3].table, lines[2].table);
}

TEST(SheetGrids, ARowsTailAtAPagesTopStaysInTheGrid) {
  // The first row's text starts right of the first column: the tail of a
  // name the page break split, to be joined to its row (issue 12, rule 4).
  auto lines = sheet_top(joined({text_at("度)", 105, 5, 10), text_at("②子育て支援の充実", 5, 25, 10)}));
  ASSERT_EQ(lines.size(), 4u);
  for (const Line& l : lines) EXPECT_EQ(l.table, lines[0].table) << l.text();
  EXPECT_GE(lines[0].table, 0);
}

// --- A cell's text spilled across a row rule --------------------------------

// Glyphs for `text` each `w` wide (half width w / 2) and `h` high, from x on a
// line whose top is y.
std::vector<Glyph> boxed_text(const std::string& text, double x, double y, double w, double h) {
  std::vector<Glyph> out = text_at(text, x, y, w);
  for (Glyph& g : out) g.box.y1 = g.box.y0 + h;
  return out;
}

// A section row across the table (0-12.5) over two rows whose second cell is
// one merged cell (12.5-37.5, no rule at y = 25 right of x = 100).
std::vector<Rule> section_over_merged_cell() {
  return {{true, 0, 0, 200},    {true, 12.5, 0, 200}, {true, 25, 0, 100},   {true, 37.5, 0, 200},
          {false, 0, 0, 37.5},  {false, 200, 0, 37.5}, {false, 100, 12.5, 37.5}};
}

TEST(SheetGrids, ALineSpilledOverTheRowAboveIsReadInItsCell) {
  // Calc centres the merged cell's three lines on its 25 pt: the first is
  // printed 2.3 pt into it, the rest of it over the section row's text.
  auto glyphs = joined({boxed_text("①地域人材の就労支援", 20, 0.1, 9.8, 12.7), boxed_text("目標値", 5, 12.6, 9.8, 12.7),
                        boxed_text("実績値", 5, 25.1, 9.8, 12.7), boxed_text("市内企業就職率", 105, 2.1, 9.8, 12.7),
                        boxed_text("／36.7%(令和元", 105, 13.6, 9.8, 12.7),
                        boxed_text("年)→40.0%(令", 105, 25.1, 9.8, 12.7)});
  auto lines = analyze_layout(glyphs, section_over_merged_cell());
  std::vector<std::vector<std::string>> want = {
      {"①地域人材の就労支援"}, {"目標値", "市内企業就職率\n／36.7%(令和元\n年)→40.0%(令"}, {"実績値"}};
  EXPECT_EQ(cell_texts(lines), want);
}

TEST(SheetGrids, TallType3BoxesAcrossARuleStayInTheirRows) {
  // Chromium's Type 3 glyph boxes are far taller than their glyphs: the
  // boxes of the section row and of the cell's first line overlap across
  // the rule, but the glyphs (as wide as they are high) do not cross it.
  auto glyphs = joined({boxed_text("①地域人材の就労支援", 20, -4, 9.8, 20), boxed_text("目標値", 5, 9, 9.8, 20),
                        boxed_text("実績値", 5, 21.5, 9.8, 20), boxed_text("市内企業就職率", 105, 9, 9.8, 20)});
  auto lines = analyze_layout(glyphs, section_over_merged_cell());
  std::vector<std::vector<std::string>> want = {{"①地域人材の就労支援"}, {"目標値", "市内企業就職率"}, {"実績値"}};
  EXPECT_EQ(cell_texts(lines), want);
}

TEST(SheetGrids, ALetterSpacedHeaderLineStaysInItsRow) {
  // A header printed with letter spacing (th { letter-spacing: 0.6em }): the
  // second line `( K P I )` is one word to Poppler, so each half-width glyph's
  // box is its advance plus the spacing, wide enough that twice its width
  // reaches across the header's rule; its font size says it does not. The
  // sizes are Chromium's, twice the em (the ideographs, 11 wide, show it).
  std::vector<Rule> r = {{true, 0, 0, 400}, {true, 32.2, 0, 400}, {true, 51.2, 0, 400},
                         {false, 0, 0, 51.2}, {false, 200, 0, 51.2}, {false, 400, 0, 51.2}};
  auto glyphs = joined({boxed_text("事業名", 20, -0.1, 11, 28.6), boxed_text("重要業績評価指標", 230, -0.1, 11, 28.6),
                        boxed_text("合同就職説明会事業", 3, 25.4, 11, 28.6),
                        boxed_text("内定者数(人)", 205.6, 25.4, 11, 28.6)});
  double x = 273.3;
  for (auto [ch, w] : {std::pair{"(", 10.75}, {"K", 14.14}, {"P", 13.93}, {"I", 10.23}, {")", 4.16}}) {
    glyphs.push_back({ch, {x, 6.7, x + w, 35.3}});
    x += w;
  }
  for (Glyph& g : glyphs) g.size = 22;
  auto lines = analyze_layout(glyphs, r);
  std::vector<std::vector<std::string>> want = {{"事業名", "重要業績評価指標\n(KPI)"},
                                                {"合同就職説明会事業", "内定者数(人)"}};
  EXPECT_EQ(cell_texts(lines), want);
}

}  // namespace
}  // namespace kpix

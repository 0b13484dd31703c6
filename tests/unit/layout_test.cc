// Layout analysis on hand-built pages: glyph boxes and rules in, lines and
// cells out.
#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/load/glyph_dedup.h"
#include "parsers/normalize/text.h"
#include "pipeline/layout/page_layout.h"
#include "pipeline/load/rule_finder.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

void add(std::vector<Glyph>& to, const std::vector<Glyph>& g) { to.insert(to.end(), g.begin(), g.end()); }

std::vector<std::string> texts(const Line& l) {
  std::vector<std::string> out;
  for (const Cell& c : l.cells) out.push_back(c.text);
  return out;
}

TEST(Layout, FreeTextSplitsCellsAtWideGapsOnly) {
  std::vector<Glyph> g;
  add(g, word("総所得", 0, 0));
  add(g, word("1,498", 100, 0));
  add(g, word("千円", 127, 0));  // 2 pt after the digits: same cell, no space
  auto lines = analyze_layout(g, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"総所得", "1,498千円"}));
}

TEST(Layout, SpaceBetweenWordsSeparatedByAQuarterEm) {
  std::vector<Glyph> g;
  add(g, word("10人", 0, 0));
  add(g, word("(通算19人)", 25, 0));  // 5 pt gap at a 10 pt em
  auto lines = analyze_layout(g, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"10人 (通算19人)"}));
}

TEST(Layout, LinesInReadingOrderWhateverTheInputOrder) {
  std::vector<Glyph> g;
  add(g, word("下の行", 0, 40));
  add(g, word("上の行", 0, 0));
  auto lines = analyze_layout(g, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].cells[0].text, "上の行");
  EXPECT_EQ(lines[1].cells[0].text, "下の行");
}

TEST(Layout, TallType3BoxesStillGroupByCentre) {
  // Chromium's Type 3 CJK boxes are ~2.6 times the text size and overlap the
  // next line; widths still measure the em.
  std::vector<Glyph> g;
  add(g, word("一行目", 0, 0, 10, 26));
  add(g, word("二行目", 0, 14, 10, 26));
  auto lines = analyze_layout(g, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].cells[0].text, "一行目");
  EXPECT_EQ(lines[1].cells[0].text, "二行目");
}

// A 3 x 2 ruled grid whose first column is merged over the two lower rows.
std::vector<Rule> grid_rules() {
  std::vector<Rule> r;
  for (double y : {0.0, 20.0, 40.0, 60.0}) r.push_back({true, y, 0, 200});
  r.push_back({false, 0, 0, 60});
  r.push_back({false, 100, 0, 60});
  r.push_back({false, 200, 0, 60});
  // no horizontal rule at y=40 under column 0: merged cell
  r[2] = {true, 40, 100, 200};
  return r;
}

TEST(Layout, RuledGridGivesOneLinePerRowAndMergedCellsOnce) {
  std::vector<Glyph> g;
  add(g, word("指標", 5, 5));
  add(g, word("基準値", 105, 5));
  add(g, word("合計特殊", 5, 30));
  add(g, word("出生率", 5, 42));
  add(g, word("1.26", 105, 25));
  add(g, word("1.40", 105, 45));
  auto lines = analyze_layout(g, grid_rules());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"指標", "基準値"}));
  // The merged cell's text (two visual lines) stands in its first row.
  EXPECT_EQ(texts(lines[1]), (std::vector<std::string>{"合計特殊\n出生率", "1.26"}));
  EXPECT_EQ(flatten_cell_text(lines[1].cells[0].text), "合計特殊出生率");
  EXPECT_EQ(texts(lines[2]), (std::vector<std::string>{"", "1.40"}));
  EXPECT_EQ(lines[1].cells[0].box.y1, 60);
  EXPECT_EQ(lines[2].cells[1].column, 1);
  EXPECT_EQ(lines[0].table, 0);
}

TEST(Layout, NumberWrappedInANarrowCellStaysOneNumber) {
  std::vector<Rule> r = {{true, 0, 0, 40}, {true, 40, 0, 40}, {false, 0, 0, 40}, {false, 40, 0, 40}, {false, 20, 0, 40}};
  std::vector<Glyph> g;
  add(g, word("35.", 22, 2));
  add(g, word("7%", 22, 15));
  add(g, word("率", 2, 2));
  auto lines = analyze_layout(g, r);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].cells.size(), 2u);
  EXPECT_EQ(flatten_cell_text(lines[0].cells[1].text), "35.7%");
  EXPECT_EQ(flatten_cell_text("Smart\nCity"), "Smart City");
}

TEST(Layout, LoneFramedBoxIsFreeText) {
  std::vector<Rule> frame = {{true, 0, 0, 300}, {true, 100, 0, 300}, {false, 0, 0, 100}, {false, 300, 0, 100}};
  std::vector<Glyph> g;
  add(g, word("見出し", 10, 10));
  add(g, word("本文の行", 10, 40));
  auto lines = analyze_layout(g, frame);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].table, -1);
}

TEST(Layout, UnruledColumnsGetIndexesFromSharedGaps) {
  std::vector<Glyph> g;
  add(g, word("項目", 0, 0));
  add(g, word("基準値", 100, 0));
  add(g, word("目標値", 200, 0));
  add(g, word("就職者数", 0, 20));
  add(g, word("12", 110, 20));
  add(g, word("75", 210, 20));
  auto lines = analyze_layout(g, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].table, lines[0].table);
  EXPECT_GE(lines[0].table, 0);
  EXPECT_EQ(lines[1].cells[1].column, 1);
  EXPECT_EQ(lines[1].cells[2].column, 2);
}

TEST(GlyphDedup, ShadowCopiesRemovedRepeatsKept) {
  std::vector<Glyph> g = word("卒業生", 0, 0);
  for (Glyph c : word("卒業生", 0.8, 0.6)) g.push_back(c);  // the shadow, 0.8 pt off
  add(g, word("00", 40, 0));                                 // two zeros side by side stay
  auto kept = remove_duplicate_glyphs(g);
  std::string text;
  for (auto& k : kept) text += k.text;
  EXPECT_EQ(text, "卒業生00");
}

TEST(GlyphDedup, ShadowAcrossTheHashGridsCellLinesRemoved) {
  // The copies' centres lie either side of a cell line of the hash grid
  // (8 pt), in x and in y: the neighbouring cells are looked in.
  std::vector<Glyph> g;
  g.push_back({"卒", {2.8, 2.8, 12.8, 12.8}});  // centre (7.8, 7.8)
  g.push_back({"卒", {3.2, 3.2, 13.2, 13.2}});  // centre (8.2, 8.2)
  g.push_back({"業", {19.2, 3.2, 29.2, 13.2}});  // centre (24.2, 8.2)
  g.push_back({"業", {18.8, 2.8, 28.8, 12.8}});  // centre (23.8, 7.8)
  auto kept = remove_duplicate_glyphs(g);
  std::string text;
  for (auto& k : kept) text += k.text;
  EXPECT_EQ(text, "卒業");
}

TEST(GlyphDedup, CopiesAtTheEdgeOfTheToleranceAcrossCellLines) {
  // A glyph looks in a neighbouring hash cell (8 pt) only where its
  // tolerance (a share of its size) reaches: a copy just within it is found
  // across a cell line, one just past it is kept, for glyphs smaller and
  // larger than a cell.
  struct Case {
    const char* what;
    double size, x, dx, dy;  // the glyph at (x, 0); its copy moved by (dx, dy)
    size_t kept;
  };
  const std::vector<Case> cases = {
      {"10 pt (tolerance 3), 2.95 pt right over the line at 8", 10, 2.5, 2.95, 0, 1},
      {"10 pt, 3.05 pt right: another glyph", 10, 2.5, 3.05, 0, 2},
      {"10 pt, 2.95 pt left over the line at 0", 10, -3.5, -2.95, 0, 1},
      {"10 pt, 2.95 pt left and down", 10, -3.5, -2.95, 2.95, 1},
      {"2 pt (tolerance 0.6), 0.58 pt right over the line at 8", 2, 6.5, 0.58, 0, 1},
      {"2 pt, 0.62 pt right: another glyph", 2, 6.5, 0.62, 0, 2},
      {"2 pt, 0.58 pt right in the middle of a cell", 2, 2, 0.58, 0, 1},
      {"30 pt (tolerance 9), 8.9 pt right: a copy a cell away", 30, 0, 8.9, 0, 1},
      {"30 pt, 9.1 pt right: another glyph", 30, 0, 9.1, 0, 2},
  };
  for (const Case& c : cases) {
    std::vector<Glyph> g;
    g.push_back({"卒", {c.x, 0, c.x + c.size, c.size}});
    g.push_back({"卒", {c.x + c.dx, c.dy, c.x + c.dx + c.size, c.dy + c.size}});
    EXPECT_EQ(remove_duplicate_glyphs(g).size(), c.kept) << c.what;
  }
}

TEST(GlyphDedup, GlyphsFarOffThePageOrAtNaNAreKeptWithoutOverflow) {
  // pdf_loader_fuzz (UBSan, glyph_dedup.cc: 3.57e+121 is outside the range
  // of int): a mutated text matrix puts glyphs at 1e121, and NaN. Each is
  // kept once (its shadow removed), beside the ordinary glyph.
  std::vector<Glyph> g = word("卒", 0, 0);
  const double far = 3.57e121, nan = std::nan("");
  g.push_back({"業", {far, far, far + 10, far + 10}});
  g.push_back({"業", {far, far, far + 10, far + 10}});
  g.push_back({"生", {-far, nan, -far + 10, nan}});
  auto kept = remove_duplicate_glyphs(g);
  std::string text;
  for (auto& k : kept) text += k.text;
  EXPECT_EQ(text, "卒業生");
}

TEST(RuleMerge, PiecesOfOneBorderJoin) {
  std::vector<Rule> pieces = {{true, 100.2, 0, 50}, {true, 99.8, 50.5, 120}, {true, 100, 200, 260}, {false, 10, 0, 30}};
  auto merged = merge_rules(pieces);
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_TRUE(merged[0].horizontal);
  EXPECT_DOUBLE_EQ(merged[0].from, 0);
  EXPECT_DOUBLE_EQ(merged[0].to, 120);
  EXPECT_DOUBLE_EQ(merged[1].from, 200);
  EXPECT_FALSE(merged[2].horizontal);
}

}  // namespace
}  // namespace kpix

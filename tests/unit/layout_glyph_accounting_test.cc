// Glyph accounting on hand-made pages: whatever path a glyph takes through
// layout (ruled grid, merged cell, table ruled by rows only, table rebuilt
// from its text, free text, a turned page), its characters come out in the
// text of exactly one cell. tests/samples/layout_glyph_accounting_test.cc
// checks the same on every sample page.
#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/glyph_accounting.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

using testing::accounting_difference;
using testing::cell_chars;
using testing::glyph_chars;

struct Words {
  std::vector<Glyph> glyphs;
  Words& at(const std::string& text, double x, double y) {
    for (Glyph& g : word(text, x, y)) glyphs.push_back(std::move(g));
    return *this;
  }
};

size_t tables_of(const std::vector<Line>& lines) {
  int most = -1;
  for (const Line& l : lines) most = std::max(most, l.table);
  return size_t(most + 1);
}

struct Case {
  const char* name;
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  size_t tables;  // at least this many tables found: the path the glyphs take
};

// A 3 x 2 grid at (x, y), 100 x 20 cells, its first column merged over the
// two lower rows.
std::vector<Rule> merged_grid(double x, double y) {
  return {{true, y, x, x + 200},          {true, y + 20, x, x + 200}, {true, y + 40, x + 100, x + 200},
          {true, y + 60, x, x + 200},     {false, x, y, y + 60},      {false, x + 100, y, y + 60},
          {false, x + 200, y, y + 60}};
}

std::vector<Case> cases() {
  std::vector<Case> out;
  {
    // An underlined heading (its rule is no border), then a ruled grid whose
    // merged cell holds a name wrapped over two lines.
    Words w;
    w.at("施策の評価", 0, 0).at("指標", 5, 35).at("基準値", 105, 35).at("合計特殊", 5, 60).at("出生率", 5, 72);
    w.at("1.26", 105, 55).at("1.40", 105, 75);
    std::vector<Rule> r = merged_grid(0, 30);
    r.push_back({true, 11, 0, 50});
    out.push_back({"ruled grid with a merged cell under an underlined heading", w.glyphs, r, 1});
  }
  {
    // Rules above, under the header and below only; the body's rows of
    // values stacked between the last two rules, the first name wrapped.
    Words w;
    w.at("指標", 5, 5).at("2022", 120, 5).at("2023", 220, 5).at("転入者", 5, 25).at("1,200", 120, 30);
    w.at("1,500", 220, 30).at("数", 5, 37).at("出生数", 5, 55).at("310", 120, 55).at("350", 220, 55);
    w.at("死亡数", 5, 80).at("420", 120, 80).at("450", 220, 80);
    out.push_back({"rows ruled only, value rows stacked in one band", w.glyphs,
                   {{true, 0, 0, 300}, {true, 20, 0, 300}, {true, 100, 0, 300}}, 1});
  }
  {
    // No borders: a header, a name wrapped beside its centred value, more
    // rows; a paragraph under the table.
    Words w;
    w.at("項目", 0, 0).at("基準値", 100, 0).at("目標値", 200, 0).at("移住相談", 0, 20).at("件数", 0, 32);
    w.at("12", 110, 26).at("30", 210, 26).at("就職者数", 0, 50).at("75", 110, 50).at("90", 210, 50);
    w.at("以上の指標は毎年度見直す。", 0, 120);
    out.push_back({"no borders, a wrapped name beside its value", w.glyphs, {}, 1});
  }
  {
    // A small grid drawn inside a cell of a larger one (a boxed note in a
    // table): the glyphs inside both go to one of them only.
    Words w;
    w.at("甲", 25, 12).at("乙", 55, 22).at("丙", 120, 15).at("丁", 120, 55);
    std::vector<Rule> r;
    for (double y : {0.0, 40.0, 80.0}) r.push_back({true, y, 0, 200});
    for (double x : {0.0, 100.0, 200.0}) r.push_back({false, x, 0, 80});
    for (double y : {10.0, 20.0, 30.0}) r.push_back({true, y, 20, 80});
    for (double x : {20.0, 50.0, 80.0}) r.push_back({false, x, 10, 30});
    out.push_back({"a ruled grid inside a cell of another", w.glyphs, r, 1});
  }
  {
    // Glyphs off the page (negative coordinates, far right), one centred on
    // a grid's border, one drawn twice at one place, one of no size, one
    // whose text is two code points, one with no text.
    Words w;
    w.at("欄外", -40, -30).at("右端", 5000, 10).at("境", 95, 15).at("重", 10, 5).at("重", 10, 5).at("1", 140, 25);
    w.glyphs.push_back({"点", {120, 45, 120, 45}});
    w.glyphs.push_back({"ﬁ", {10, 45, 15, 55}});
    w.glyphs.push_back({"fi", {20, 45, 25, 55}});
    w.glyphs.push_back({"", {30, 45, 35, 55}});
    std::vector<Rule> r;
    for (double y : {0.0, 20.0, 40.0, 60.0}) r.push_back({true, y, 0, 200});
    for (double x : {0.0, 100.0, 200.0}) r.push_back({false, x, 0, 60});
    out.push_back({"glyphs off the page, on a border, doubled, empty", w.glyphs, r, 1});
  }
  return out;
}

TEST(LayoutGlyphAccounting, EveryGlyphComesOutInOneCellOnEachPath) {
  for (const Case& c : cases()) {
    testing::CharCounts in = glyph_chars(c.glyphs);
    ASSERT_FALSE(in.empty()) << c.name;
    std::vector<Line> lines = analyze_layout(c.glyphs, c.rules);
    EXPECT_GE(tables_of(lines), c.tables) << c.name;
    EXPECT_EQ(accounting_difference(in, cell_chars(lines)), "") << c.name;
  }
}

TEST(LayoutGlyphAccounting, ATurnedPageKeepsEachGlyphOnce) {
  // The ruled-grid case on a page whose text runs down (a quarter turn):
  // lay_out_page turns glyphs and rules upright first.
  Case c = cases()[0];
  Page page;
  page.width = 400;
  page.height = 600;
  page.text_turn = 1;
  page.glyphs = c.glyphs;
  page.rules = c.rules;
  testing::CharCounts in = glyph_chars(page.glyphs);
  Page laid = lay_out_page(std::move(page));
  EXPECT_TRUE(laid.glyphs.empty());
  EXPECT_FALSE(laid.lines.empty());
  EXPECT_EQ(accounting_difference(in, cell_chars(laid.lines)), "");
}

TEST(LayoutGlyphAccounting, TheCountTellsLostAndAddedCharacters) {
  testing::CharCounts in = glyph_chars(word("率率1 2", 0, 0));
  testing::CharCounts out;
  testing::count_chars("率\n1 3 3", out);  // spaces and line breaks are layout's own
  EXPECT_EQ(accounting_difference(in, out), "lost: 2 率; added: 3×2");
  EXPECT_EQ(accounting_difference(in, in), "");
}

}  // namespace
}  // namespace kpix

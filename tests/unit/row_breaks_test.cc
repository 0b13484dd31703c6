// The runs of a table's visual lines by column (pipeline/layout/row_breaks):
// each stands where its own glyphs do.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/layout/row_breaks.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

TEST(ColumnLines, ARunStandsWhereItsOwnGlyphsDo) {
  // A wrapped name's line (centre 5) and, beside it in the next column, a
  // value set 2 pt lower in its cell: one visual line, two heights.
  std::vector<Glyph> g = word("公共施設利用予約の", 0, 0);
  std::vector<Glyph> value = word("0%", 120, 2);
  g.insert(g.end(), value.begin(), value.end());
  std::vector<const Glyph*> line;
  for (const Glyph& x : g) line.push_back(&x);
  layout_parts::ColumnLines lines = layout_parts::column_lines({line}, {100});
  ASSERT_EQ(lines.runs.size(), 2u);
  EXPECT_DOUBLE_EQ((lines.runs[0].top + lines.runs[0].bottom) / 2, 5);
  EXPECT_DOUBLE_EQ((lines.runs[1].top + lines.runs[1].bottom) / 2, 7);
}

// Whether column_lines takes `text` (one line, one column) for a value.
bool is_value(const std::string& text) {
  std::vector<Glyph> g = word(text, 0, 0);
  std::vector<const Glyph*> line;
  for (const Glyph& x : g) line.push_back(&x);
  layout_parts::ColumnLines lines = layout_parts::column_lines({line}, {});
  return lines.runs.size() == 1 && lines.runs[0].number;
}

TEST(ColumnLines, AValueIsShortMostlyDigitsAndStartsWithNoKana) {
  // Values and numbered labels do not wrap; a name's line that holds a
  // number does (`転出超過数を / 2014年 / の2分の1 / に抑制`).
  for (const char* v : {"36.0", "1,498千円", "▲312人", "2014年", "Ａ＝728.5㎡", "第14款", "約500人"})
    EXPECT_TRUE(is_value(v)) << v;
  for (const char* t : {"の2分の1", "／36.7%(令和元年)", "令和4年度", "取組みの実証件数"}) EXPECT_FALSE(is_value(t)) << t;
}

TEST(ColumnLines, AValueWrappedInANarrowColumnIsNoValue) {
  // `10人(通算19人)` in a 50 pt column: `10人(通` over `算19人)`, each piece
  // mostly digits, neither a value of its own (its brackets are open).
  for (const char* v : {"10人(通算19人)", "50人(5年)", "1,600千円"}) EXPECT_TRUE(is_value(v)) << v;
  for (const char* t : {"10人(通", "算19人)", "50人(5", "（2018"}) EXPECT_FALSE(is_value(t)) << t;
}

}  // namespace
}  // namespace kpix

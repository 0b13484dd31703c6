// The runs of a table's visual lines by column (pipeline/layout/row_breaks):
// each stands where its own glyphs do.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kpix

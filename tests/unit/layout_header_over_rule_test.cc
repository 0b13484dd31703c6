// A table ruled by rows only whose header stands over its first rule,
// undrawn (the body's shaded section rows are its only rules), and text over
// a first rule that is not a header.
#include <gtest/gtest.h>

#include "pipeline/layout/page_layout.h"
#include "tests/unit/synthetic_glyphs.h"

namespace kpix {
namespace {

const Line* line_starting(const std::vector<Line>& lines, const std::string& text) {
  for (const Line& l : lines)
    if (!l.cells.empty() && l.cells[0].text.rfind(text, 0) == 0) return &l;
  return nullptr;
}

std::vector<Glyph> glyphs_of(std::initializer_list<std::vector<Glyph>> words) {
  std::vector<Glyph> g;
  for (const auto& w : words) g.insert(g.end(), w.begin(), w.end());
  return g;
}

TEST(HeaderOverTheFirstRule, AnUndrawnHeaderOverAShadedSectionRowIsTheTables) {
  // 砂川's report printed without borders: the header (its 5年間の合計 cell
  // wrapped) right over the shaded band of the first section row, whose
  // edges are the table's first rules.
  std::vector<Rule> rules = {{true, 40, 0, 400}, {true, 55, 0, 400}, {true, 100, 0, 400}};
  auto g = glyphs_of({word("5年間の合", 330, 14), word("施策名", 5, 20), word("指標", 120, 20),
                      word("区分", 220, 20), word("3年度", 270, 20), word("計", 350, 26),
                      word("(1) 人材育成", 5, 42),
                      word("事業A", 5, 60), word("就職率", 120, 60), word("目標値", 220, 60), word("36.0", 270, 60),
                      word("40", 350, 60),
                      word("実績値", 220, 78), word("25.0", 270, 78)});
  auto lines = analyze_layout(g, rules);
  const Line* header = line_starting(lines, "施策名");
  const Line* row = line_starting(lines, "事業A");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(row, nullptr);
  EXPECT_GE(row->table, 0);
  EXPECT_EQ(header->table, row->table);
  ASSERT_EQ(header->cells.size(), row->cells.size());
  EXPECT_EQ(header->cells[1].text, "指標");
  EXPECT_EQ(header->cells[3].text, "3年度");
}

TEST(HeaderOverTheFirstRule, ARowCarriedOverANoteIsNoHeader) {
  // A row carried from the page before at the page top, its closing rule
  // under it, then a note between rules: no table starts on that rule, so
  // the row is not taken as one's header.
  std::vector<Rule> rules = {{true, 25, 0, 400}, {true, 45, 0, 400}, {true, 65, 0, 400}};
  auto g = glyphs_of({word("防災訓練への参加率", 5, 10), word("11.1%", 200, 10), word("非調査年", 260, 10),
                      word("6.9%", 340, 10),
                      word("※基準値は2019年12月末現在の実績", 5, 30), word("※目標値は各年度の目標", 5, 50)});
  auto lines = analyze_layout(g, rules);
  const Line* row = line_starting(lines, "防災訓練");
  ASSERT_NE(row, nullptr);
  EXPECT_LT(row->table, 0);
}

}  // namespace
}  // namespace kpix

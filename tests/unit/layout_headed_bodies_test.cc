// A drawn header over a body drawn with no rules at all (pipeline/layout/
// headed_bodies): LibreOffice Writer's print of a table with a shaded header
// row and no borders, on hand-built pages.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

using Words = std::vector<std::tuple<std::string, double, double>>;

// The rules of a one-row grid from `top` to `bottom` with columns at `xs`.
std::vector<Rule> grid_rules(const std::vector<double>& xs, double top, double bottom) {
  std::vector<Rule> rules = {{true, top, xs.front(), xs.back()}, {true, bottom, xs.front(), xs.back()}};
  for (double x : xs) rules.push_back({false, x, top, bottom});
  return rules;
}

// The line holding a cell whose text is `text`, or nullptr.
const Line* line_with(const std::vector<Line>& lines, const std::string& text) {
  for (const Line& l : lines)
    for (const Cell& c : l.cells)
      if (c.text == text) return &l;
  return nullptr;
}

std::vector<std::string> texts(const Line& l) {
  std::vector<std::string> out;
  for (const Cell& c : l.cells) out.push_back(c.text);
  return out;
}

const std::vector<double> kColumns = {0, 200, 300, 380, 460};

TEST(HeadedBodies, AnUnpaddedBodyTakesTheHeadersColumns) {
  // 創業支援事業 printed by Writer: the description's lines run to 5 pt short
  // of its column line, the name starts 1 pt past it (half an em apart,
  // closer than two cells' text is anywhere else), lines 18 pt apart (1.8
  // em), the values centred between the name's two lines; a note under the
  // body runs across the column lines.
  Words words = {{"取組み", 5, 105}, {"項目", 201, 105}, {"基準値", 302, 105}, {"目標値", 382, 105},
                 {"相談窓口を開設し創業塾を開催するとと", 15, 130}, {"創業塾受講後の創業", 201, 130},
                 {"26人", 302, 139}, {"50人", 382, 139},
                 {"もに事業拡大や後継者対策に取り組む企", 15, 148}, {"人数", 201, 148},
                 {"業への支援を進めた。", 15, 166},
                 {"※ＫＰＩの基準値は２０１６年度から２０１８年度までの合計です", 5, 190}};
  Page p = page_of(1, grid_rules(kColumns, 100, 120), words);
  const Line* header = line_with(p.lines, "項目");
  const Line* row = line_with(p.lines, "26人");
  ASSERT_NE(header, nullptr);
  ASSERT_NE(row, nullptr);
  EXPECT_GE(row->table, 0);
  EXPECT_EQ(row->table, header->table);
  EXPECT_EQ(texts(*row), (std::vector<std::string>{
                             "相談窓口を開設し創業塾を開催するとと\nもに事業拡大や後継者対策に取り組む企\n業への支援を進めた。",
                             "創業塾受講後の創業\n人数", "26人", "50人"}));
  const Line* note = line_starting(p.lines, "※ＫＰＩ");
  ASSERT_NE(note, nullptr);
  EXPECT_LT(note->table, 0);
}

TEST(HeadedBodies, AGroupColumnUnderANameLabelIsAColumnOfItsOwn) {
  // A goal's KPI table: `重要業績評価指標（KPI）` over a group label and the
  // numbered names, which the header draws as one column.
  Words words = {{"重要業績評価指標", 5, 105}, {"基準値", 302, 105}, {"目標値", 382, 105},
                 {"総所得の向上", 5, 130},     {"①総所得", 110, 130}, {"1,498千円", 302, 130}, {"1,600千円", 382, 130},
                 {"②付加価値額", 110, 150},    {"3,539千円", 302, 150}, {"3,750千円", 382, 150},
                 {"生産性の向上", 5, 170},     {"③出荷額", 110, 170}, {"28,903千円", 302, 170}, {"29,000千円", 382, 170}};
  Page p = page_of(1, grid_rules({0, 300, 380, 460}, 100, 120), words);
  const Line* first = line_with(p.lines, "①総所得");
  const Line* third = line_with(p.lines, "③出荷額");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(texts(*first), (std::vector<std::string>{"総所得の向上", "①総所得", "1,498千円", "1,600千円"}));
  EXPECT_EQ(texts(*third), (std::vector<std::string>{"生産性の向上", "③出荷額", "28,903千円", "29,000千円"}));
  EXPECT_EQ(first->table, line_with(p.lines, "基準値")->table);
}

TEST(HeadedBodies, TextACellRunsOnUnderItsGridIsNoBody) {
  // Calc's print of a sheet: the last row's remark wraps onto more lines than
  // its row is high, and the rest is printed under the grid at the same
  // leading, beside the page's footer.
  Words words = {{"事業名", 5, 103}, {"指標", 201, 103}, {"目標値", 302, 103}, {"備考", 382, 103},
                 {"移住定住促進事業", 5, 123}, {"利用組数", 201, 123}, {"11", 302, 123}, {"令和4年度", 382, 123},
                 {"は利用者", 382, 135}, {"が増えた", 382, 147}, {"Page 5", 230, 159}, {"ことから", 382, 159}};
  Page p = page_of(1, grid_rules({0, 200, 300, 380, 460}, 100, 156), words);
  p.rules.push_back({true, 120, 0, 460});
  p.lines = analyze_layout(p.glyphs, p.rules, {});
  const Line* footer = line_with(p.lines, "Page 5");
  ASSERT_NE(footer, nullptr);
  EXPECT_LT(footer->table, 0);
}

}  // namespace
}  // namespace kpix

// Which free lines are one sentence wrapped by the page (pipeline/records/
// wrapped_lines.h). Boxes in points, 10.5 pt lines as on 京都's 新規・充実事業
// sheets (text from x 67.6 to about 563); texts from those sheets and from
// report templates of the same shape.
#include <gtest/gtest.h>

#include <vector>

#include "pipeline/records/wrapped_lines.h"

namespace kpix {
namespace {

ProseLine at(const char* text, double x0, double y0, double x1) { return {text, Box{x0, y0, x1, y0 + 10.5}}; }

struct WrapCase {
  const char* why;
  ProseLine line, next;
  bool wraps;
};

TEST(WrappedLines, TellsASentenceGoingOnFromANewText) {
  const double edge = 563.1;
  const WrapCase cases[] = {
      {"an open 【 goes on, though the line stops short of the edge",
       at("・ 指標：…の実施【数値目標：480回（数値目標の考え方：12回（年", 67.6, 506.6, 551.5), at("間）×40施設）】", 67.6, 518.0, 136.2),
       true},
      {"a line to the edge goes on with the next at the margin",
       at("・ つどいの広場の利用者：79,092人、…の実施：1,249回 ※R6.１１", 74.5, 780.9, 563.1), at("末時点", 67.6, 792.3, 99.2), true},
      {"a short line with its brackets closed ends its sentence",
       at("・ 指標：つどいの広場の利用者【数値目標：100,641人】", 67.6, 472.4, 335.2), at("＜事業効果＞", 67.6, 484.0, 188.3), false},
      {"a list item starts a text of its own",
       at("子育て親子の交流の場の提供と交流の促進を図り、地域の子育て家庭を支援する取組を行", 67.6, 297.8, 562.0),
       at("・ 子育て等に関する相談、援助の実施", 74.5, 309.2, 247.9), false},
      {"so does a bracketed year under an actuals heading",
       at("携の構築を図るための取組を全施設にて実施し、令和５年度は南区、伏見区内で事業者を公", 67.6, 640.0, 561.0),
       at("（令和６年度）", 67.6, 651.5, 128.3), false},
      {"and a numbered heading",
       at("無料（ただし、材料代等の実費を御負担いただく場合がある。ただし、施設により異なる", 74.5, 423.2, 560.0),
       at("２ 事業目標", 71.1, 434.6, 128.1), false},
      {"a line half a page lower is not its continuation",
       at("・ 指標：…【数値目標：480回（数値目標の考え方：12回（年", 67.6, 506.6, 551.5), at("間）×40施設）】", 67.6, 600.0, 136.2), false},
      {"nor is text that starts further right (the next column, an indented block)",
       at("・ 指標：…【数値目標：480回（数値目標の考え方：12回（年", 67.6, 506.6, 551.5), at("間）×40施設）】", 300.0, 518.0, 400.0), false},
  };
  for (const WrapCase& c : cases) EXPECT_EQ(wraps_onto(c.line, c.next, edge), c.wraps) << c.why;
}

TEST(WrappedLines, TheRightEdgeIsTheRightmostFreeLine) {
  std::vector<ProseLine> lines = {at("a", 67.6, 100, 300), at("b", 67.6, 111, 563.1), at("c", 67.6, 122, 99.2)};
  EXPECT_DOUBLE_EQ(free_text_right_edge(lines), 563.1);
  EXPECT_DOUBLE_EQ(free_text_right_edge({}), 0);
}

}  // namespace
}  // namespace kpix

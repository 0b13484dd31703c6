// normalize_value on forms real cells print around their figure: footnote
// marks (`※1`, `注2`, a superscript that NFKC folds to a digit), a figure
// alone in brackets, provisional and not-yet-final words (速報値, 未確定, a
// 確定 that 未 negates), a count per year written before it (年間), and a
// change rather than a level (前年比+5%, 5%増: relative). Each expectation is
// what the cell says, worked out by hand.
#include <gtest/gtest.h>

#include "parsers/normalize/value.h"
#include "tests/unit/value_cases.h"

namespace kpix {
namespace {

const ValueCase kMarks[] = {
    // A footnote's mark is no figure of the cell.
    {"1,498千円※1", "", "", "ok 1498000 円 x1000"},
    {"1,498千円（※1）", "", "", "ok 1498000 円 x1000"},
    {"32.5% 注2", "", "", "ok 32.5 % x1"},
    {"1,498千円 注1)", "", "", "ok 1498000 円 x1000"},
    {"1,498千円¹", "", "", "ok 1498000 円 x1000"},  // ¹ folds to 1: the figure with the unit wins
    {"1,234人 ※暫定値", "", "", "ok 1234 人 x1 q=provisional"},
    // A figure alone in brackets is the cell's figure (with a warning); a
    // bare year or item number in brackets is a label, no figure.
    {"(1,234)", "", "", "ok 1234 - x1"},
    {"（12.5%）", "", "", "ok 12.5 % x1"},
    {"(2014)", "", "", "none"},
    {"(5年間合計)", "", "", "none"},
    // Not final yet.
    {"123人（速報値）", "", "", "ok 123 人 x1 q=provisional"},
    {"123人(未確定)", "", "", "ok 123 人 x1 q=provisional"},
    {"未確定", "", "", "pending"},
    {"123人（確定値）", "", "", "ok 123 人 x1 q=final"},
    // Per year, written before the figure.
    {"年間123人", "", "", "ok 123 人 x1 q=per_year"},
    // A change, not a level.
    {"前年比+5%", "", "", "ok 5 % x1 q=relative"},
    {"対前年度比 3.2ポイント増", "", "", "ok 3.2 ポイント x1 q=relative"},
    {"5%増", "", "", "ok 5 % x1 q=relative"},
    {"10%削減", "", "", "ok 10 % x1 q=relative"},
    {"50%", "", "", "ok 50 % x1"},
    {"120人増", "", "", "ok 120 人 x1"},  // a count of change stays a count (社会増 120人)
};

TEST(NormalizeValueMarks, FormsAroundTheFigure) {
  for (const ValueCase& c : kMarks) check_value(c);
}

TEST(NormalizeValueMarks, AFigureInBracketsAloneSaysSo) {
  NormalizedValue v = normalize_value("(1,234)");
  ASSERT_EQ(v.warnings.size(), 1u);
  EXPECT_EQ(v.warnings[0], "the cell's only figure stands in brackets: read as its value");
}

}  // namespace
}  // namespace kpix

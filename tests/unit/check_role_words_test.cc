// kpix check: the role lexicon (pipeline/check/role_words.h): role words,
// 見込, and the header forms that give role and year in one label, as the
// seeds print them (H30基準, R 2実績, R6目標 in 004; 2020実績 in 000; R9目標値 in
// 001) and as 池田's and 神戸's sheets do (R６年度 見込, 25年度見込み).
#include <gtest/gtest.h>

#include "pipeline/check/role_words.h"

namespace kpix {
namespace {

struct WordsCase {
  const char* text;
  const char* role;  // nullptr: not role words
  bool estimate;
};

TEST(CheckRoleWords, WordsInEitherLanguage) {
  const WordsCase cases[] = {
      {"基準値", "baseline", false},    {"基準", "baseline", false},       {"現状値", "baseline", false},
      {"Baseline", "baseline", false},  {"実績", "actual", false},         {"実績値", "actual", false},
      {"ａｃｔｕａｌ", "actual", false}, {"目標", "target", false},         {"目標値", "target", false},
      {"TARGET", "target", false},      {"計画値", "target", false},       {"達成状況", "achievement", false},
      {"達成率", "achievement", false}, {"見込", "", true},                {"見込み", "", true},
      {"estimate", "", true},           {"実績見込", "actual", true},      {"目標（見込み）", "target", true},
      {"実績・見込", "actual", true},    {"目 標 値", "target", false},
      {"予想", nullptr, false},         {"基準目標", nullptr, false},      {"", nullptr, false},
      {"実績値に対する所見", nullptr, false}, {"値", nullptr, false},
  };
  for (const WordsCase& c : cases) {
    auto got = read_role_words(c.text);
    if (!c.role) {
      EXPECT_FALSE(got) << c.text << " → " << got->role;
      continue;
    }
    ASSERT_TRUE(got) << c.text;
    EXPECT_EQ(got->role, c.role) << c.text;
    EXPECT_EQ(got->estimate, c.estimate) << c.text;
  }
}

struct LabelCase {
  const char* text;
  bool ok;
  const char* role;  // nullptr: no role words
  bool estimate;
  int start, end;  // 0: no year
  const char* year_text;
};

TEST(CheckRoleWords, HeaderFormsGiveRoleAndYear) {
  const LabelCase cases[] = {
      {"H30基準", true, "baseline", false, 2018, 2018, "H30"},
      {"R4実績", true, "actual", false, 2022, 2022, "R4"},
      {"R 2実績", true, "actual", false, 2020, 2020, "R 2"},
      {"R6目標", true, "target", false, 2024, 2024, "R6"},
      {"R9目標値", true, "target", false, 2027, 2027, "R9"},
      {"2020実績", true, "actual", false, 2020, 2020, "2020"},
      {"R6見込", true, "", true, 2024, 2024, "R6"},
      {"R６年度 見込", true, "", true, 2024, 2024, "R6年度"},
      {"令和4年度実績見込み", true, "actual", true, 2022, 2022, "令和4年度"},
      {"基準値(H30)", true, "baseline", false, 2018, 2018, "H30"},
      {"目標値 (令和6年度)", true, "target", false, 2024, 2024, "令和6年度"},
      {"2022", true, nullptr, false, 2022, 2022, "2022"},
      {"R4", true, nullptr, false, 2022, 2022, "R4"},
      {"令和4年度", true, nullptr, false, 2022, 2022, "令和4年度"},
      {"2022年度", true, nullptr, false, 2022, 2022, "2022年度"},
      {"平成30年", true, nullptr, false, 2018, 2018, "平成30年"},
      {"R2～R4", true, nullptr, false, 2020, 2022, "R2～R4"},
      {"2016～2018年度", true, nullptr, false, 2016, 2018, "2016～2018年度"},
      {"R2～R4平均", true, nullptr, false, 2020, 2022, "R2～R4平均"},
      {"実績", true, "actual", false, 0, 0, ""},
      {"見込", true, "", true, 0, 0, ""},
      {"R4予想", false, nullptr, false, 0, 0, ""},
      {"R4実績R5", false, nullptr, false, 0, 0, ""},
      {"きのう", false, nullptr, false, 0, 0, ""},
      {"", false, nullptr, false, 0, 0, ""},
  };
  for (const LabelCase& c : cases) {
    auto got = read_role_label(c.text);
    if (!c.ok) {
      EXPECT_FALSE(got) << c.text;
      continue;
    }
    ASSERT_TRUE(got) << c.text;
    if (c.role) {
      ASSERT_TRUE(got->words) << c.text;
      EXPECT_EQ(got->words->role, c.role) << c.text;
      EXPECT_EQ(got->words->estimate, c.estimate) << c.text;
    } else {
      EXPECT_FALSE(got->words) << c.text;
    }
    if (c.start) {
      ASSERT_TRUE(got->period) << c.text;
      EXPECT_EQ(got->period->start, c.start) << c.text;
      EXPECT_EQ(got->period->end, c.end) << c.text;
    } else {
      EXPECT_FALSE(got->period) << c.text;
    }
    EXPECT_EQ(got->year_text, c.year_text) << c.text;
  }
}

TEST(CheckRoleWords, JapaneseNames) {
  EXPECT_EQ(role_word_ja("baseline"), "基準値");
  EXPECT_EQ(role_word_ja("actual"), "実績");
  EXPECT_EQ(role_word_ja("target"), "目標値");
  EXPECT_EQ(role_word_ja("achievement"), "達成状況");
  EXPECT_EQ(role_word_ja(""), "");
}

}  // namespace
}  // namespace kpix

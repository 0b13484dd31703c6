// The role lexicon (parsers/normalize/roles.h): the record format's names of
// the roles and back, the words of each use (column headers, form row
// labels, note keys), and, as kpix check reads them, role words,
// 見込, and the header forms that give role and year in one label, as the
// seeds print them (H30基準, R 2実績, R6目標 in 004; 2020実績 in 000; R9目標値 in
// 001) and as 池田's and 神戸's sheets do (R６年度 見込, 25年度見込み).
#include <gtest/gtest.h>

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/normalize/roles.h"

namespace kpix {
namespace {

// "" for no role: the cases below name roles as the record format does.
std::string name(std::optional<Role> r) { return r ? std::string(to_string(*r)) : ""; }

struct NameCase {
  Role role;
  const char* name;  // the record format's
  const char* ja;    // role_word_ja
};

TEST(Roles, NamesRoundTrip) {
  const NameCase cases[] = {
      {Role::baseline, "baseline", "基準値"},
      {Role::actual, "actual", "実績"},
      {Role::target, "target", "目標値"},
      {Role::achievement, "achievement", "達成状況"},
  };
  ASSERT_EQ(std::size(cases), std::size(kRoles));  // every role has a row
  for (size_t i = 0; i < std::size(cases); ++i) {
    const NameCase& c = cases[i];
    EXPECT_EQ(kRoles[i], c.role) << c.name;
    EXPECT_EQ(to_string(c.role), c.name);
    EXPECT_EQ(role_from_string(c.name), c.role) << c.name;
    EXPECT_EQ(role_from_string(to_string(c.role)), c.role) << c.name;
    EXPECT_EQ(role_word_ja(c.role), c.ja) << c.name;
    // Both names are words of the lexicon, read back as the role.
    for (const char* word : {c.name, c.ja}) {
      auto got = read_role_words(word);
      ASSERT_TRUE(got) << word;
      EXPECT_EQ(got->role, c.role) << word;
      EXPECT_FALSE(got->estimate) << word;
    }
  }
}

TEST(Roles, FromStringTakesOnlyTheFormatsNames) {
  // Words and other spellings are read by read_role_words, not here.
  for (const char* text : {"", "Actual", "TARGET", " baseline", "baseline ", "実績", "goal", "estimate", "achieved"})
    EXPECT_FALSE(role_from_string(text)) << text << " → " << name(role_from_string(text));
}

struct HeaderCase {
  Role role;
  std::vector<std::string_view> words;
};

TEST(Roles, HeaderWordsByRole) {
  // 現状 and 計画 are not here: `現状と課題`, `事業計画` head no value column.
  const HeaderCase cases[] = {
      {Role::baseline, {"基準", "現状値", "策定時"}},
      {Role::actual, {"実績"}},
      {Role::target, {"目標"}},
      {Role::achievement, {"達成状況", "達成率", "達成度"}},
  };
  for (const HeaderCase& c : cases) EXPECT_EQ(header_role_words(c.role), c.words) << to_string(c.role);
}

struct RowLabelCase {
  const char* label;
  const char* role;  // "": no role
};

TEST(Roles, RowLabelsAreWholeLabels) {
  const RowLabelCase cases[] = {
      {"想定", "target"},   {"想定値", "target"}, {"計画", "target"}, {"計画値", "target"},
      {"目標", "target"},   {"目標値", "target"}, {"実績", "actual"}, {"実績値", "actual"},
      {"実 績", "actual"},  {"目標 値", "target"},
      {"見込み", ""},       // a target or an expected actual: the label alone cannot tell
      {"決算", ""},         {"事業計画", ""},     {"基準値", ""},     {"実績見込", ""},
      {"", ""},
  };
  for (const RowLabelCase& c : cases) EXPECT_EQ(name(row_label_role(c.label)), c.role) << c.label;
}

TEST(Roles, NoteKeys) {
  const std::vector<std::pair<std::string_view, Role>> want = {{"基準値", Role::baseline}, {"目標値", Role::target}};
  EXPECT_EQ(note_role_keys(), want);
}

struct WordsCase {
  const char* text;
  const char* role;  // nullptr: not role words
  bool estimate;
};

TEST(Roles, WordsInEitherLanguage) {
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
      EXPECT_FALSE(got) << c.text << " → " << name(got->role);
      continue;
    }
    ASSERT_TRUE(got) << c.text;
    EXPECT_EQ(name(got->role), c.role) << c.text;
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

TEST(Roles, HeaderFormsGiveRoleAndYear) {
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
      EXPECT_EQ(name(got->words->role), c.role) << c.text;
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

}  // namespace
}  // namespace kpix

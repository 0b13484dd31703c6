// The words a person or a document uses to say which value of an indicator
// is meant: its role (基準値, 実績, 目標), a qualifier of the value (見込), and
// the header forms that give role and year in one label (`H30基準`,
// `R4実績`, `R6目標`, `2020実績`, `R6見込`, `基準値(H30)`).
//
//   kpix::read_role_words("実績見込")   // {role "actual", estimate true}
//   kpix::read_role_label("R6見込")     // {role "", estimate true}, period 2024, year_text "R6"
//
// One data table (role_words.cc) holds every word; this is the lexicon that
// is meant to move to parsers/normalize/roles once table_shape, form_fields
// and the matcher share it, so it depends on parsers/normalize/ alone. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parsers/normalize/period.h"

namespace kpix {

// What role words say. `role` is baseline | actual | target | achievement, or
// empty when the words name only a qualifier (`見込` alone: an expected
// figure, whichever column it stands in).
struct RoleWords {
  std::string role;
  bool estimate = false;  // 見込, 見込み, 見通し: the value qualifier `estimate`
  bool operator==(const RoleWords& o) const { return role == o.role && estimate == o.estimate; }
};

// The whole of `text` read as role words, in either language, joined or with
// separators between them (spaces, brackets, ・, /): `基準値`, `actual`,
// `実績見込`, `目標（見込み）`. nullopt when any part is no role word, when two
// roles are named (`基準目標`), or when the text is empty.
std::optional<RoleWords> read_role_words(std::string_view text);

// A label that may give a year and role words in either order: `R4実績`,
// `H30基準`, `2020実績`, `R6見込`, `基準値(H30)`, `令和6年度`, `実績`.
struct RoleLabel {
  std::optional<RoleWords> words;  // nullopt when the label names only a year
  std::optional<Period> period;    // nullopt when it names only role words
  std::string year_text;           // the year as written (normalized), "" without one
};
// nullopt when the label is neither a year, nor role words, nor both (text
// left over, two years, a role word that is not in the lexicon).
std::optional<RoleLabel> read_role_label(std::string_view text);

// "actual" → "実績", "baseline" → "基準値": the Japanese word for a role.
std::string_view role_word_ja(std::string_view role);

// The role words, for messages: "baseline/基準値, actual/実績, target/目標,
// achievement/達成状況, 見込/estimate".
std::string_view role_words_hint();

}  // namespace kpix

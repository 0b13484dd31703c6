// The role of a value (docs/records.md, `role`: baseline | actual | target |
// achievement) and the lexicon of words that say it: the words documents
// print over columns and beside rows (基準値, 実績, 目標), a qualifier of the
// value (見込), and the header forms that give role and year in one label
// (`H30基準`, `R4実績`, `R6目標`, `2020実績`, `R6見込`, `基準値(H30)`).
//
//   kpix::to_string(Role::actual)        // "actual", the record format's name
//   kpix::role_from_string("target")     // Role::target
//   kpix::read_role_words("実績見込")     // {Role::actual, estimate true}
//   kpix::read_role_label("R6見込")       // {no role, estimate true}, period 2024, year_text "R6"
//   kpix::header_role_words(Role::baseline)  // {"基準", "現状値", "策定時"}
//   kpix::row_label_role("想定")           // Role::target
//
// One data table (roles.cc) holds every word and says where it is read. The
// stages hold a Role; to_string and role_from_string are for the edges (JSON,
// CSV, SQLite, messages). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/normalize/period.h"

namespace kpix {

enum class Role { baseline, actual, target, achievement };

// Every role, in the record format's order.
inline constexpr Role kRoles[] = {Role::baseline, Role::actual, Role::target, Role::achievement};

// "baseline", "actual", "target", "achievement": the record format's name.
std::string_view to_string(Role r);
// The role of a record-format name; nullopt for any other text (no words,
// no folding: `実績` and `Actual` are read by read_role_words).
std::optional<Role> role_from_string(std::string_view name);

// What role words say. `role` is nullopt when the words name only a
// qualifier (`見込` alone: an expected figure, whichever column it stands in).
struct RoleWords {
  std::optional<Role> role;
  bool estimate = false;  // 見込, 見込み, 見通し: the value qualifier `estimate`
  bool operator==(const RoleWords& o) const = default;
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

// The words that give a column its role when its header label holds one
// (`現状値（2014年度）`, `令和4年度実績`): the table sniffer's role words.
const std::vector<std::string_view>& header_role_words(Role r);

// The role a form's whole row label gives the values right of it (`想定`,
// `目標値`, `計画` → target; `実績`, `実績値` → actual), after squeeze_text;
// nullopt when it names no role. Only whole labels: `事業計画` names none, and
// `見込` cannot tell a target set ahead from an expected actual.
std::optional<Role> row_label_role(std::string_view label);

// The words that open a note's statement of a role's period (`基準値は…`,
// `目標値：…`), with their role.
const std::vector<std::pair<std::string_view, Role>>& note_role_keys();

// Role::actual → "実績", Role::baseline → "基準値": the Japanese word for a role.
std::string_view role_word_ja(Role r);

// The role words, for messages: "baseline/基準値, actual/実績, target/目標,
// achievement/達成状況, 見込/estimate".
std::string_view role_words_hint();

}  // namespace kpix

// The words of a value cell that are not its number: status words (未公表,
// 調査なし …), qualifier words (累計, 各年度, /年 …), bounds (以上, 未満) and
// the dashes that say "no value". Tables, and the small readers that walk
// them. Internal to normalize_value (value.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/value.h"

namespace kpix::value_parts {

// A word that decides the cell's status whatever else the cell holds
// (`調査なし (次回R8)` is not a value for R8). `exact`: only the whole cell.
struct StatusWord {
  std::string_view word;
  ValueStatus status;
  bool exact;
  bool shared;  // the value lives in another project's row
};

// The first status word of the table in the folded cell text, or nullptr.
const StatusWord* status_word_in(std::string_view text);

// Qualifiers of the table's words in `s`, and `N年間` (a total over N years
// unless it says 平均) and `年111校` (per year).
void read_qualifiers(std::string_view s, NormalizedValue& v);
// A value stated against another (`平成20年度の30%削減`, `R3実績×1.5`): the
// stated number with its unit (`30%`, `1.5`), else nullopt. The reference
// stays in the raw text only (qualifier `relative`).
std::optional<std::string> relative_number(std::string_view s);
void add_qualifier(NormalizedValue& v, std::string_view q);
// Into the one order records use, whatever order the cell wrote them in.
void sort_qualifiers(NormalizedValue& v);

// The bound words (以上, 以下, 未満, 超) in `s`, in the table's order.
std::vector<std::string_view> bound_words_in(std::string_view s);

// A cell that names an occasion, not a quantity: an ordinal (`第1回推進会議`,
// `第2期計画の策定`) or a calendar date (`7月4日`). A schedule table's cells
// are such; their numbers count nothing.
bool names_an_occasion(std::string_view s);

// Only dashes (and a unit after one: `一件`, `—人`), spaces or nothing.
bool only_dashes(std::string_view s);

}  // namespace kpix::value_parts

// Text clean-up shared by every parser: width folding that keeps list markers,
// and indicator names split from a trailing unit bracket.
//
//   kpix::normalize_text("①１人あたりの総所得")  == "①1人あたりの総所得"
//   kpix::strip_list_marker("①1人あたりの総所得")  == "1人あたりの総所得"
//   auto [name, unit] = kpix::split_indicator_unit("観光入込客数（万人）"); // 観光入込客数, 万人
#pragma once

#include <string>
#include <string_view>

namespace kpix {

// NFKC (full-width digits and letters to ASCII, half-width kana to full-width),
// except that circled numbers and parenthesized numbers (①, ⑴, ㈱) are kept as
// they are, and 〜 ～ − — ― ▲ △ are not turned into anything else.
// Inner line breaks and runs of spaces become one space; ends are trimmed.
std::string normalize_text(std::string_view s);

// normalize_text with every space removed: labels and names compared as
// written, whatever spacing a converter put in (`R 2実績`, `目 標 値`).
std::string squeeze_text(std::string_view s);

// Characters (code points) of UTF-8 text.
size_t char_count(std::string_view s);

// Removes a leading list marker: ①…⑳, ⑴, (1), （1）, 1., ・, ●, ○, ■, -, and
// the space after it. Returns the rest unchanged.
std::string strip_list_marker(std::string_view s);

// Removes spaces that are layout, not words: between two CJK characters, and
// around CJK punctuation. Keeps spaces between Latin words.
std::string remove_layout_spaces(std::string_view s);

// A cell's text on one line as a reader takes it: line breaks dropped (a
// space only between two Latin words). Pure.
std::string flatten_cell_text(std::string_view text);

// Whether a line opens with a note mark (`※…`, `注…`): a note under a table,
// not a heading or a row of it.
bool starts_note(std::string_view line);

struct IndicatorName {
  std::string name;
  std::string unit;  // empty when the name ends in no unit bracket
};
// `内定者数(人)` → {内定者数, 人}; `貨物取扱量(外資)(千t)` → {貨物取扱量(外資), 千t};
// `新規雇用創出数（人）` → {新規雇用創出数, 人}; `合計特殊出生率（-）` → {合計特殊出生率, ""}.
// Only a last bracket that holds a unit word (with optional scale) counts.
IndicatorName split_indicator_unit(std::string_view s);

}  // namespace kpix

// Indicator and project names as records carry them: NFKC, layout spaces and
// inner line breaks removed, leading list marker removed (its number kept for
// footnotes that say `①②が…`), a trailing unit bracket moved to the unit.
#pragma once

#include <string>
#include <string_view>

namespace kpix {

struct CleanName {
  std::string name;
  std::string unit;  // from a trailing bracket `内定者数(人)`; empty when none
  int marker = 0;    // ① or (1) → 1; 0 when none
};

CleanName clean_indicator(std::string_view raw);

// normalize_text, and plain NFKC for the full-width tilde (`15～19歳` → `15~19歳`).
std::string name_text(std::string_view raw);

// A project cell: its name without marker and without the description or
// note that follows it (`創業支援事業 ※地方創生推進交付金事業`).
std::string clean_project(std::string_view raw);

// The number of a leading list marker (①→1, ⑴/(1)/（1）→1), or 0.
int leading_marker_number(std::string_view s);

// `登録者数 24名` → {登録者数, 24名}: a name written before the number in a
// value cell; name empty when the cell starts with its value.
struct NamedValue {
  std::string name;
  std::string value;
};
NamedValue split_named_value(std::string_view cell);

}  // namespace kpix

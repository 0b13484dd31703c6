// Rows of a statistics table whose label names a category of the table's
// quantity rather than a quantity (`14歳以下`, `職権`, `差引増減`, `男`) are named
// `<quantity>:<category>` (docs/records.md): a bare `65歳以上` worth −52 in a
// dataset reads as a population. The quantity comes from the table's caption
// (`(2)年代別社会増減の推移` → 社会増減) or its header.
//
// Entry points: is_category_label, quantity_of_caption. Pure; the words are
// data tables in statistic_names.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpix {

// An age band (`14歳以下`, `15～19歳`, `65歳以上`), a sex (`男`, `女性`), or a
// word that splits or sums a quantity (`職権`, `差引増減`, `計`).
bool is_category_label(std::string_view label);

// The quantity a caption or header names: the last line of `text` that names
// one of the quantities statistics tables are of; nullopt when none does.
std::optional<std::string> quantity_of_caption(std::string_view text);

}  // namespace kpix

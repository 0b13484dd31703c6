// Notes under a KPI table give periods its cells and header did not (see
// footnote.h for what one note says): the text after a table, cut into notes,
// and each note's statements applied to the table's records.
//
// Entry point: apply_table_notes. Pure: records in, records changed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/record.h"

namespace kpix {

// One note per ※ or list item (`-`, `・`, `①`…`④`); a line that opens none
// goes on with the note before it (a note wrapped over lines of a PDF), and
// headings and budget lines (`○`, `【`, `●`, `基本目標`) end a note and belong
// to none.
std::vector<std::string> split_notes(const std::string& text);

// Each note's statements applied to records [begin, end): a baseline's or
// target's period where the value has none of its own, and `per_year` on
// targets said to be each year's.
void apply_table_notes(const std::string& text, std::string_view era, std::vector<KpiRecord>& records, size_t begin,
                       size_t end);

}  // namespace kpix

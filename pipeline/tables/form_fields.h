// Evaluation sheets (事務事業評価, 事業評価書) are forms: a label cell and the
// value right of it. This reads the few labels the indicator families need —
// the field naming the project and the 単位 label — from tables of words.
// The words that give a row of values its role are the role lexicon's
// (row_label_role, parsers/normalize/roles.h).
//
// Pure functions; no state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/tables/table.h"

namespace kpix {

// `事務事業名 | 建築指導事務事業`, `細事業名称 | 行政情報…`, `令和６年度事業名 | …`:
// the project named by the first such label in the row whose next cell holds
// a name, not another label. nullopt when the row has none.
std::optional<std::string> project_field(const TableRow& row);

// The label of a unit column or field: `単位`.
bool is_unit_label(std::string_view text);
// What may stand under or beside it: a counter word or symbol (`件`, `％`,
// `種類`, `人/日`), not a number and not a sentence.
bool is_unit_text(std::string_view text);

}  // namespace kpix

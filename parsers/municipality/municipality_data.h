// The 全国地方公共団体コード list shipped with kpix (see scripts/fetch-municipality-codes).
#pragma once

#include <string_view>

namespace kpix {

// Rows `code\tprefecture\tname\ttype`, type one of prefecture, municipality, ward.
std::string_view municipality_table();

}  // namespace kpix

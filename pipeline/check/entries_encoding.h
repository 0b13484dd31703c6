// The bytes of an entries file to UTF-8: UTF-8 with or without BOM, or
// Shift_JIS / CP932 as Japanese Excel saves CSV, told apart by validity.
#pragma once

#include <string>
#include <string_view>

namespace kpix {

// Bytes of a CSV file to UTF-8. Sets `encoding` to what was detected ("UTF-8",
// "UTF-8 (BOM)", "Shift_JIS"). Throws InputError(file, …) for a file that is
// neither UTF-8 nor Shift_JIS/CP932.
std::string decode_entries_bytes(std::string_view bytes, const std::string& file, std::string& encoding);

}  // namespace kpix

#include "pipeline/check/entries_encoding.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "pipeline/model/error.h"

namespace kpix {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are rejected).
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned int cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Offset of the first byte that is not valid UTF-8, or npos.
size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

int line_of_offset(std::string_view s, size_t off) {
  return 1 + int(std::count(s.begin(), s.begin() + std::min(off, s.size()), '\n'));
}

// Strict conversion through an ICU converter: nullopt at the first byte
// sequence the codepage does not define.
std::optional<std::string> convert_strict(std::string_view bytes, const char* codepage) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(codepage, &status), &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::u16string out(bytes.size() + 1, u'\0');  // a double-byte codepage never yields more UTF-16 units than bytes
  int32_t n = ucnv_toUChars(conv.get(), out.data(), int32_t(out.size()), bytes.data(), int32_t(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string utf8;
  icu::UnicodeString(false, out.data(), n).toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string decode_entries_bytes(std::string_view bytes, const std::string& file, std::string& encoding) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw InputError(file, "UTF-16 text is not supported; save it as CSV (UTF-8) or CSV (Shift_JIS)");
  if (bytes.find('\0') != std::string_view::npos)
    throw InputError(file, "binary data (NUL bytes), not a CSV file in UTF-8 or Shift_JIS");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view rest = bytes.substr(3);
    size_t bad = first_invalid_utf8(rest);
    if (bad != std::string_view::npos)
      throw InputError(file, "starts with a UTF-8 byte order mark but line " + std::to_string(line_of_offset(rest, bad)) +
                                 " is not valid UTF-8");
    encoding = "UTF-8 (BOM)";
    return std::string(rest);
  }
  size_t bad = first_invalid_utf8(bytes);
  if (bad == std::string_view::npos) {
    encoding = "UTF-8";
    return std::string(bytes);
  }
  for (const char* cp : {"windows-31j", "Shift_JIS"}) {
    if (auto utf8 = convert_strict(bytes, cp)) {
      encoding = "Shift_JIS";
      return *utf8;
    }
  }
  throw InputError(file, "neither UTF-8 (invalid byte at line " + std::to_string(line_of_offset(bytes, bad)) +
                             ") nor Shift_JIS/CP932; save it as CSV (UTF-8) or CSV (Shift_JIS)");
}

}  // namespace kpix

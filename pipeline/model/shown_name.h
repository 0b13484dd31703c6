// A file name (or any text from outside) as it may appear in a message:
// control characters are escaped, so a name holding a newline or an ANSI
// escape cannot split a log line or drive the terminal.
//
//   kpix::shown_name("a\nb\x1b[31m.pdf") == "a\\nb\\x1b[31m.pdf"
#pragma once

#include <string>
#include <string_view>

namespace kpix {

inline std::string shown_name(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // C1 controls in UTF-8 (U+0080–U+009F, among them CSI U+009B) are C2 80–9F.
    bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if (c1) {
      unsigned char d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace kpix

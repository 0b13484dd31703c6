// Glyph accounting for layout, as pdfminer asserts that nothing is lost
// between its steps: every character of the glyphs that go into layout comes
// out in the text of exactly one cell. Layout adds only ' ' (a wide gap inside
// a cell) and '\n' (between the visual lines of a cell), so those are not
// counted on either side; every other character is counted by its UTF-8 text.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace kpix::testing {

// How often each character (UTF-8, one code point) occurs.
using CharCounts = std::map<std::string, int>;

inline void count_chars(const std::string& text, CharCounts& into) {
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    std::string ch = text.substr(i, n);
    if (ch != " " && ch != "\n") ++into[ch];
    i += n;
  }
}

inline CharCounts glyph_chars(const std::vector<Glyph>& glyphs) {
  CharCounts out;
  for (const Glyph& g : glyphs) count_chars(g.text, out);
  return out;
}

inline CharCounts cell_chars(const std::vector<Line>& lines) {
  CharCounts out;
  for (const Line& l : lines)
    for (const Cell& c : l.cells) count_chars(c.text, out);
  return out;
}

// The characters one side has more of than the other, as "lost: 率×2 …;
// added: …" (empty when the two agree).
inline std::string accounting_difference(const CharCounts& in, const CharCounts& out) {
  std::string lost, added;
  auto note = [](std::string& to, const std::string& ch, int n) {
    to += " " + ch + (n > 1 ? "×" + std::to_string(n) : "");
  };
  for (const auto& [ch, n] : in) {
    auto it = out.find(ch);
    int m = it == out.end() ? 0 : it->second;
    if (n > m) note(lost, ch, n - m);
  }
  for (const auto& [ch, m] : out) {
    auto it = in.find(ch);
    int n = it == in.end() ? 0 : it->second;
    if (m > n) note(added, ch, m - n);
  }
  std::string diff;
  if (!lost.empty()) diff += "lost:" + lost;
  if (!added.empty()) diff += (diff.empty() ? "" : "; ") + std::string("added:") + added;
  return diff;
}

}  // namespace kpix::testing

#include "pipeline/layout/row_breaks.h"

#include <algorithm>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/params.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kCoreHalfEm;
using layout_params::kValueDigits;
using layout_params::kValueMaxGlyphs;

bool is_digit(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

// Kana: the middle of a sentence, not the start of a value or a numbered
// label (`約500人`, `第14款` start with an ideograph).
bool starts_with_kana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }

// An opening or a closing bracket: +1, -1; else 0.
int bracket(char32_t cp) {
  switch (cp) {
    case '(': case 0xFF08: case '[': case 0xFF3B: case 0x3010: return 1;
    case ')': case 0xFF09: case ']': case 0xFF3D: case 0x3011: return -1;
    default: return 0;
  }
}

// A value: short, mostly digits, not starting with kana and its brackets
// closed (`36.0`, `1,498千円`, `△562`, `Ａ＝728.5㎡`, `10人(通算19人)`),
// unlike a wrapped name that holds a number (`／36.7%(令和元年)`, `の2分の1`)
// or a value wrapped in a narrow column (`10人(通` over `算19人)`).
bool number_text(const std::vector<const Glyph*>& glyphs) {
  size_t digits = 0;
  int open = 0;
  for (const Glyph* g : glyphs) {
    char32_t cp = first_code_point(g->text);
    digits += is_digit(cp);
    open += bracket(cp);
  }
  return !glyphs.empty() && glyphs.size() <= kValueMaxGlyphs &&
         digits * kValueDigits.den >= glyphs.size() * kValueDigits.num &&
         !starts_with_kana(first_code_point(glyphs.front()->text)) && open == 0;
}

// A line's glyphs by the column (between `cuts`) their centre falls in.
std::vector<std::vector<const Glyph*>> by_column(const std::vector<const Glyph*>& line,
                                                 const std::vector<double>& cuts) {
  std::vector<std::vector<const Glyph*>> out(cuts.size() + 1);
  for (const Glyph* g : line)
    out[size_t(std::upper_bound(cuts.begin(), cuts.end(), g->box.cx()) - cuts.begin())].push_back(g);
  return out;
}

}  // namespace

ColumnLines column_lines(const std::vector<std::vector<const Glyph*>>& lines, const std::vector<double>& cuts,
                         const std::vector<double>& drawn_ends) {
  ColumnLines out;
  for (size_t k = 0; k < lines.size(); ++k) {
    double em = em_of(lines[k]), cy = centre_height(lines[k]);
    out.cy.push_back(cy);
    out.em.push_back(em);
    auto cells = by_column(lines[k], cuts);
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      // A run stands where its own glyphs do: a value set a little lower in
      // its cell moves the line's mean, not the wrapped name's lines beside.
      double run_cy = centre_height(cells[c]);
      out.runs.push_back({k, c, run_cy - kCoreHalfEm * em, run_cy + kCoreHalfEm * em, number_text(cells[c]),
                          cells[c].back()->box.x1, c < drawn_ends.size() ? drawn_ends[c] : 0});
    }
  }
  return out;
}

std::vector<RowBreak> text_row_breaks(const ColumnLines& lines, size_t columns) {
  TextRows rows = find_text_rows(lines.runs);
  std::vector<RowBreak> out;
  for (size_t k : rows.breaks) {
    RowBreak b{(lines.cy[k] + lines.cy[k + 1]) / 2, std::vector<bool>(columns, false)};
    for (const TextCell& x : rows.cells)
      if (x.first_line <= k && x.last_line > k) b.crossed[x.column] = true;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace kpix::layout_parts

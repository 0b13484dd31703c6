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

// A value: short, mostly digits, and not starting with kana (`36.0`,
// `1,498千円`, `△562`, `Ａ＝728.5㎡`), unlike a wrapped name that holds a
// number (`／36.7%(令和元年)`, `の2分の1`).
bool number_text(const std::vector<const Glyph*>& glyphs) {
  size_t digits = 0;
  for (const Glyph* g : glyphs) digits += is_digit(first_code_point(g->text));
  return !glyphs.empty() && glyphs.size() <= kValueMaxGlyphs &&
         digits * kValueDigits.den >= glyphs.size() * kValueDigits.num &&
         !starts_with_kana(first_code_point(glyphs.front()->text));
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

// Pieces layout analysis shares between its files (pipeline/layout/page_layout.cc, which
// reads ruled grids and free text, and pipeline/layout/text_grids.cc, which rebuilds
// the grids of tables drawn with few or no borders). Internal to layout.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/layout/params.h"
#include "pipeline/layout/text_columns.h"

namespace kpix::layout_parts {

// A table's grid: boundaries and the rules drawn on them.
struct Grid {
  std::vector<double> ys, xs;  // row and column boundaries
  std::vector<const Rule*> h, v;
  Box box() const { return {xs.front(), ys.front(), xs.back(), ys.back()}; }
  // rules_at looks rules up by position.
  void sort_rules() {
    auto by_pos = [](const Rule* a, const Rule* b) { return a->pos < b->pos; };
    std::stable_sort(h.begin(), h.end(), by_pos);
    std::stable_sort(v.begin(), v.end(), by_pos);
  }
};

// First code point of a UTF-8 string.
char32_t first_code_point(const std::string& s);
// The median width of the full-width glyphs, or without any the median height.
double em_of(const std::vector<const Glyph*>& glyphs);
// Glyphs grouped into visual lines by vertical centre, top to bottom, each
// sorted left to right.
std::vector<std::vector<const Glyph*>> visual_lines(std::vector<const Glyph*> glyphs);
// Positions sorted, those closer than layout_params::kSnap to the one before dropped.
std::vector<double> cluster_positions(std::vector<double> v);
// Index of the band of `bounds` (sorted) that x falls in.
size_t band_of(const std::vector<double>& bounds, double x);
// x-intervals of glyphs, joined where they are closer than `gap`.
std::vector<Span> spans_of(std::vector<const Glyph*> glyphs, double gap);

}  // namespace kpix::layout_parts

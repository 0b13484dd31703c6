// Puts a page's glyphs in one order fixed by their positions alone, so that
// everything after the reader sees the same input whatever order the PDF's
// producer drew the text in (or Poppler handed it over in). Layout's sorts
// break ties by input order: without this, two PDFs that draw the same glyphs
// in another order got different line and column cuts.
//
// Entry point: sort_by_position. Pure up to the reordering; total on any
// input, NaN coordinates included (a hostile PDF's), so std::sort stays safe.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

// By centre height, then left edge, right edge, top edge and text.
void sort_by_position(std::vector<Glyph>& glyphs);

}  // namespace kpix

// Removes glyphs drawn twice at almost the same place: shadow and fake-bold
// effects print a heading two or three times with an offset of a point or so,
// which would otherwise interleave as `卒卒業業生生`.
//
// Entry point: remove_duplicate_glyphs. Pure; keeps the first of each group,
// in the input order.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

std::vector<Glyph> remove_duplicate_glyphs(std::vector<Glyph> glyphs);

}  // namespace kpix

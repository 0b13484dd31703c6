// Drawn table borders: straight strokes and thin filled rectangles (Excel and
// Chromium draw borders as fills) taken from the paths Poppler paints, in the
// device space of the page (top-left origin, rotation applied).
//
// Entry points: collect_path_rules (called by the page reader's output device
// for every stroke and fill) and merge_rules (pieces of one border joined).
#pragma once

#include <vector>

#include "pipeline/model/document.h"

class GfxState;

namespace kpix {

// Adds the borders a painted path draws to `out`; curves and large filled
// shapes other than cell shading are ignored.
void collect_path_rules(GfxState* state, bool filled, std::vector<Rule>& out);

// Joins collinear pieces (a border drawn cell by cell) into whole rules. Pure.
std::vector<Rule> merge_rules(std::vector<Rule> rules);

}  // namespace kpix

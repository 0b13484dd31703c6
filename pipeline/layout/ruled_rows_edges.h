// Text a table ruled by rows only reaches past its rules with: rows under
// its last rule that run on to the page foot (a table broken by the page,
// its closing rule on the next), and a header over its first rule drawn
// without one (the body's shaded section rows its only rules). Each gives
// the height the table's rows then reach to. Internal to layout; pure.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/layout/grid.h"
#include "pipeline/layout/params.h"
#include "pipeline/layout/ruled_rows.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// Where the rows of `t` end that run on past its last rule to the foot of
// the page (a table broken by the page, its closing rule on the next): the
// lines right under the last rule, each within kTableLineGapEm of the one
// before, when some of them hold several cells and no text of the table's
// width follows them but one short line (a page number). None when the table
// closes on its last rule.
std::optional<double> rows_to_the_foot(const RuledRows& t, const std::vector<Glyph>& glyphs, const LayoutOptions& o);

// Where the header of `t` begins that stands over its first rule, undrawn
// (a report whose only rules are the shaded section rows of the body: the
// header is text right above the first band): the lines right over the
// first rule, the lowest within kTableEdgeLineGapEm of it and each within
// kWrapMaxGapEm of the one under it (a header's wrapped cells), when one of
// them holds kMinHeaderCells cells or more (a caption, a title and a unit
// note hold fewer). None where no such line stands there.
std::optional<double> header_over_the_top(const RuledRows& t, const std::vector<Glyph>& glyphs,
                                          const std::vector<Grid>& ruled, const LayoutOptions& o);

}  // namespace kpix::layout_parts

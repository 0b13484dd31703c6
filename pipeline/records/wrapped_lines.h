// Free lines that are one sentence wrapped by the page: the prose readers
// (prose_kpi.h) need `指標：…【数値目標：480回（…12回（年` and `間）×40施設）】`
// as one text, and `…：1,249回 ※R6.１１` with its `末時点`.
//
// A line wraps onto the next free line when the next one lies right under it
// (a gap of at most kMaxWrapGapLines of its height), starts no further right
// than one character past it, does not start a list item or a heading
// (`・`, `①`, `⑴`, `（令和６年度）`, `２ 事業目標`, `※`, `【`, `＜`), and the line
// either leaves a bracket open or runs to within kWrapEdgeChars characters
// of the right edge of the page's free text.
//
// Pure: reads the lines only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace kpix {

// A line of a wrapped sentence in the page's frame: its text and box.
struct ProseLine {
  std::string text;
  Box box;
};

// How many text lines of its height may lie between a line and the line it
// wraps onto (line spacing of 1.5 leaves half a line).
constexpr double kMaxWrapGapLines = 0.8;
// How close, in characters of the line's height, the end of a wrapped line
// comes to the right edge of the page's free text: Japanese lines break
// before a closing bracket or a kinsoku character, one or two short.
constexpr double kWrapEdgeChars = 2.0;

// The right edge of a page's free text: the rightmost end of its free lines
// (lines left empty, with an empty box, count for nothing).
double free_text_right_edge(const std::vector<ProseLine>& lines);

// Whether `next` goes on with `line`'s sentence (see above); `right_edge`
// from free_text_right_edge.
bool wraps_onto(const ProseLine& line, const ProseLine& next, double right_edge);

}  // namespace kpix

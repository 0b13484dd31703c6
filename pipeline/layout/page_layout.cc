#include "pipeline/layout/page_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "pipeline/layout/block.h"
#include "pipeline/layout/borderless_grids.h"
#include "pipeline/layout/free_lines.h"
#include "pipeline/layout/grid_cells.h"
#include "pipeline/layout/headed_bodies.h"
#include "pipeline/layout/ruled_grids.h"
#include "pipeline/layout/text_column_grids.h"
#include "pipeline/load/rule_finder.h"
#include "pipeline/model/orientation.h"

namespace kpix {

using namespace layout_parts;
using layout_params::kSameTop;

std::vector<Line> analyze_layout(const std::vector<Glyph>& glyphs, const std::vector<Rule>& rules,
                                 const LayoutOptions& o) {
  // 1. Ruled grids from the rules that are borders, not underlines.
  std::vector<Rule> borders = without_underlines(rules, glyphs);
  std::vector<Grid> grids = find_grids(borders, glyphs);
  // 2. Grids rebuilt from text: tables ruled by rows only, then (outside
  //    every grid so far) tables with no borders. The boundaries drawn for
  //    them live in `made` until the grids are read.
  std::deque<Rule> made;
  std::vector<Grid> row_ruled = text_column_grids(borders, grids, glyphs, o, made);
  //    A ruled header over such a body is read as one table with it.
  join_ruled_headers(grids, row_ruled);
  //    A drawn header over a body drawn with no rules at all is read with
  //    the body's lines cut at its columns.
  if (o.borderless_tables) extend_headers_down(grids, row_ruled, glyphs, o, made);
  std::vector<Grid> taken = grids;
  taken.insert(taken.end(), row_ruled.begin(), row_ruled.end());
  std::vector<Grid> borderless = o.borderless_tables ? borderless_grids(glyphs, taken, o, made) : std::vector<Grid>{};
  // 3. Each grid read into rows in that order, numbered as tables; a glyph
  //    goes to the first grid it lies in.
  std::vector<bool> used(glyphs.size(), false);
  std::vector<Block> blocks;
  int table = 0;
  for (const Grid& g : grids) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  for (const Grid& g : row_ruled) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  for (const Grid& g : borderless) blocks.push_back(grid_block(g, glyphs, used, table++, o));
  // 4. The glyphs left over as free lines.
  for (Block& b : free_blocks(glyphs, used, o)) blocks.push_back(std::move(b));
  // 5. Blocks in reading order: top to bottom, side by side left to right.
  std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    if (std::fabs(a.top - b.top) > kSameTop) return a.top < b.top;
    return a.left < b.left;
  });
  std::vector<Line> lines;
  for (Block& b : blocks)
    for (Line& l : b.lines) lines.push_back(std::move(l));
  // 6. Runs of free lines that share their gaps as unruled tables.
  index_unruled_columns(lines, table);
  return lines;
}

Page lay_out_page(Page page, const LayoutOptions& o) {
  // Converter text comes with its lines.
  if (page.glyphs.empty() && !page.lines.empty()) return page;
  std::vector<Glyph> glyphs = std::move(page.glyphs);
  page.glyphs = {};
  // Glyphs and rules turned to where the text is upright (rules re-joined
  // there), then laid out.
  const std::vector<Rule>* rules = &page.rules;  // as displayed
  std::vector<Rule> upright;
  if (page.text_turn != 0) {
    Frame frame{page.text_turn, page.width, page.height};
    for (Glyph& gl : glyphs) gl.box = frame.to_upright(gl.box);
    for (const Rule& r : page.rules) upright.push_back(frame.to_upright(r));
    upright = merge_rules(std::move(upright));
    rules = &upright;
  }
  page.lines = analyze_layout(glyphs, *rules, o);
  return page;
}

}  // namespace kpix

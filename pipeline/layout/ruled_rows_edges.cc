#include "pipeline/layout/ruled_rows_edges.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/glyph_lines.h"

namespace kpix::layout_parts {

using layout_params::kFooterMaxGlyphs;
using layout_params::kFootPadEm;
using layout_params::kMinHeaderCells;
using layout_params::kTableEdgeLineGapEm;
using layout_params::kTableLineGapEm;
using layout_params::kWrapMaxGapEm;

namespace {

// `glyphs` as visual lines, top to bottom. visual_lines sorts too, but not
// stably: glyphs at one height in page order first keep the lines what they
// are measured by.
std::vector<std::vector<const Glyph*>> lines_by_height(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.cy() < b->box.cy(); });
  return visual_lines(std::move(glyphs));
}

}  // namespace

// Where the rows of `t` end that run on past its last rule to the foot of
// the page (a table broken by the page, its closing rule on the next): the
// lines right under the last rule, each within kTableLineGapEm of the one
// before, when some of them hold several cells and no text of the table's
// width follows them but one short line (a page number). None when the table
// closes on its last rule.
std::optional<double> rows_to_the_foot(const RuledRows& t, const std::vector<Glyph>& glyphs, const LayoutOptions& o) {
  std::vector<const Glyph*> below;
  for (const Glyph& g : glyphs)
    if (g.box.cx() > t.x0 && g.box.cx() < t.x1 && g.box.cy() > t.ys.back()) below.push_back(&g);
  if (below.empty()) return std::nullopt;
  std::vector<std::vector<const Glyph*>> lines = lines_by_height(std::move(below));
  double last = t.ys.back(), last_em = em_of(lines.front());
  size_t k = 0;
  bool columns = false;
  for (; k < lines.size(); ++k) {
    double em = em_of(lines[k]), cy = centre_height(lines[k]);
    if (cy - last > kTableLineGapEm * std::max(em, last_em)) break;
    columns = columns || word_spans(lines[k], o.column_gap_em * em, em).size() >= 2;
    last = cy;
    last_em = em;
  }
  // Notes under a closed table are one run of text a line; rows have cells.
  if (k == 0 || !columns) return std::nullopt;
  size_t rest = lines.size() - k;
  if (rest > 1 || (rest == 1 && lines.back().size() > kFooterMaxGlyphs)) return std::nullopt;
  return last + kFootPadEm * last_em;
}

// Where the header of `t` begins that stands over its first rule, undrawn
// (a report whose only rules are the shaded section rows of the body: the
// header is text right above the first band): the lines right over the
// first rule, the lowest within kTableEdgeLineGapEm of it and each within
// kWrapMaxGapEm of the one under it (a header's wrapped cells), when one of
// them holds kMinHeaderCells cells or more (a caption, a title and a unit
// note hold fewer). None where no such line stands there.
std::optional<double> header_over_the_top(const RuledRows& t, const std::vector<Glyph>& glyphs,
                                          const std::vector<Grid>& ruled, const LayoutOptions& o) {
  double top = t.ys.front();
  std::vector<const Glyph*> above;
  for (const Glyph& g : glyphs) {
    double x = g.box.cx(), y = g.box.cy();
    if (x > t.x0 && x < t.x1 && y < top &&
        std::none_of(ruled.begin(), ruled.end(), [&](const Grid& r) { return r.box().contains_point(x, y); }))
      above.push_back(&g);
  }
  if (above.empty()) return std::nullopt;
  std::vector<std::vector<const Glyph*>> lines = lines_by_height(std::move(above));
  // Up from the rule: `head` the highest line taken so far.
  double head = top, head_em = 0;
  bool cells = false;
  for (size_t k = lines.size(); k-- > 0;) {
    double em = em_of(lines[k]), cy = centre_height(lines[k]);
    double reach = head == top ? kTableEdgeLineGapEm * em : kWrapMaxGapEm * std::max(em, head_em);
    if (head - cy > reach) break;
    cells = cells || word_spans(lines[k], o.column_gap_em * em, em).size() >= kMinHeaderCells;
    head = cy;
    head_em = em;
  }
  if (!cells) return std::nullopt;
  return head - kFootPadEm * head_em;
}

}  // namespace kpix::layout_parts

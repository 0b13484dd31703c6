// The rows of a sheet's grid that are the document's text between two of
// its tables, not rows of either: leave_text_rows (grid_rows.h).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parsers/normalize/text.h"
#include "pipeline/layout/grid_rows.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kMinSheetTextRows;
using layout_params::kMinUncutRows;

// Runs of rows whose text is one cell between rows of several cells:
// [begin, end).
std::vector<std::pair<size_t, size_t>> one_cell_runs(const GridRows& g, const std::vector<bool>& keep) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t r = 1; r < g.nr;) {
    if (!keep[r] || !g.one_text_cell(r) || !keep[r - 1] || g.one_text_cell(r - 1)) {
      ++r;
      continue;
    }
    size_t e = r;
    while (e < g.nr && keep[e] && g.one_text_cell(e)) ++e;
    if (e < g.nr && keep[e]) runs.emplace_back(r, e);
    r = e;
  }
  return runs;
}

// The rows that head a table of the grid, for telling whether the row under
// a one-cell run heads another table: a sheet's tables of one layout stand
// on the same sheet columns, ruled alike, and what parts them is the next
// one's header. A header is told by where it stands (the grid's first row
// of several cells, or the row under another such run) and by being ruled
// alike with the same first cell (`具体的な施策` over `基準値 (R4)` and over `基準値
// (H30)`). Then one row is a run too (a note under each table).
std::vector<size_t> header_rows(const GridRows& g, const std::vector<bool>& keep,
                                const std::vector<std::pair<size_t, size_t>>& runs) {
  std::vector<size_t> heads;
  for (size_t h = 0; h < g.nr; ++h)
    if (keep[h] && !g.one_text_cell(h)) {
      heads.push_back(h);
      break;
    }
  for (const auto& run : runs) heads.push_back(run.second);
  return heads;
}

bool repeats_header(const GridRows& g, const std::vector<size_t>& heads, size_t e) {
  std::string first = g.first_cell_text(e);
  if (first.empty()) return false;
  for (size_t h : heads)
    if (h != e && std::ranges::equal(g.cuts(h), g.cuts(e)) && g.first_cell_text(h) == first) return true;
  return false;
}

// A run that holds a note (`※…`) with text after it that is no note: the
// notes under the table above, then the document going on (a heading)
// before the next table. A note alone between rows is the row's own.
bool notes_then_text(const GridRows& g, size_t r, size_t e) {
  bool after_note = false;
  for (size_t k = r; k < e; ++k) {
    bool note = starts_note(g.first_cell_text(k));
    if (after_note && !note) return true;
    after_note = after_note || note;
  }
  return false;
}

}  // namespace

// A spreadsheet prints its grid over the whole sheet: the document's
// headings, notes and paragraphs between two tables are rows of it, cut at
// every sheet column although their text is one cell. Rows whose text is
// one cell (no rule drawn in the row between their glyphs) leave the grid
// when they part two tables: ruled apart (as uncut rows do above), the
// second headed as another table of the grid is, the first's notes and
// then other text between them, or more text than a table's section rows.
void leave_text_rows(const GridRows& g, std::vector<bool>& keep) {
  size_t nr = g.nr;
  std::vector<std::pair<size_t, size_t>> runs = one_cell_runs(g, keep);
  std::vector<size_t> heads = header_rows(g, keep, runs);
  std::vector<bool> leaves(nr, false);
  for (const auto& [r, e] : runs) {
    // Not when a cell runs on across the run's top or bottom edge (a
    // header cell that starts in the gap between two tables stacked on one
    // grid and ends in the lower one's header row).
    // (The tests that build the rows' text come last.)
    bool two_tables = e - r >= kMinSheetTextRows || (e - r >= kMinUncutRows && g.apart(r - 1, e)) ||
                      repeats_header(g, heads, e) || notes_then_text(g, r, e);
    if (two_tables && g.closed(r, r) && g.closed(e - 1, e))
      std::fill(leaves.begin() + long(r), leaves.begin() + long(e), true);
  }
  // The same at the grid's top: the sheet's title and headings over its
  // first table (at least kMinUncutRows of them; one is a caption of the
  // table), each starting in the grid's first column (text further right at
  // a page's top is the tail of a row the page break split).
  size_t top = 0;
  while (top < nr && keep[top] && g.one_text_cell(top) && g.lo[top] < g.grid.xs[1]) ++top;
  if (top >= kMinUncutRows && top < nr && keep[top] && g.closed(top - 1, top))
    std::fill(leaves.begin(), leaves.begin() + long(top), true);
  for (size_t r = 0; r < nr; ++r)
    if (leaves[r]) keep[r] = false;
}

}  // namespace kpix::layout_parts

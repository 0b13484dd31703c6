#include "pipeline/layout/free_lines.h"

#include <algorithm>

#include "pipeline/layout/glyph_lines.h"
#include "pipeline/layout/grid.h"

namespace kpix::layout_parts {
namespace {

using layout_params::kColumnStartNudge;
using layout_params::kCoreHalfEm;
using layout_params::kMaxValueCellChars;

// A short cell with a digit: a value, whatever its unit.
bool numeric_cell(const Cell& c) {
  size_t chars = 0;
  bool digit = false;
  for (unsigned char ch : c.text) {
    chars += (ch & 0xC0) != 0x80;
    digit = digit || (ch >= '0' && ch <= '9');
  }
  return digit && chars <= kMaxValueCellChars;
}

// Two lines with values one above the other are two rows, however close.
bool stacked_numbers(const Line& a, const Line& b) {
  for (const Cell& x : a.cells)
    for (const Cell& y : b.cells)
      if (x.box.overlap_x(y.box) > 0 && numeric_cell(x) && numeric_cell(y)) return true;
  return false;
}

}  // namespace

// Free glyphs to lines cut into cells at wide gaps.
std::vector<Block> free_blocks(const std::vector<Glyph>& glyphs, const std::vector<bool>& used,
                               const LayoutOptions& o) {
  std::vector<const Glyph*> rest;
  for (size_t i = 0; i < glyphs.size(); ++i)
    if (!used[i]) rest.push_back(&glyphs[i]);
  std::vector<Block> blocks;
  double core_bottom = -1e18;  // of the previous visual line
  for (auto& vl : visual_lines(rest)) {
    double em = em_of(vl);
    double cy = centre_height(vl);
    Line line;
    std::vector<const Glyph*> run;
    auto flush = [&] {
      if (run.empty()) return;
      Cell c;
      c.text = line_text(run, em, o);
      c.box = box_of(run);
      line.cells.push_back(std::move(c));
      run.clear();
    };
    for (size_t i = 0; i < vl.size(); ++i) {
      if (i && vl[i]->box.x0 - vl[i - 1]->box.x1 > o.cell_gap_em * em) flush();
      run.push_back(vl[i]);
    }
    flush();
    line.box = box_of(vl);
    // Lines whose cores (centre ± half an em) overlap belong to one row of an
    // unruled table: a value centred beside a name wrapped onto two lines.
    // A wrapped cell's lines join with '\n', other cells stand beside them.
    bool same_row = !blocks.empty() && cy - kCoreHalfEm * em < core_bottom &&
                    !stacked_numbers(blocks.back().lines.back(), line);
    core_bottom = std::max(same_row ? core_bottom : -1e18, cy + kCoreHalfEm * em);
    if (same_row) {
      Line& prev = blocks.back().lines.back();
      for (Cell& c : line.cells) {
        auto above = std::find_if(prev.cells.begin(), prev.cells.end(),
                                  [&](const Cell& p) { return p.box.overlap_x(c.box) > 0; });
        if (above != prev.cells.end()) {
          bool below = c.box.cy() > above->box.cy();
          above->text = below ? above->text + "\n" + c.text : c.text + "\n" + above->text;
          above->box = above->box.united(c.box);
        } else {
          prev.cells.push_back(std::move(c));
        }
      }
      std::sort(prev.cells.begin(), prev.cells.end(), [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
      prev.box = prev.box.united(line.box);
      continue;
    }
    Block b;
    b.top = line.box.y0;
    b.left = line.box.x0;
    b.lines.push_back(std::move(line));
    blocks.push_back(std::move(b));
  }
  return blocks;
}

// Consecutive free lines of two or more cells that share their gaps are an
// unruled table: give their cells column indexes from the common gaps.
void index_unruled_columns(std::vector<Line>& lines, int& next_table) {
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].table >= 0 || lines[i].cells.size() < 2) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && lines[j].table < 0 && lines[j].cells.size() >= 2) ++j;
    if (j - i >= 2) {
      std::vector<std::pair<double, double>> spans;
      for (size_t k = i; k < j; ++k)
        for (auto& c : lines[k].cells) spans.emplace_back(c.box.x0, c.box.x1);
      std::sort(spans.begin(), spans.end());
      std::vector<double> starts;  // left edge of each column band
      double reach = -1e9;
      for (auto& [a, b] : spans) {
        if (a > reach) starts.push_back(a);
        reach = std::max(reach, b);
      }
      int table = next_table++;
      for (size_t k = i; k < j; ++k) {
        lines[k].table = table;
        for (auto& c : lines[k].cells) c.column = int(band_of(starts, c.box.x0 + kColumnStartNudge));
      }
    }
    i = j;
  }
}

}  // namespace kpix::layout_parts

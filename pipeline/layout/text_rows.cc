#include "pipeline/layout/text_rows.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "pipeline/layout/params.h"

namespace kpix {
namespace {

using layout_params::kDrawnEndEm;
using layout_params::kCentredEm;
using layout_params::kFullLineEm;
using layout_params::kLeadingSlack;
using layout_params::kParagraphMaxGapEm;
using layout_params::kSameLineEm;
using layout_params::kSameRowEm;
using layout_params::kWrapMaxGapEm;
using layout_params::kWrapPitchShare;

double centre(const TextRun& r) { return (r.top + r.bottom) / 2; }

bool overlap(const TextCell& a, const TextCell& b) { return a.top < b.bottom && b.top < a.bottom; }

// The row pitch of `runs` (sorted by column, then line), and how far apart
// lines of one paragraph may stand (the leading, times 1 + kLeadingSlack):
// see text_rows.h. The pitch is infinite where nothing gives it.
struct Spacing {
  double pitch, paragraph;
};

// Whether runs i - 1 and i are two lines of one column: on two visual lines
// and further apart than half an em (a line whose glyphs the visual lines
// took in two pieces stands at one height).
bool two_lines_of_a_column(const std::vector<TextRun>& runs, size_t i) {
  const TextRun& a = runs[i - 1];
  const TextRun& b = runs[i];
  double em = std::max(a.bottom - a.top, b.bottom - b.top);
  return a.column == b.column && a.line != b.line && centre(b) - centre(a) > kSameLineEm * em;
}

// Whether runs i - 1 and i are two numbers of one column that stand for two
// rows of values: numbers do not wrap, but a label wrapped a character or
// two a line in a narrow column (`平 / 成 / 30 / 年 / (2 / 01 / 8`) holds
// pieces of digits, alone on their lines (a row's value stands beside its
// row's other cells).
bool value_rows(const std::vector<TextRun>& runs, size_t i, const std::vector<size_t>& runs_on_line) {
  return runs[i].number && runs[i - 1].number &&
         (runs_on_line[runs[i].line] > 1 || runs_on_line[runs[i - 1].line] > 1);
}

// How many runs each line holds.
std::vector<size_t> runs_per_line(const std::vector<TextRun>& runs) {
  std::vector<size_t> out;
  for (const TextRun& r : runs) {
    if (r.line >= out.size()) out.resize(r.line + 1, 0);
    ++out[r.line];
  }
  return out;
}

Spacing measure_spacing(const std::vector<TextRun>& runs) {
  // The row pitch: how close two numbers of one column stand (numbers do not
  // wrap), or else how close two lines stand that share two columns.
  const std::vector<size_t> runs_on_line = runs_per_line(runs);
  double pitch = std::numeric_limits<double>::infinity();
  for (size_t i = 1; i < runs.size(); ++i)
    if (two_lines_of_a_column(runs, i) && value_rows(runs, i, runs_on_line))
      pitch = std::min(pitch, centre(runs[i]) - centre(runs[i - 1]));
  // The leading: the least distance of two lines of one column.
  double leading = std::numeric_limits<double>::infinity();
  for (size_t i = 1; i < runs.size(); ++i)
    if (two_lines_of_a_column(runs, i)) leading = std::min(leading, centre(runs[i]) - centre(runs[i - 1]));
  double paragraph = (1 + kLeadingSlack) * leading;
  if (!std::isfinite(pitch)) {
    std::map<std::pair<size_t, size_t>, int> shared;  // (line, line) -> columns
    std::map<std::pair<size_t, size_t>, double> apart;
    for (size_t i = 1; i < runs.size(); ++i)
      if (two_lines_of_a_column(runs, i)) {
        auto key = std::make_pair(runs[i - 1].line, runs[i].line);
        ++shared[key];
        apart[key] = centre(runs[i]) - centre(runs[i - 1]);
      }
    for (auto& [key, columns] : shared)
      if (columns >= 2 && apart[key] > paragraph) pitch = std::min(pitch, apart[key]);
  }
  return {pitch, paragraph};
}

// Where new rows begin among `lines` visual lines, given the cells (sorted
// by column, then line): between two consecutive cells of a column.
std::vector<size_t> breaks_between(const std::vector<TextCell>& cells, const std::vector<double>& line_cy,
                                   const std::vector<double>& line_em) {
  size_t lines = line_cy.size();
  std::vector<size_t> breaks;
  if (lines < 2) return breaks;
  std::vector<std::vector<const TextCell*>> across(lines - 1);  // cells running across each gap
  for (const TextCell& x : cells)
    for (size_t k = x.first_line; k < x.last_line; ++k) across[k].push_back(&x);
  std::vector<bool> row_break(lines - 1, false);
  for (size_t i = 1; i < cells.size(); ++i) {
    const TextCell& a = cells[i - 1];
    const TextCell& b = cells[i];
    if (a.column != b.column) continue;
    if (b.first_line <= a.last_line) continue;
    // The new row begins at the first gap between the two that cuts no cell
    // (values centred beside a wrapped description start their row above
    // it); failing that, right above the lower cell, when every cell running
    // across reaches both (a name spanning the 目標値 and 実績値 rows);
    // failing that, at the last gap between them where every cell across
    // does (a name wrapped onto two lines centred on the two rows, touching
    // the lower one only).
    auto spanned = [&](size_t g) {
      return std::all_of(across[g].begin(), across[g].end(),
                         [&](const TextCell* x) { return overlap(*x, a) && overlap(*x, b); });
    };
    size_t k = b.first_line - 1;
    bool clean = false;
    for (size_t g = a.last_line; g < b.first_line && !clean; ++g)
      if (across[g].empty()) {
        k = g;
        clean = true;
      }
    // (Not between two lines of one row: a value set a little lower than the
    // line beside it, kSameRowEm.)
    auto one_row = [&](size_t g) {
      return line_cy[g + 1] - line_cy[g] < kSameRowEm * std::max(line_em[g], line_em[g + 1]);
    };
    if (!clean && !spanned(k))
      for (size_t g = b.first_line - 1; g-- > a.last_line;)
        if (spanned(g) && !one_row(g)) {
          k = g;
          break;
        }
    if (row_break[k]) continue;
    row_break[k] = clean || spanned(k);
  }
  for (size_t k = 0; k + 1 < lines; ++k)
    if (row_break[k]) breaks.push_back(k);
  return breaks;
}

// A line alone on its lines (a project's title) right over a cell of its
// column within the leading is that cell's first line where the row's other
// cells stand centred on the two together, not on the lower alone (Writer
// centres each cell on its row, the title's line and the description's
// lines one cell): `① ゼロカーボンシティの推進` over its description, 未策定
// beside the middle of both.
void join_titles_of_centred_rows(std::vector<TextCell>& cells, double paragraph) {
  auto mid = [](double top, double bottom) { return (top + bottom) / 2; };
  for (size_t i = 0; i + 1 < cells.size(); ++i) {
    TextCell& a = cells[i];
    const TextCell& b = cells[i + 1];
    if (a.column != b.column || b.first_line != a.last_line + 1 || mid(b.top, b.bottom) <= mid(a.top, a.bottom))
      continue;
    double em = a.bottom - a.top;
    if (b.top - a.top > paragraph) continue;  // b's first line within the leading of a's
    bool alone = true, centred_on_both = false;
    for (const TextCell& x : cells) {
      if (x.column == a.column) continue;
      if (x.last_line >= a.first_line && x.first_line <= a.last_line) alone = false;
      if (x.first_line >= b.first_line && x.last_line <= b.last_line) {
        double at = mid(x.top, x.bottom), both = mid(a.top, b.bottom), lower = mid(b.top, b.bottom);
        centred_on_both = centred_on_both ||
                          (std::fabs(at - both) <= kCentredEm * em && std::fabs(at - both) < std::fabs(at - lower));
      }
    }
    if (!alone || !centred_on_both) continue;
    a.last_line = b.last_line;
    a.bottom = b.bottom;
    cells.erase(cells.begin() + long(i) + 1);
  }
}

}  // namespace

TextRows find_text_rows(std::vector<TextRun> runs) {
  std::sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) {
    return a.column != b.column ? a.column < b.column : a.line < b.line;
  });
  const auto [pitch, paragraph] = measure_spacing(runs);
  const std::vector<size_t> runs_on_line = runs_per_line(runs);
  bool wraps = std::isfinite(pitch) && pitch > 0;
  // Without a pitch: where each column's text ends.
  std::map<size_t, double> column_right;
  for (const TextRun& r : runs) column_right[r.column] = std::max(column_right[r.column], r.right);
  auto reaches = [&](const TextRun& r, double end, double within_em) {
    return r.right > 0 && r.right >= end - within_em * (r.bottom - r.top);
  };
  auto full = [&](const TextRun& r) { return reaches(r, column_right[r.column], kFullLineEm); };
  auto to_drawn_end = [&](const TextRun& r) { return r.edge > 0 && reaches(r, r.edge, kDrawnEndEm); };
  // Lines that ran to their column's drawn end and the next line of the
  // column within the leading show the leading a wrapped cell's lines stand
  // at, however wide: any line that ran to its column's text end wraps so.
  bool wrap_leading_shown = false;
  for (size_t i = 1; i < runs.size() && !wrap_leading_shown; ++i)
    wrap_leading_shown = two_lines_of_a_column(runs, i) && to_drawn_end(runs[i - 1]) &&
                         centre(runs[i]) - centre(runs[i - 1]) <= paragraph;
  // Lines with a number in a column each: numbers do not wrap, so the two
  // are rows of their own, however close (a table without padding sets its
  // rows at the line height, as a paragraph its wrapped lines).
  std::map<size_t, std::set<size_t>> number_columns;  // line -> columns with a number
  for (const TextRun& r : runs)
    if (r.number) number_columns[r.line].insert(r.column);
  auto numbers_apart = [&](size_t column, size_t a, size_t b) {
    auto in_a = number_columns.find(a), in_b = number_columns.find(b);
    if (in_a == number_columns.end() || in_b == number_columns.end()) return false;
    for (size_t c : in_a->second)
      if (c != column && in_b->second.count(c)) return true;
    return false;
  };

  // Each column's own leading, where its lines show one (two pairs of lines
  // or more at it): lines further apart than that leading allows are two
  // cells, however few ems apart. It only ever narrows the bound: a narrow
  // column's labels wrapped onto three lines each (`14 / 歳以 / 下` over
  // `15 / ～ / 19 / 歳`) stand a third of a line further apart than their
  // own lines.
  std::map<size_t, double> column_leading;
  {
    std::map<size_t, std::vector<double>> gaps;
    for (size_t i = 1; i < runs.size(); ++i)
      if (two_lines_of_a_column(runs, i)) gaps[runs[i].column].push_back(centre(runs[i]) - centre(runs[i - 1]));
    for (auto& [column, d] : gaps) {
      double least = *std::min_element(d.begin(), d.end());
      size_t at = std::count_if(d.begin(), d.end(), [&](double x) { return x <= (1 + kLeadingSlack) * least; });
      if (at >= 2) column_leading[column] = least;
    }
  }

  TextRows out;
  for (size_t i = 0; i < runs.size(); ++i) {
    const TextRun& r = runs[i];
    // Wrapped lines follow each other at the line height, whatever the rows.
    bool join = false;
    // One line the visual lines took in two pieces is one cell's line.
    if (i > 0 && runs[i - 1].column == r.column && !two_lines_of_a_column(runs, i)) {
      join = true;
    } else if (i > 0 && runs[i - 1].column == r.column && !value_rows(runs, i, runs_on_line) &&
               !numbers_apart(r.column, runs[i - 1].line, r.line)) {
      const TextRun& up = runs[i - 1];
      double em = std::max(r.bottom - r.top, up.bottom - up.top);
      double d = centre(r) - centre(up);
      // Lines at the paragraph's leading are a wrapped cell's when rows stand
      // further apart than that (rows of wrapped cells with little padding:
      // the pitch only a little over the leading, its share under it).
      double apart = std::max(kWrapMaxGapEm * em, paragraph);
      auto own = column_leading.find(r.column);
      if (own != column_leading.end()) apart = std::min(apart, std::max(paragraph, (1 + kLeadingSlack) * own->second));
      if (wraps)
        join = d <= std::min(kWrapPitchShare * pitch, apart) || (pitch > paragraph && d <= paragraph);
      else
        join = (full(up) && d <= std::min(paragraph, kParagraphMaxGapEm * em)) ||
               ((to_drawn_end(up) || (wrap_leading_shown && full(up))) && d <= paragraph);
    }
    if (join) {
      TextCell& c = out.cells.back();
      c.last_line = std::max(c.last_line, r.line);
      c.top = std::min(c.top, r.top);
      c.bottom = std::max(c.bottom, r.bottom);
      continue;
    }
    out.cells.push_back({r.column, r.line, r.line, r.top, r.bottom});
  }

  join_titles_of_centred_rows(out.cells, paragraph);

  size_t lines = 0;
  for (const TextRun& r : runs) lines = std::max(lines, r.line + 1);
  // Each line's height (its runs' mean centre) and em.
  std::vector<double> line_cy(lines, 0), line_em(lines, 0);
  std::vector<size_t> line_runs(lines, 0);
  for (const TextRun& r : runs) {
    line_cy[r.line] += centre(r);
    line_em[r.line] = std::max(line_em[r.line], r.bottom - r.top);
    ++line_runs[r.line];
  }
  for (size_t k = 0; k < lines; ++k)
    if (line_runs[k]) line_cy[k] /= double(line_runs[k]);
  out.breaks = breaks_between(out.cells, line_cy, line_em);
  return out;
}

}  // namespace kpix

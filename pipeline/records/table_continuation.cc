#include "pipeline/records/table_continuation.h"

#include <algorithm>
#include <cmath>

#include "parsers/normalize/names.h"
#include "parsers/normalize/roles.h"
#include "parsers/normalize/text.h"
#include "pipeline/tables/form_fields.h"
#include "pipeline/tables/sniff/cell_text.h"

namespace kpix {
namespace {

// A cell lines up with a cell of another page's part of the table when both
// its edges lie this close to that one's (points: the same grid drawn twice).
constexpr double kAlignTolerance = 4;
// ... or, drawn another way, when they share this much of their joint width
// (intersection over union).
constexpr double kAlignShare = 0.6;
// ... or, its edges guessed from its text, when the one cell holding its ink
// is less than this many times as wide (the same column, not several); a
// cell of another column holding it too and less than this many times as
// wide as that one makes it unsure.
constexpr double kInkHolderWidths = 2;

// Starts an item of its own: a list number or bullet (`①`, `(2)`, `・`).
bool starts_item(const TableCell& c) {
  std::string t = normalize_text(c.text);
  return leading_marker_number(t) > 0 || strip_list_marker(t) != t;
}

// `…事業との共通指標`: the row is a KPI of its own, shared with another
// project's, whatever else it holds.
bool names_shared_kpi(const TableCell& c) { return c.text.find("共通指標") != std::string::npos; }

}  // namespace

const TableCell* aligned_with(const TableCell& c, const std::vector<TableCell>& cells, AlignBy by) {
  for (const TableCell& prev : cells)
    if (std::fabs(prev.box.x0 - c.box.x0) < kAlignTolerance && std::fabs(prev.box.x1 - c.box.x1) < kAlignTolerance)
      return &prev;
  if (by == AlignBy::edges) return nullptr;
  // The same columns drawn another way (a header whose columns come from its
  // text over a body whose cells are fills): the cell sharing most of its
  // width with `c`, when they share most of their joint width.
  const TableCell* best = nullptr;
  double most = 0;
  for (const TableCell& prev : cells) {
    double common = std::min(prev.box.x1, c.box.x1) - std::max(prev.box.x0, c.box.x0);
    double joint = std::max(prev.box.x1, c.box.x1) - std::min(prev.box.x0, c.box.x0);
    if (common <= 0 || joint <= 0) continue;
    double share = common / joint;
    if (share > most) most = share, best = &prev;
  }
  if (most >= kAlignShare) return best;
  if (by != AlignBy::ink) return nullptr;
  // The narrowest cell holding all of its ink, about as wide as `c` (a
  // header cell spanning several columns holds it too, and says nothing of
  // which); a cell of another column hardly wider holding it makes it unsure.
  if (c.ink.empty()) return nullptr;
  auto holds = [&](const TableCell& p) {
    return p.box.x0 - kAlignTolerance <= c.ink.x0 && c.ink.x1 <= p.box.x1 + kAlignTolerance &&
           p.box.width() < kInkHolderWidths * c.box.width();
  };
  const TableCell* holder = nullptr;
  for (const TableCell& prev : cells)
    if (holds(prev) && (!holder || prev.box.width() < holder->box.width())) holder = &prev;
  if (!holder) return nullptr;
  for (const TableCell& prev : cells)
    if (holds(prev) && prev.column != holder->column && prev.box.width() < kInkHolderWidths * holder->box.width())
      return nullptr;
  return holder;
}

bool on_grid_lines(const TableCell& c, const std::vector<TableCell>& cells) {
  auto on_a_line = [&](double x) {
    return std::any_of(cells.begin(), cells.end(), [&](const TableCell& p) {
      return std::fabs(p.box.x0 - x) < kAlignTolerance || std::fabs(p.box.x1 - x) < kAlignTolerance;
    });
  };
  return on_a_line(c.box.x0) && on_a_line(c.box.x1);
}

int align_columns(Table& t, const std::vector<TableCell>& columns, AlignBy by) {
  int aligned = 0;
  for (TableRow& row : t.rows)
    for (TableCell& c : row.cells)
      if (const TableCell* prev = aligned_with(c, columns, by)) {
        c.column = prev->column;
        ++aligned;
      }
  return aligned;
}

bool is_row_fragment(const TableRow& row) {
  if (row.cells.empty()) return false;
  for (const TableCell& c : row.cells)
    if (sniff::looks_like_value(c.text) || row_label_role(c.text) || starts_item(c) || names_shared_kpi(c))
      return false;
  return true;
}

void join_fragment(TableRow& head, const TableRow& fragment) {
  for (const TableCell& tail : fragment.cells) {
    TableCell* into = nullptr;
    for (TableCell& c : head.cells)
      if (c.column == tail.column) into = &c;
    if (!into) {
      head.cells.push_back(tail);
      continue;
    }
    // Flattened text joins without a space, as a wrapped cell's lines do.
    into->text = flatten_cell_text(into->text + "\n" + tail.text);
  }
  std::stable_sort(head.cells.begin(), head.cells.end(),
                   [](const TableCell& a, const TableCell& b) { return a.column < b.column; });
}

}  // namespace kpix

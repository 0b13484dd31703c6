// Sniffer step 2: the data columns, and the header label over each.
#include <algorithm>
#include <cmath>

#include "parsers/normalize/text.h"
#include "pipeline/tables/sniff/params.h"
#include "pipeline/tables/sniff/steps.h"

namespace kpix::sniff {
namespace {

// The header cell over `span` in one header row: the one overlapping it most,
// by more than kLabelOverlapShare of the narrower; nullptr when none does.
const TableCell* cell_over(const std::vector<TableCell>& row, const Box& span) {
  const TableCell* best = nullptr;
  double best_ov = 0;
  for (const TableCell& h : row) {
    double ov = h.box.overlap_x(span);
    double need = kLabelOverlapShare * std::min(h.box.width(), span.width());
    if (ov > need && ov > best_ov) {
      best = &h;
      best_ov = ov;
    }
  }
  return best;
}

// Whether a header cell of a row other than `r` stands over `span` at the
// height of `cell` (a label merged down or up over row r's empty cells).
bool covered_from_other_rows(const std::vector<std::vector<TableCell>>& header, size_t r, const Box& cell,
                             const Box& span) {
  for (size_t o = 0; o < header.size(); ++o) {
    if (o == r) continue;
    for (const TableCell& h : header[o])
      if (h.box.overlap_y(cell) > kWidenSlack && h.box.overlap_x(span) > kLabelOverlapShare * span.width()) return true;
  }
  return false;
}

// Whether a lower header row labels the column under `cell` (a group label
// over its columns has them labelled under it; a label merged down over the
// header's rows has nothing under it).
bool labelled_below(const std::vector<std::vector<TableCell>>& header, size_t r, const TableCell& cell) {
  for (size_t o = r + 1; o < header.size(); ++o)
    for (const TableCell& h : header[o])
      if (h.column == cell.column || h.box.overlap_x(cell.box) > kLabelOverlapShare * std::min(h.box.width(), cell.box.width()))
        return true;
  return false;
}

// Group labels centred over their columns, where no merged cell gives the
// spans (a table whose columns come from its text: `人口` over 総人口 …
// 高齢化率, `自然動態` over 出生 … 増減数): two group labels or more in
// upper header row `r`, and a data column labelled below left of the first
// that no cell of the row stands over (a label spanning to its right
// leaves none there). Each column no cell of the row stands over goes to
// whichever of its row neighbours is a group label with its centre nearer,
// and the label's box is widened over it. False where the row is not so.
bool widen_centred_groups(std::vector<std::vector<TableCell>>& header, size_t r, const std::map<int, Box>& spans) {
  auto& row = header[r];
  std::vector<bool> group(row.size());
  size_t groups = 0;
  for (size_t i = 0; i < row.size(); ++i) groups += group[i] = labelled_below(header, r, row[i]);
  if (groups < 2) return false;
  size_t first = size_t(std::find(group.begin(), group.end(), true) - group.begin());
  auto labelled_under = [&](const Box& span) {
    for (size_t o = r + 1; o < header.size(); ++o)
      if (cell_over(header[o], span)) return true;
    return false;
  };
  auto free = [&](const Box& span) {
    return !cell_over(row, span) && labelled_under(span) && !covered_from_other_rows(header, r, row[first].box, span);
  };
  bool left_of_first = std::any_of(spans.begin(), spans.end(), [&](const auto& kv) {
    const Box& span = kv.second;
    bool after_previous = first == 0 || span.x0 >= row[first - 1].box.x1 - kWidenSlack;
    return span.x1 <= row[first].box.x0 + kWidenSlack && after_previous && free(span);
  });
  if (!left_of_first) return false;
  std::vector<Box> widened;
  for (const TableCell& c : row) widened.push_back(c.box);
  for (const auto& kv : spans) {
    const Box& span = kv.second;  // not a structured binding: lambdas below capture it
    if (!free(span)) continue;
    auto past = std::find_if(row.begin(), row.end(), [&](const TableCell& c) { return c.box.x0 >= span.x1 - kWidenSlack; });
    size_t right = size_t(past - row.begin());
    double mid = (span.x0 + span.x1) / 2, best = 1e18;
    size_t to = row.size();
    for (size_t i : {right - 1, right}) {
      if (i >= row.size() || !group[i]) continue;  // right - 1 wraps when right is 0
      double d = std::abs((row[i].box.x0 + row[i].box.x1) / 2 - mid);
      if (d < best) best = d, to = i;
    }
    if (to == row.size()) continue;
    widened[to].x0 = std::min(widened[to].x0, span.x0);
    widened[to].x1 = std::max(widened[to].x1, span.x1);
  }
  for (size_t i = 0; i < row.size(); ++i) row[i].box = widened[i];
  return true;
}

// A label followed by empty header cells spans them, whether the producer
// merged the cells (a ruled grid's merged cell is boxed over them already) or
// left the neighbours empty (converter text always does): always in upper
// header rows (group labels over their columns), in the last one only for a
// name column (`重要業績評価指標（KPI）` over the group and name columns), never
// for a value label (`R6実績` must not take the unlabelled target column
// beside it). The label's box is widened over the data columns between it
// and the next header cell of its row.
void widen_labels(std::vector<std::vector<TableCell>>& header, const std::map<int, Box>& spans, bool from_text,
                  std::string_view era) {
  int last_col = 0;
  for (auto& [col, box] : spans) last_col = std::max(last_col, col);
  for (size_t r = 0; r < header.size(); ++r) {
    auto& row = header[r];
    bool last_row = r + 1 == header.size();
    if (!from_text && !last_row && widen_centred_groups(header, r, spans)) continue;
    for (size_t i = 0; i < row.size(); ++i) {
      if (last_row) {
        ColumnInfo k = classify_label({squeeze_text(row[i].text)}, era);
        if (k.kind != ColumnKind::indicator && k.kind != ColumnKind::project) continue;
      } else if (!labelled_below(header, r, row[i])) {
        continue;  // a label merged down over the rows below spans no columns
      }
      int next = i + 1 < row.size() ? row[i + 1].column : last_col + 1;
      int extra = next - row[i].column - 1;
      if (extra <= 0) continue;
      if (from_text) {
        double pitch = row[i].box.width() / kTextCellShareOfPitch;
        row[i].box.x1 += extra * pitch;
        continue;
      }
      // In a PDF the empty neighbours are the data columns between the two
      // labels' grid columns, up to where the next label begins, and only
      // those no header cell of another row reaches down or up into (a
      // label merged over several rows leaves the row's cells under it empty
      // too, and they are its, not this one's).
      double limit = i + 1 < row.size() ? row[i + 1].box.x0 : 1e18;
      // Only the columns between the two labels: a row of thousands of cells
      // would otherwise be scanned once per label.
      for (auto it = spans.upper_bound(row[i].column); it != spans.end() && it->first < next; ++it) {
        const Box& span = it->second;
        if (span.x1 > limit + kWidenSlack) continue;
        if (covered_from_other_rows(header, r, row[i].box, span)) break;
        row[i].box.x1 = std::max(row[i].box.x1, std::min(span.x1, limit));
      }
    }
  }
}

}  // namespace

DataColumns read_data_columns(const Table& t, size_t header_rows) {
  DataColumns d;
  for (size_t r = header_rows; r < t.rows.size(); ++r) {
    for (const TableCell& c : t.rows[r].cells) {
      auto it = d.spans.find(c.column);
      if (it == d.spans.end() || c.box.width() < it->second.width()) d.spans[c.column] = c.box;
      d.texts[c.column].push_back(c.text);
    }
  }
  return d;
}

void add_header_only_columns(const Table& t, size_t header_rows, std::string_view era, std::map<int, Box>& spans) {
  // Only where no data column lies under the header cell: in a PDF grid a
  // header cell may sit in a grid column of its own, inset from the data's.
  for (size_t r = header_rows; r-- > 0;)
    for (const TableCell& c : t.rows[r].cells) {
      if (spans.count(c.column) || !is_header_label(c.text, era)) continue;
      bool covered = std::any_of(spans.begin(), spans.end(), [&](const auto& kv) {
        return kv.second.overlap_x(c.box) > kHeaderOnlyCoveredShare * std::min(kv.second.width(), c.box.width());
      });
      if (!covered) spans[c.column] = c.box;
    }
}

std::vector<std::vector<TableCell>> header_cells(const Table& t, size_t header_rows, const std::map<int, Box>& spans,
                                                 std::string_view era) {
  std::vector<std::vector<TableCell>> header(header_rows);
  for (size_t r = 0; r < header_rows; ++r) header[r] = t.rows[r].cells;
  widen_labels(header, spans, t.from_text, era);
  return header;
}

std::vector<ColumnInfo> label_columns(const std::vector<std::vector<TableCell>>& header,
                                      const std::map<int, Box>& spans, std::string_view era) {
  std::vector<ColumnInfo> columns;
  for (auto& [col, span] : spans) {
    std::vector<std::string> parts;
    for (auto& row : header)
      if (const TableCell* best = cell_over(row, span)) parts.push_back(squeeze_text(best->text));
    ColumnInfo info = classify_label(parts, era);
    info.column = col;
    info.span = span;
    columns.push_back(std::move(info));
  }
  return columns;
}

}  // namespace kpix::sniff

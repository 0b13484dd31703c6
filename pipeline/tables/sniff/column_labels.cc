// Sniffer step 2: the data columns, and the header label over each.
#include <algorithm>

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

// Converter text has no merged cells: a label followed by empty cells spans
// them, always in upper header rows (group labels over their columns), in
// the last one only for a name column (`重要業績評価指標（KPI）` over the group
// and name columns), never for a value label (`R6実績` must not take the
// unlabelled target column beside it).
void widen_text_labels(std::vector<std::vector<TableCell>>& header, int last_col, std::string_view era) {
  for (size_t r = 0; r < header.size(); ++r) {
    auto& row = header[r];
    bool last_row = r + 1 == header.size();
    for (size_t i = 0; i < row.size(); ++i) {
      if (last_row) {
        ColumnInfo k = classify_label({squeeze_text(row[i].text)}, era);
        if (k.kind != ColumnKind::indicator && k.kind != ColumnKind::project) continue;
      }
      int next = i + 1 < row.size() ? row[i + 1].column : last_col + 1;
      int extra = next - row[i].column - 1;
      if (extra <= 0) continue;
      double pitch = row[i].box.width() / kTextCellShareOfPitch;
      row[i].box.x1 += extra * pitch;
    }
  }
}

}  // namespace

DataColumns read_data_columns(const Table& t, size_t header_rows) {
  DataColumns d;
  for (size_t r = header_rows; r < t.rows.size(); ++r)
    for (const TableCell& c : t.rows[r].cells) {
      auto it = d.spans.find(c.column);
      if (it == d.spans.end() || c.box.width() < it->second.width()) d.spans[c.column] = c.box;
      d.texts[c.column].push_back(c.text);
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
  if (t.from_text) {
    int last_col = 0;
    for (auto& [col, box] : spans) last_col = std::max(last_col, col);
    widen_text_labels(header, last_col, era);
  }
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

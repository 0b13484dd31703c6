// Sniffer step 1: which cells are header labels, and how many leading rows
// are header rows.
#include <algorithm>
#include <iterator>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "pipeline/tables/header_label_cache.h"
#include "pipeline/tables/sniff/cell_text.h"
#include "pipeline/tables/sniff/params.h"
#include "pipeline/tables/sniff/steps.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

using sniff::is_number_cell;
using sniff::is_period_label;
using sniff::looks_like_value;

// Words that make a cell a header label even without a period: strong ones
// in any label, weak ones only in a short label (`自然動態`, `事業名`), since
// data cells say `社会動態における転入率` or `…事業との共通指標` too.
constexpr std::string_view kStrongHeaderWords[] = {
    "基準", "実績", "目標", "現状値", "達成", "項目", "指標", "KPI", "区分", "取組", "取り組み", "所見",
    "方向性", "合計", "年次", "総合戦略", "初年度", "最終年度"};
constexpr std::string_view kWeakHeaderWords[] = {"事業", "施策", "世帯数", "人口", "動態", "備考"};

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

bool mostly_values(const TableRow& row) {
  int v = 0;
  for (const TableCell& c : row.cells) v += looks_like_value(c.text);
  return !row.cells.empty() && v * 2 >= int(row.cells.size());
}

struct RowTally {
  int labels = 0, values = 0;
  size_t longest = 0;  // characters of the longest cell
};

// `is_label(text)`: is_header_label under the table's era, asked directly or
// through a document's cache. `shape`: also count values and measure the
// longest cell, which only a row under a header row is asked about (the
// value parser was two thirds of count_header_rows on a budget book, whose
// tables mostly end their header search at the first row).
template <class IsLabel>
RowTally tally(const TableRow& row, IsLabel& is_label, bool shape) {
  RowTally n;
  for (const TableCell& c : row.cells) {
    n.labels += is_label(c.text);
    if (!shape) continue;
    n.values += looks_like_value(c.text);
    n.longest = std::max(n.longest, char_count(squeeze_text(c.text)));
  }
  return n;
}

template <class IsLabel>
size_t count_header_rows_by(const Table& t, IsLabel& is_label) {
  // Leading rows where labels are at least half the cells; a lone label row
  // (a spanning `重要業績評価指標（KPI）`) counts when the rows with it hold two
  // labels or more in all.
  size_t n = 0;
  int total_labels = 0;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& row = t.rows[i];
    if (row.cells.empty() || (i == 0 && sniff::is_caption_row(t))) break;
    RowTally k = tally(row, is_label, n > 0);
    // A second header row of plain names (`総人口 | 増減数 | 出生 | 死亡`)
    // under a header row: three or more short cells and no value among them.
    bool names_row = n > 0 && row.cells.size() >= sniff::kNamesRowMinCells && k.values == 0 &&
                     k.longest <= sniff::kNamesRowMaxChars && i + 1 < t.rows.size() && mostly_values(t.rows[i + 1]);
    if (!names_row && (k.labels == 0 || k.labels * 2 < int(row.cells.size()))) break;
    total_labels += k.labels;
    ++n;
  }
  return total_labels >= 2 ? n : 0;
}

}  // namespace

namespace sniff {

bool is_caption_row(const TableRow& row, const TableRow& next) {
  if (row.cells.size() != 1 || next.cells.size() < 2) return false;
  static const RE2 caption("^(【[^】]+】.+|基本目標\\d.*|.{4,}(?:集計表|一覧表|一覧|評価表|調書))$");
  return RE2::FullMatch(squeeze_text(row.cells[0].text), caption);
}

bool is_caption_row(const Table& t) { return t.rows.size() >= 2 && is_caption_row(t.rows[0], t.rows[1]); }

}  // namespace sniff

bool is_header_label(std::string_view text, std::string_view era) {
  std::string s = squeeze_text(text);
  if (s.empty() || contains(s, "共通指標")) return false;
  if (is_period_label(s, era)) return true;
  size_t n = char_count(s);
  auto has = [&](auto& words) { return std::any_of(std::begin(words), std::end(words), [&](auto w) { return contains(s, w); }); };
  bool header_words = (n <= sniff::kLabelMaxChars && has(kStrongHeaderWords)) ||
                      (n <= sniff::kWeakLabelMaxChars && has(kWeakHeaderWords));
  // A value whose note has a header word (`25人 (R2～R4合計)`) is data. Asked
  // last: the value parser is the dearest test, and most cells of a budget
  // book's tables have no header word (330 M instructions of 7.3 G when it
  // was asked of every cell).
  return header_words && !is_number_cell(s);
}

size_t count_header_rows(const Table& t, std::string_view era) {
  auto is_label = [era](std::string_view text) { return is_header_label(text, era); };
  return count_header_rows_by(t, is_label);
}

size_t count_header_rows(const Table& t, std::string_view era, HeaderLabelCache& labels) {
  auto is_label = [era, &labels](std::string_view text) { return labels.is_label(text, era); };
  return count_header_rows_by(t, is_label);
}

}  // namespace kpix

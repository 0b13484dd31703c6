// The sniffer's thresholds, in one place. Lengths are in characters unless a
// name says bytes; shares are of the narrower box or of a column's data cells.
#pragma once

#include <cstddef>

namespace kpix::sniff {

// A header label is short: a strong header word (`基準`, `指標`) counts in a
// label up to kLabelMaxChars, a weak one (`事業`, `人口`) only up to
// kWeakLabelMaxChars, since data cells say `社会動態における転入率` too.
constexpr size_t kLabelMaxChars = 40;
constexpr size_t kWeakLabelMaxChars = 10;
// A bare period label (`H26 (2014)`) is at most this many bytes, NFKC with
// spaces removed.
constexpr size_t kPeriodLabelMaxBytes = 40;

// A data cell this long or shorter may be a value (`25人 (R2～R4合計)`).
constexpr size_t kValueCellMaxChars = 40;
// Wide characters a number cell may have outside brackets: its unit (`千円`),
// not a name around a number (`1人あたりの総所得`).
constexpr size_t kNumberUnitMaxWideChars = 4;

// A second header row of plain names (`総人口 | 増減数 | 出生 | 死亡`): at least
// this many cells, none longer than kNamesRowMaxChars.
constexpr size_t kNamesRowMinCells = 3;
constexpr size_t kNamesRowMaxChars = 12;

// A header row inside a grid that starts a stacked table of its own: at
// least this many labels (and labels at least half its cells).
constexpr int kStackedHeaderMinLabels = 3;

// A header cell with no data under it is a column of its own unless a data
// column overlaps it by more than this share of the narrower of the two.
constexpr double kHeaderOnlyCoveredShare = 0.5;
// A header cell labels a data column when they overlap by more than this
// share of the narrower of the two.
constexpr double kLabelOverlapShare = 0.4;
// A header label widened over the empty cells beside it in a PDF reaches the
// data columns that end at most this far past where the next label begins
// (points: a border's width and the rounding of the two boxes).
constexpr double kWidenSlack = 2.0;
// Converter text's synthetic cells are this share of their column pitch
// (text_loader): a label's width gives the pitch of the cells it spans.
constexpr double kTextCellShareOfPitch = 0.9;

// The column naming the indicators, of several under one name label, has a
// cell on at least this many tenths of the data rows.
constexpr size_t kNameColumnRowTenths = 8;

// A column "holds values" when at least this many tenths of its data cells
// look like values.
constexpr int kValueColumnTenths = 6;

}  // namespace kpix::sniff

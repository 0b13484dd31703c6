// Layout's parameters, in one place (as pdfminer's LAParams, or the block
// that opens Poppler's TextOutputDev.cc): every distance, size and share by
// which layout tells lines, cells, rows, columns and borders apart.
//
// Entry points:
//   LayoutOptions   what a caller may set per run (the defaults are what every
//                   command uses); passed down to where they are used.
//   layout_params   fixed tolerances, named where they are used; the pure
//                   pieces (text_columns, text_rows, ruled_rows, grid) take
//                   no options, and no caller has needed to change these.
//
// Units. "em" is the text size where the threshold is applied, measured by
// em_of (pipeline/layout/glyph_lines.h): the median width of the full-width
// glyphs, not the font size, which Chromium's Type 3 fonts misreport.
// "points" (1/72 inch, page space) where no text gives the scale: between
// drawn rules and the blocks they bound, whose placement does not follow the
// text size; floors of the em itself, for glyphs of no size; and pads and
// nudges of a point or less against rounding. Shares are plain ratios;
// counts are counts.
#pragma once

#include <cstddef>

namespace kpix {

struct LayoutOptions {
  // A gap wider than this many ems starts a new cell in unruled text.
  double cell_gap_em = 1.0;
  // A gap wider than this many ems may be a column boundary of a table
  // without vertical borders where the rows' gaps line up (wider than a
  // space, narrower than two cell paddings).
  double column_gap_em = 0.4;
  // Tables without any borders are rebuilt as grids from their text (rows
  // from wrapped cells, columns from common gaps).
  bool borderless_tables = true;
  // A gap wider than this many ems inside a cell becomes one space. Poppler
  // drops space glyphs; the gap they leave is 0.22 em in Noto Sans CJK.
  double space_gap_em = 0.15;
  // Between a full-width and a half-width character the gap must be wider:
  // LibreOffice Writer puts 0.2 em of "Asian spacing" between `1,498` and `千円`.
  double cross_script_space_gap_em = 0.35;
};

namespace layout_params {

// A share of a count, kept as a fraction so that counts compare exactly.
struct Share {
  int num, den;
};

// --- Drawn rules (points: a border's place does not follow the text size) ---

// Rules closer than this are one border; rows or columns thinner than this are double-line artefacts. Points.
inline constexpr double kSnap = 3.0;
// How far a rule's end may stop short of the rule it meets and still join it. Points.
inline constexpr double kTouch = 3.0;
// How far a ruled grid's outer vertical rules must run on past its last horizontal rule (or start before
// its first) for the stretch to be a row the page break split, open at the page's edge. Points.
inline constexpr double kOpenRowMin = 6.0;
// ... and how far short of a row's (column's) middle a rule's end may stop and still be drawn across it, at
// most this share of the row's height (column's width): rows of small text (a sheet fitted to its paper) can
// be under 2 kTouch high, and the rule of the row above then ends within kTouch of this one's middle. Share.
inline constexpr double kTouchShareOfBand = 0.25;
// How far an underline's ends may lie from its text's first and last glyph (a border reaches past them). Points.
inline constexpr double kUnderlineEndSlack = 1.5;
// How far below its text's glyph centres an underline may lie. Ems (of each glyph above it).
inline constexpr double kUnderlineDropEm = 1.2;
// The tallest row of a table ruled by rows only (a title bar and a footer line are not a row): a booktabs body
// is one band between its mid and bottom rules, a page's worth of rows (a 47-page report's 12 rows: 151 pt). Points.
inline constexpr double kMaxRuledRowHeight = 400.0;
// The fewest rows in a run at a ruled grid's top or bottom that no inner vertical rule cuts for the run to
// be a table ruled by rows only, its columns from its text (fewer: a note across the table). Rows.
inline constexpr size_t kMinUncutRows = 2;
// The fewest rows in a run of one-text rows between two tables on a sheet's grid for the run to be the
// document's text between them, whatever the rules (fewer: the table's own section rows, a few at most:
// `(1) …` over `① …` twice over, or a subtotal, a title and the next goal's caption). Rows.
inline constexpr size_t kMinSheetTextRows = 6;
// The most ruled rows over one last uncut row for that row to be a body under a header (under more: a note
// across the table, kept in it). Rows.
inline constexpr size_t kMaxHeaderRowsOverOneRow = 2;
// The least overlap of a rule with a table ruled by rows, to belong to it. Share of the shorter of the two widths.
inline constexpr double kMinRuleOverlap = 0.5;

// --- Glyphs and visual lines ---

// A half-width glyph's em, by its width (half-width characters are half an em wide). Ems per glyph width.
inline constexpr double kEmsPerHalfWidth = 2.0;
// A full-width glyph's size for grouping lines, at most its width times this (boxes of Type 3 fonts are taller). Ratio.
inline constexpr double kWideGlyphSizeByWidth = 1.2;
// The least size a glyph counts with when grouping lines (glyphs of no size). Points.
inline constexpr double kMinGlyphSize = 1.0;
// How far apart two glyph centres may stand on one visual line. Share of the smaller of the two sizes.
inline constexpr double kSameLineShare = 0.45;
// The least em taken as a measure (below it, glyphs of no size). Points.
inline constexpr double kMinEm = 0.5;
// The em used when the glyphs give none (kMinEm). Points.
inline constexpr double kFallbackEm = 1.0;
// Half the height of a line's core (its centre ± this): cores that overlap are one row. Ems.
inline constexpr double kCoreHalfEm = 0.5;
// A line of a drawn cell whose glyphs all stand apart by more than a space is set out across its cell
// (均等割付, justify inter-character): the least of its gaps is its letter-spacing, taken off every gap before
// spaces are told (`1 , 4 9 8 千 円` is `1,498千円`, `2 5 人 ( R 2 …` is `25人 (R2…`). The fewest glyphs on such a
// line; two full-width glyphs a space apart (`人　口`) are one word as well. Glyphs.
inline constexpr size_t kMinLetterSpacedGlyphs = 3;
// A free line set out the same way across a table (a section row, 均等割付) shows no columns: the fewest glyphs,
// the least gap (ems), how far past the least gap a gap may be and count as alike (ems), the share of its gaps
// alike (a real space or two is wider), and the fewest distinct glyphs (a row of one mark, `ー ー ー`, is a row of empty cells). Its
// glyphs are mostly full width (digits and dashes a column apart are values).
inline constexpr size_t kMinSetOutGlyphs = 6;
inline constexpr double kSetOutMinGapEm = 0.5;
inline constexpr double kSetOutGapSpreadEm = 0.1;
inline constexpr Share kSetOutAlikeShare = {4, 5};
inline constexpr size_t kMinSetOutDistinctGlyphs = 4;

// How far a line of text may reach across a rule on one edge of its row and still be that row's text (a
// font's box is a little taller than a tight row). Further, and drawn over that row's glyphs, it is a line
// spilled out of the cell beyond the rule (spilled_lines.h). Share of the line's height.
inline constexpr double kSpillShare = 0.1;
// Two glyphs are drawn over each other when their boxes overlap by more than this share of the smaller box's
// width and of its height. Share.
inline constexpr double kOverprintShare = 0.5;

// --- Free text ---

// The longest cell with a digit that counts as a value (two stacked values are two rows). Characters.
inline constexpr size_t kMaxValueCellChars = 20;
// How far apart the tops of two blocks (grids, lines) may be and still be read left to right. Points.
inline constexpr double kSameTop = 2.0;
// How far right a cell's left edge is taken when finding its column band (rounding). Points.
inline constexpr double kColumnStartNudge = 0.01;

// --- Tables without vertical borders, or without any ---

// The most rows text may cross a column boundary in (a heading over columns, a long remark). Share of rows with text.
inline constexpr Share kMaxCrossingRows{1, 4};
// ... and the most a drawn header's column border may be crossed in by a row-ruled body's text under it and still
// part the body's other rows (a shared KPI's cell merged over the year columns in one of three). Share of rows
// with text.
inline constexpr Share kMaxHeaderBorderCrossingRows{1, 2};
// How close in height lines of two column zones stand, on different visual lines, when they are cells of one row
// set side by side (centred on the row with different numbers of lines: interleaved), not one column placed two
// ways in different rows. Ems (the larger of the two lines').
inline constexpr double kInterleavedLineEm = 1.0;
// The least part of a text span inside a column zone for the span to be in it. Share of the span's width.
inline constexpr double kZoneShare = 0.5;
// How close two visual lines' centres stand when they are one row of a table: a value centred in its cell beside
// a name wrapped onto two lines sits half a line pitch (0.6-0.85 em) from each name line; the next row's
// lines stand a pitch and the cells' paddings (1.2 em and more) away. Ems (the larger of the two lines').
inline constexpr double kSameRowEm = 0.9;
// The longest run of glyphs that may be a value (`1,498千円`, `△562`). Glyphs.
inline constexpr size_t kValueMaxGlyphs = 12;
// The fewest digits of a value (a name holding a number has fewer). Share of its glyphs.
inline constexpr Share kValueDigits{2, 5};
// How far apart two lines of values must be to be two rows, not one line's glyphs set apart. Ems (the larger).
inline constexpr double kValueRowsApartEm = 1.0;
// How far apart a column's lines may be to be one wrapped cell. Share of the row pitch (text_rows.h).
inline constexpr double kWrapPitchShare = 0.8;
// ... and at most this far apart (a line height). Ems (the larger of the two lines').
inline constexpr double kWrapMaxGapEm = 1.5;
// ... and, where no row pitch is known (a lone wrapped line joins only when it ran to its column's end and the
// next lies within the leading), at most this far apart: a line holding half-width digits in another column is
// set a little lower (Chromium: 14.3 pt against a 13.5 pt leading at 9.5 pt). Ems (the larger).
inline constexpr double kParagraphMaxGapEm = 1.6;
// How close to the middle of a title's line and the cell under it a row's other cells stand when they are
// centred on both (the title is the cell's first line), not on the cell alone. Ems (the title's).
inline constexpr double kCentredEm = 0.5;
// How close two runs of one column stand when they are one line the visual lines took in two pieces (and give no
// leading or pitch). Ems (the larger).
inline constexpr double kSameLineEm = 0.5;
// How much further apart than the leading (the least distance of two lines of one column) lines of one
// paragraph may stand (rounding of the glyph centres). Share of the leading.
inline constexpr double kLeadingSlack = 0.1;
// How close to the right end of its column's text a line ends when it was wrapped (a line of a paragraph
// breaks a character or two short of the edge before a closing bracket). Ems.
inline constexpr double kFullLineEm = 1.5;
// ... and how close to its column's end where a header draws it (the text's own end may be the line's itself): a
// line breaks up to two characters short of its cell's edge, a closing bracket and the character before it moved
// down together (`2024年度（令和6年` over `度）中の計画策定`). Ems.
inline constexpr double kDrawnEndEm = 2.0;
// How wide a gap between the text of a ruled band's lines shows them standing side by side (the cells of one
// row, each wrapped onto lines of its own) rather than one paragraph's or heading's lines. Ems (the largest).
inline constexpr double kSideBySideGapEm = 2.0;
// How much of its table's width the text of a table's piece left alone between two rules at a page's edge (a
// header at the foot, a row at the top of the next page) spans at least; a page number does not. Share.
inline constexpr double kPieceWidthShare = 0.5;
// How far apart consecutive lines of one borderless table may be. Ems (the larger of the two lines').
inline constexpr double kTableLineGapEm = 3.0;
// The fewest runs of text (a column gap apart) a free line holds, most of them starting as values, to be a
// borderless table's row of figures set closer than cells of free text are (narrow columns). Runs.
inline constexpr size_t kMinValueRuns = 4;
// How far a one-cell line may stand from a borderless table's first or last row to be its own. Ems (the larger).
inline constexpr double kTableEdgeLineGapEm = 1.5;
// How close glyphs stand when they are one run of text (a line of a note across a header's column lines; a word
// space, `Page 5`, is a third of an em), not two cells' (LibreOffice sets two unpadded cells' text half an em
// apart). Ems.
inline constexpr double kTouchingGapEm = 0.4;
// The fewest consecutive lines across a borderless table's columns that are a paragraph between two tables
// (one such line is a heading over the columns, or a long remark). Lines.
inline constexpr size_t kMinProseLines = 2;
// ... each at least this wide. Share of the table's width.
inline constexpr double kProseWidthShare = 0.8;
// How much larger than a borderless table's body a one-cell line is set when it is a heading that parts two
// tables (a section title), not a row. Share of the body's em.
inline constexpr double kHeadingEmShare = 1.15;
// How much larger than the text of a row-ruled table's bands a band's one line of one span is set when it is a
// heading between two tables (a section title over its underline), not a row. Share of the bands' median em.
inline constexpr double kRuledHeadingEmShare = 1.3;
// How far a borderless grid reaches left and right past its outermost glyphs. Points.
inline constexpr double kBorderlessSidePad = 1.0;
// How far a borderless grid reaches above and below its outermost glyph centres. Points.
inline constexpr double kBorderlessEndPad = 0.5;
// How far below its last line's centre a row-ruled table broken by the page ends (its closing rule is on the
// next page). Ems.
inline constexpr double kFootPadEm = 1.0;
// The fewest cells (spans of text a column gap apart) on one line over a table's first rule for the lines
// there to be its undrawn header, not a caption or a title with a unit note. Cells.
inline constexpr size_t kMinHeaderCells = 3;
// The most glyphs of a line under such a table that is the page's footer (`- 12 -`), not text after it; nor is
// a body under a drawn header of so few. Glyphs.
inline constexpr size_t kFooterMaxGlyphs = 12;

}  // namespace layout_params
}  // namespace kpix

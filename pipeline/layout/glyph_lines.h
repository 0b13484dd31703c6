// Glyphs to text: visual lines, the em they are measured by, a cell's text
// with spaces at wide gaps and '\n' between its lines. Every reader of layout
// (ruled grids, text grids, free text) builds on these. Internal to layout;
// pure.
//
// Entry points: visual_lines (glyphs to lines), em_of, join_glyph_text (a
// cell's glyphs to its text).
#pragma once

#include <string>
#include <vector>

#include "pipeline/layout/params.h"
#include "pipeline/layout/text_columns.h"
#include "pipeline/model/document.h"

namespace kpix::layout_parts {

// First code point of a UTF-8 string.
char32_t first_code_point(const std::string& s);
// Whether a glyph is a full-width character (CJK, full-width forms and the
// symbols CJK fonts draw full width), about one em wide.
bool is_wide(const Glyph& g);
// The median width of the full-width glyphs, or without any the median height.
double em_of(const std::vector<const Glyph*>& glyphs);
// Glyphs grouped into visual lines by vertical centre, top to bottom, each
// sorted left to right.
std::vector<std::vector<const Glyph*>> visual_lines(std::vector<const Glyph*> glyphs);
// The mean of the glyphs' centre heights (0 for none): where a line or a
// run of it stands.
double centre_height(const std::vector<const Glyph*>& glyphs);
// The box around glyphs.
Box box_of(const std::vector<const Glyph*>& glyphs);
// One visual line's glyphs (sorted by x) to text, a space at wide gaps:
// wider than a space by more than `spacing`, the letter-spacing of the line.
std::string line_text(const std::vector<const Glyph*>& line, double em, const LayoutOptions& o, double spacing = 0);
// The space a visual line's glyphs are set out by, wider than a space
// between every two of them (均等割付, letter-spacing: one word set out
// across its cell); 0 where any two touch, as glyphs of words do.
double letter_spacing(const std::vector<const Glyph*>& line, double em, const LayoutOptions& o);
// Text of glyphs that form one run (one drawn cell): visual lines top to
// bottom, separated by '\n'; inside a line a space where the gap is wider
// than the line's letter-spacing by a space.
std::string join_glyph_text(std::vector<const Glyph*> glyphs, const LayoutOptions& options = {});
// Whether a visual line is words set out across a table's width (a 均等割付
// section row): kMinSetOutGlyphs glyphs or more, mostly full width and not
// one mark repeated, every gap wider than kSetOutMinGapEm and nearly all of
// them alike. Its gaps are no column gaps.
bool set_out_words(const std::vector<const Glyph*>& line, double em);
// spans_of(line, gap) for one visual line (of text size `em`); one span for
// a line of words set out (set_out_words).
std::vector<Span> word_spans(const std::vector<const Glyph*>& line, double gap, double em);
// x-intervals of glyphs, joined where they are closer than `gap`.
std::vector<Span> spans_of(std::vector<const Glyph*> glyphs, double gap);
// x-intervals of the glyphs' ink, joined where they touch: a full-width
// closing bracket inks the left half of its box, an opening bracket the right
// half (a name's `）` whose box reaches over a column line into the next
// cell's padding does not run across it).
std::vector<Span> ink_spans_of(std::vector<const Glyph*> glyphs);

}  // namespace kpix::layout_parts

// The page model every loader fills and every later stage reads:
//   Document info + pages; a Page holds glyphs (PDF only), drawn rules (PDF
//   only), and lines in reading order, each line split into cells.
// Text input (converter text, one table row per line, tabs between cells)
// fills lines and cells directly and keeps the 1-based source line number.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/geometry.h"

namespace kpix {

// One character as drawn, UTF-8 encoded.
struct Glyph {
  std::string text;
  Box box;
  // The font size it is drawn at (points, as displayed), 0 where unknown
  // (converter text). Its box alone does not say: a Type 3 font's box is the
  // font's, taller than the glyph, and letter spacing widens a glyph's box.
  double size = 0;
};

// A drawn horizontal or vertical segment (table border), from strokes or thin
// filled rectangles.
struct Rule {
  bool horizontal = true;
  double pos = 0;        // y for horizontal rules, x for vertical ones
  double from = 0, to = 0;  // extent along the rule
  // Across the rule, for a filled piece (0 for a stroke): a piece as thick as
  // it is long is a dot, whose direction is the line of dots it lies in.
  double thickness = 0;
};

// A run of text that layout analysis considers one cell of a line.
struct Cell {
  std::string text;  // visual lines of a PDF cell separated by '\n'
  Box box;
  int source_line = 0;  // 1-based line of converter text; 0 for PDF
  int column = -1;      // tab index for converter text; -1 when unknown
  // Where its glyphs lie inside `box` (empty for converter text): a cell
  // whose edges were guessed from the text's gaps still has its ink where
  // the drawn column is.
  Box ink{};
};

struct Line {
  std::vector<Cell> cells;
  Box box;
  int source_line = 0;
  int table = -1;  // which table of the page this row belongs to; -1 for free text

  // Cell texts joined by a tab, as a person would copy the row.
  std::string text() const;
};

struct Page {
  int number = 1;  // 1-based
  double width = 0, height = 0;  // as displayed
  int rotation = 0;              // /Rotate of the page, degrees
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  std::vector<Line> lines;
  int images = 0;       // images drawn on the page (PDF)
  // Quarter turns of the page's text (0 upright, 1 running down …). Lines and
  // cells are in the frame where the text is upright; displayed_box() in
  // pipeline/model/orientation.h brings a box back to the page as displayed.
  int text_turn = 0;
  size_t glyph_count = 0;  // characters found on the page
};

enum class SourceKind { pdf, text };

struct DocumentInfo {
  std::string path;
  std::string file_name;  // base name, as written in records
  std::string sha256;
  SourceKind kind = SourceKind::pdf;
  std::string title;
  std::string producer;
  int page_count = 0;
};

}  // namespace kpix

// What the table reader decides about the tables of one laid-out page, for
// `kpix inspect`: each table cut as the record builder cuts it (stacked
// tables apart, a form's indicator blocks whole), sniffed (header rows, a
// kind, role and period per column) and given to the families (which one
// reads it, how many records). Read page by page: a table without a header
// of its own, which the record builder would join to the header or table
// before it, shows here as unread.
//
//   for (const kpix::cli::TableReading& t : kpix::cli::read_page_tables(page, "令和", false)) …
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/tables/table.h"
#include "pipeline/tables/table_shape.h"

namespace kpix::cli {

struct TableReading {
  int table = -1;      // Line::table of its lines
  Table rows;          // the cut table (upright frame)
  TableShape shape;    // empty for indicator blocks
  bool indicator_blocks = false;
  std::string family;  // "" when no family reads it
  size_t records = 0;
  std::vector<std::string> warnings;
};

std::vector<TableReading> read_page_tables(const Page& page, std::string_view era, bool from_text);

// The short tag of a column for people: "ACT 2020", "TGT 2020-2024", "IND",
// "GROUP", "PROJ", "KIND", "TOTAL", "ACH", "NOTE", "?".
std::string column_tag(const ColumnInfo* column);

// The colour (0xRRGGBB) of a column's kind, or of its role for values.
unsigned int column_colour(const ColumnInfo* column);

// The colour of header rows.
constexpr unsigned int kHeaderColour = 0x8250df;

}  // namespace kpix::cli

// Table families. Each recognizer turns one sniffed table into draft records;
// the extractor picks the first family whose test accepts the table's shape,
// most specific first (see recognize_table).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/record.h"
#include "pipeline/tables/table.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {

// The record a table continued from the previous page may still go on with (a
// 目標値 row on one page, its 実績値 row on the next): what its rows need of it.
struct ContinuedRecord {
  std::vector<std::string> section;
  std::optional<std::string> project;
  std::string unit;
};

// What the page around a table says about it.
struct TableContext {
  std::string era = "令和";
  std::optional<std::string> project_title;  // heading above the table
  bool goal_section = false;                 // under a 数値目標 / 基本目標の評価指標 heading
  std::string unit_hint;                     // `(単位：人)` above the table
  std::string heading;                       // free text just above the table
  // A table continued from the previous page whose last record its first
  // rows may still belong to.
  std::optional<ContinuedRecord> continued;
};

struct Recognized {
  std::string family;  // which recognizer built the records; empty when none did
  std::vector<KpiRecord> records;
  // Values of the first rows that go on with TableContext::continued: the
  // record builder appends them to that record.
  std::vector<RecordValue> continuation;
  // Rows the table ends with that only the next table's first rows
  // complete: a 目標値 row with values but no KPI cell, whose merged name
  // cell a sheet printed across pages shows on the next page only, by its
  // 実績値 row. The record builder reads them again at the top of the table
  // that continues this one, or says it could not.
  std::vector<TableRow> carried;
  std::vector<std::string> warnings;
  // The years were read under TableContext::era, none of them writing an era
  // of its own (`20年度実績`): the record builder reads them again under the
  // era the whole document names, once it is all read.
  bool era_implied = false;
};

// indicator_blocks (families/indicator_blocks.cc). Forms with indicator
// blocks: `name | 単位 | unit`, a row of years, rows of values named by role
// (横浜's 細事業事業量). Needs no header row, so it is also asked of tables
// without one (has_indicator_blocks).
bool has_indicator_blocks(const Table& t);
Recognized build_indicator_blocks_table(const Table& t, const TableContext& ctx);

// name_rows (families/name_rows.cc). Sheets whose indicator's name is a row
// of its own over its values row, under `項目（単位）【数値目標】` and a row of
// year columns (神戸's 事務事業評価シート). Needs no header row the sniffer
// knows, so it is asked of every table, like indicator blocks.
bool is_name_rows_table(const Table& t, std::string_view era);
Recognized build_name_rows_table(const Table& t, const TableContext& ctx);

// Whether a table is a form read by its own grammar (indicator blocks or name
// rows) rather than by its sniffed shape.
bool is_form_table(const Table& t, std::string_view era);

// indicator_sheet (families/indicator_sheet.cc). An evaluation sheet's
// indicator table: indicator column, `単位` column, value columns with year
// and role (池田's 事業の成果指標).
bool is_indicator_sheet_table(const Table& t, const TableShape& s);
Recognized build_indicator_sheet_table(const Table& t, const TableShape& s, const TableContext& ctx);

// pair_rows (families/pair_rows.cc). Rows of 目標値 / 実績値 pairs (砂川's
// spreadsheet layout).
bool is_pair_rows_table(const Table& t, const TableShape& s);
Recognized build_pair_rows_table(const Table& t, const TableShape& s, const TableContext& ctx);

// series (families/series.cc). Year series without roles: population and
// other statistics, years across the columns or down the rows.
bool is_series_table(const Table& t, const TableShape& s);
Recognized build_series_table(const Table& t, const TableShape& s, const TableContext& ctx);

// role_columns (families/role_columns.cc). One KPI per row, columns with
// roles (基準値 / …実績 / 目標値).
bool is_role_columns_table(const Table& t, const TableShape& s);
Recognized build_role_columns_table(const Table& t, const TableShape& s, const TableContext& ctx);

// Sniffs the table and runs the first family that accepts it.
// `indicator_blocks`: whether the table is a form (is_form_table(t)), which
// the caller has asked already to decide how to cut the table; such a table
// is read as name rows or indicator blocks.
Recognized recognize_table(const Table& t, const TableContext& ctx, bool indicator_blocks);

// Shared by the families: a value object for one cell, sources filled in.
RecordValue make_value(const TableCell* cell, const Table& t, Role role,
                       const std::optional<Period>& column_period, const ValueHints& hints);
// Page and box (upright frame → as displayed) or text line; `page` 0 is the
// table's first page.
SourceRef source_of(const Table& t, const Box& box, int line, int page = 0);
// The unit of the first value read as a number, or "" when none was.
std::string first_value_unit(const KpiRecord& rec);
// A project cell's name: its first visual line when a long description
// follows (芦別's 具体的な施策 cells), else the cell's text, cleaned.
std::string project_name(const TableCell& cell);

}  // namespace kpix

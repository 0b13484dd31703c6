// Pages in reading order to KPI records: free lines feed the document context
// (and footnotes of the table above them), tables go to the recognizers, and
// once the last page is in, what only the whole document tells (municipality,
// plan end year, date) is filled in.
//
//   kpix::RecordBuilder b;
//   for (each page) b.add_page(page);          // one page at a time
//   auto records = b.finish(info, options, municipalities);
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parsers/municipality/municipality_index.h"
#include "pipeline/records/doc_context.h"
#include "pipeline/records/table_continuation.h"
#include "pipeline/records/wrapped_lines.h"
#include "pipeline/tables/header_label_cache.h"
#include "pipeline/model/record.h"
#include "pipeline/tables/recognizer.h"
#include "pipeline/model/document.h"
#include "pipeline/model/page_ranges.h"

namespace kpix {

struct BuildOptions {
  std::string municipality;  // overrides detection (name)
  std::string code;          // overrides detection (全国地方公共団体コード)
  std::vector<PageRange> pages = {};  // the pages to read (--pages; the extractor's); empty: every page
};

struct BuildSummary {
  int tables = 0, tables_recognized = 0;
  std::vector<std::string> notes;  // document-level warnings (ambiguous municipality, …)
};

class RecordBuilder {
 public:
  void add_page(const Page& page, bool from_text);
  std::vector<KpiRecord> finish(const DocumentInfo& info, const BuildOptions& options,
                                const MunicipalityIndex& municipalities);
  const BuildSummary& summary() const { return summary_; }

 private:
  // A table read up to its last part so far: its records are made once no
  // more of it can come (a table of its own follows, or text that is not the
  // page's furniture, or the document ends), so that rows carried over to
  // the next page, and a row split by the page break, are read with it.
  struct PendingTable {
    Table t;
    TableContext tc;
    bool indicator_blocks = false;
    size_t header_rows = 0;
    bool joined = false;             // rows of other parts joined on
    bool columns_by_header = false;  // body columns given by the header's cells
    std::optional<int> goal_number;  // the goal the table is under, as it began
    std::string goal_title;
  };

  // A free line (`text`: its cells' text, line_text) into the document
  // context and the notes under the table above; add_page reads its KPIs,
  // with the lines it wraps onto.
  void add_free_line(const Line& line, const std::string& text, const Page& page, bool from_text);
  // KPIs stated in words in a free line or a table's cell (prose_kpi.h), and
  // the actuals stated for them by name under a 実績 heading.
  void read_prose(const std::string& text, const SourceRef& src);
  void read_prose_cells(const Table& t);
  void read_sheet_plan_end(const std::string& text);
  void flush_footnotes();
  void reread_implied_eras();
  void check_subtotal(const std::string& line);
  // A page's table: cut where stacked tables join, each part added.
  void add_table(const std::vector<const Line*>& lines, const Page& page, bool from_text);
  // One table (or part of one), read with the table before when it goes on
  // with it. `indicator_blocks`: has_indicator_blocks(t), known to the
  // caller, and `header_rows` count_header_rows(t, era) where it knows it.
  void add_table(Table t, bool indicator_blocks, std::optional<size_t> header_rows = std::nullopt);
  void observe_table_rows(const Table& t);
  TableContext context_here() const;
  // Whether `t`, without a header of its own, goes on with the pending table:
  // the body of a lone header, or rows carried over to a new page.
  bool goes_on_pending(const Table& t) const;
  void append_to_pending(Table t);
  // The pending table's records made and kept.
  void finish_pending();
  // The last headed table's header and context, over its rows carried over
  // (and the rows the table before left for it: Recognized::carried).
  void join_last_table(Table& t, TableContext& tc, AlignBy by);
  // Rows left for a next table that does not continue theirs: a note each.
  void drop_carried_rows();
  void remember_header(const Table& t, size_t header_rows, const TableContext& tc);
  void keep_records(const PendingTable& p, Recognized r);
  void end_table();
  void read_project_fields(const Table& t);
  // `at_page_top`: `t` is the first thing on a new page after the pending
  // table, so cells whose edges were guessed from their text line up by
  // their ink (AlignBy::ink).
  bool continues_last_table(const Table& t, bool at_page_top = false) const;
  bool at_page_top_after_pending(const Table& t) const;
  // Whether the `header_rows` rows `t` starts with are not its header but
  // the tail of the pending table's last row, split by the page break.
  bool is_split_row_tail(const Table& t, size_t header_rows) const;
  // Whether every cell of `t` has both edges on lines of the last headed
  // table's grid (on_grid_lines: the same grid drawn on the next page; a
  // group column under a header cell spanning it and the names does not).
  bool cells_line_up_exactly(const Table& t) const;
  // How many of `t`'s cells line up with a cell of the last headed table
  // (aligned_with, table_continuation.h), of how many.
  struct Alignment {
    int aligned = 0, cells = 0;
  };
  Alignment aligned_cells(const Table& t, AlignBy by) const;
  // A free line that may stand between a table and its rows on the next page
  // (a page number, a running title) rather than end the table.
  bool is_page_furniture(const Line& line, const Page& page) const;
  // Whether the free lines from `i` (to the page's foot under the pending
  // table, or to the first table at the next page's top) all lie within
  // one cell of its last row: a cell's lines the page break spilled.
  // `prose`: the lines' text (add_page's, made once).
  bool spills_from_pending(const std::vector<Line>& lines, const std::vector<ProseLine>& prose, size_t i,
                           const Page& page, bool from_text) const;

  DocContext ctx_;
  // The header cells' answers, asked again of every page's tables.
  HeaderLabelCache header_labels_;
  std::optional<PendingTable> pending_;
  // The last table with a header, for a table continued on the next page
  // without one.
  std::vector<TableRow> last_header_;
  std::vector<TableCell> last_columns_;  // every cell of the last headed table: box and column
  TableContext last_context_;
  int last_headed_page_ = 0;  // the last page with rows of the last pending table, once it is finished
  std::vector<TableRow> carried_;  // rows the last table left for the one continuing it
  bool header_only_ = false;  // the last table had header rows and nothing else
  bool spilling_ = false;               // the page's free lines now are a cell's spilled lines
  bool table_at_page_top_ = false;      // the table being added is its page's first, at its top
  int last_table_page_ = 0;             // the page the last table was added on
  bool text_after_last_table_ = false;  // text other than furniture followed it on that page
  std::optional<int> spilled_at_foot_;  // the last page a cell spilled at the foot of
  std::set<std::string> running_furniture_;  // furniture texts seen (digits_masked)
  std::vector<KpiRecord> records_;
  size_t last_table_begin_ = 0, last_table_end_ = 0;
  std::string after_table_;  // free text since the last table
  std::string recent_;       // the last few free lines (heading of the next table)
  std::optional<int> max_target_year_;
  // Records whose years have an implied era, with the era they were read under.
  std::vector<std::pair<size_t, std::string>> implied_era_;
  std::vector<size_t> prose_records_;    // records read from prose, for their actuals
  bool prose_actuals_ = false;           // under a 実績 heading
  std::optional<int> prose_actual_year_;  // the year that heading names
  std::optional<int> sheet_plan_end_;     // a sheet's 実施期間 field or 達成見込み year
  size_t subtotal_from_ = 0;  // first record after the last 小計 line
  BuildSummary summary_;
};

}  // namespace kpix

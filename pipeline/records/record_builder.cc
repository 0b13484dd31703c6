#include "pipeline/records/record_builder.h"

#include <algorithm>
#include <cmath>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

#include "pipeline/records/document_facts.h"
#include "pipeline/records/prose_kpi.h"
#include "pipeline/records/record_rules.h"
#include "pipeline/records/table_notes.h"
#include "pipeline/records/wrapped_lines.h"
#include "pipeline/tables/form_fields.h"
#include "pipeline/tables/recognizer.h"
#include "pipeline/tables/table_shape.h"
#include "pipeline/model/orientation.h"

namespace kpix {
namespace {

constexpr size_t kRecentChars = 600;
// How far below a lone header its unruled body may start and end (lines).
constexpr size_t kBodyLookahead = 12;
// A free line counts as the page's furniture (page number, running title)
// when it lies in this share of the page's height at its top or bottom and
// holds at most kFurnitureMaxChars characters.
constexpr double kFurnitureBandShare = 0.08;
constexpr size_t kFurnitureMaxChars = 40;
// A page's first table whose first row starts within this share of the
// page's height from its top is at the page's top: the rows of a table the
// page broke (a line or two of a cell spilled over it may stand above).
constexpr double kPageTopShare = 0.2;
// A free line at a page's foot under the pending table, or at the next
// page's top over its rows, is a cell's text spilled past the page break
// when it lies within one cell of the table's last row (this many points
// of slack), a cell narrower than this share of the table (not a note
// across it).
constexpr double kSpillSlack = 4;
constexpr double kSpillColumnShare = 0.5;

std::string line_text(const Line& l) {
  std::string out;
  for (const Cell& c : l.cells) {
    if (c.text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += flatten_cell_text(c.text);
  }
  return out;
}

// The body of a lone header: of the free lines from `i` (at most
// kBodyLookahead, up to the next table or note), those with several cells;
// the wrapped text around them stays free text. `end` is the line after them.
struct LoneHeaderBody {
  std::vector<const Line*> rows;
  size_t end = 0;
};

LoneHeaderBody lone_header_body(const std::vector<Line>& lines, size_t i) {
  LoneHeaderBody body;
  size_t j = i;
  for (; j < lines.size() && j < i + kBodyLookahead && lines[j].table < 0; ++j) {
    std::string text = line_text(lines[j]);
    if (text.starts_with("※") || text.starts_with("【")) break;
    if (lines[j].cells.size() >= 2) body.rows.push_back(&lines[j]);
  }
  body.end = j;
  return body;
}

// Text with its ASCII digits as '#' and its spaces squeezed: a page's
// running head or foot as every page prints it.
std::string digits_masked(const std::string& text) {
  std::string out = squeeze_text(text);
  for (char& c : out)
    if (c >= '0' && c <= '9') c = '#';
  return out;
}

}  // namespace

void RecordBuilder::add_page(const Page& page, bool from_text) {
  const auto& lines = page.lines;
  spilling_ = false;
  // Free lines as the prose reader sees them, their text made once (a table's
  // lines are left empty: a budget book has tens of thousands).
  std::vector<ProseLine> prose(lines.size());
  for (size_t k = 0; k < lines.size(); ++k)
    if (lines[k].table < 0) prose[k] = {line_text(lines[k]), lines[k].box};
  double right_edge = free_text_right_edge(prose);
  for (size_t i = 0; i < lines.size();) {
    // 1. Under a header that stands alone (ruled header, unruled body), the
    //    next free lines with several cells are its rows.
    if (lines[i].table < 0 && header_only_ && !from_text) {
      LoneHeaderBody body = lone_header_body(lines, i);
      if (!body.rows.empty()) {
        for (size_t k = i; k < body.end; ++k)
          if (lines[k].cells.size() < 2) ctx_.observe(line_text(lines[k]));
        Table t = make_table(body.rows, page, from_text);
        assign_band_columns(t);
        bool blocks = is_form_table(t, ctx_.era());
        add_table(std::move(t), blocks);
        i = body.end;
        continue;
      }
      header_only_ = false;
    }
    // 2. A free line, and the lines its sentence wraps onto (wrapped_lines.h),
    //    read as one text for the KPIs it states. The lines a cell of the
    //    pending table spills past it at the page break do not end it.
    if (lines[i].table < 0) {
      if (!spilling_ && spills_from_pending(lines, prose, i, page, from_text)) {
        spilling_ = true;
        if (pending_->t.rows.back().page == page.number) spilled_at_foot_ = page.number;
      }
      size_t j = i + 1;
      if (!from_text)
        while (j < lines.size() && lines[j].table < 0 && wraps_onto(prose[j - 1], prose[j], right_edge)) ++j;
      std::string sentence;
      Box box;
      for (size_t k = i; k < j; ++k) {
        add_free_line(lines[k], prose[k].text, page, from_text);
        sentence += prose[k].text;
        box = box.united(lines[k].box);
      }
      SourceRef src;
      src.page = page.number;
      if (from_text) src.line = lines[i].source_line;
      else src.bbox = displayed_box(page, box);
      read_prose(sentence, src);
      i = j;
      continue;
    }
    // 3. A table: the run of lines with its id.
    spilling_ = false;
    size_t j = i;
    std::vector<const Line*> rows;
    while (j < lines.size() && lines[j].table == lines[i].table) rows.push_back(&lines[j++]);
    add_table(rows, page, from_text);
    i = j;
  }
}

void RecordBuilder::add_free_line(const Line& line, const std::string& text, const Page& page, bool from_text) {
  // Text below or above a table ends it, but for the page's furniture
  // between a table and its rows on the next page, and a cell's lines
  // spilled past it at the page break.
  bool furniture = !from_text && is_page_furniture(line, page);
  if (pending_ && !spilling_ && !furniture) finish_pending();
  if (page.number == last_table_page_ && !furniture) text_after_last_table_ = true;
  ctx_.observe(text);
  check_subtotal(text);
  // A running head or foot (text in the page's edge band that an earlier
  // page printed there too, its numbers aside) is no note under the table
  // before it and no heading of the table after it: `令和6年度 … 報告書`
  // over every page gave a table's 5年間合計 target that year.
  if (furniture && !running_furniture_.insert(digits_masked(text)).second) return;
  after_table_ += text + "\n";
  recent_ += text + "\n";
  if (recent_.size() > kRecentChars) recent_.erase(0, recent_.size() - kRecentChars);
}

void RecordBuilder::add_table(const std::vector<const Line*>& lines, const Page& page, bool from_text) {
  // The page's first table, at its top, on the page after a table the page
  // broke (no text after it).
  table_at_page_top_ = !from_text && last_table_page_ + 1 == page.number && !text_after_last_table_ &&
                       !lines.empty() && lines.front()->box.y0 <= kPageTopShare * page.height;
  last_table_page_ = page.number;
  text_after_last_table_ = false;
  Table whole = make_table(lines, page, from_text);
  // A form's `年度 | ３年度 | …` row belongs to the indicator block it is in;
  // it heads no stacked table of its own.
  if (is_form_table(whole, ctx_.era())) {
    add_table(std::move(whole), true);
    return;
  }
  // Nor does any part of it: a block is rows one after another, in the
  // whole table if in a part.
  // The header rows are counted once: a table with no cut is its only part.
  size_t header_rows = count_header_rows(whole, ctx_.era(), header_labels_);
  std::vector<Table> parts = split_stacked_tables(std::move(whole), ctx_.era(), header_rows, header_labels_);
  if (parts.size() == 1) {
    add_table(std::move(parts[0]), false, header_rows);
    return;
  }
  for (Table& t : parts) add_table(std::move(t), false);
}

void RecordBuilder::read_project_fields(const Table& t) {
  for (const TableRow& row : t.rows)
    if (auto project = project_field(row)) ctx_.observe_project_field(*project);
}

void RecordBuilder::add_table(Table t, bool indicator_blocks, std::optional<size_t> counted_header_rows) {
  // 1. Its rows, for a document that names itself only in its tables; KPIs
  //    its cells state in words; a cap it reached (table.h), for the
  //    document's summary, whatever the table turns out to be (and for its
  //    records' warnings, in keep_records).
  observe_table_rows(t);
  read_prose_cells(t);
  for (const std::string& n : t.notes) summary_.notes.push_back(n);
  // 2. Rows that go on with the pending table: the body of a lone header (a
  //    ruled header row over an unruled body comes out as two tables one
  //    right under the other), or rows carried over to a new page.
  size_t header_rows = counted_header_rows ? *counted_header_rows : count_header_rows(t, ctx_.era(), header_labels_);
  if (header_rows > 0 && is_split_row_tail(t, header_rows)) header_rows = 0;
  if (header_rows == 0 && goes_on_pending(t)) {
    append_to_pending(std::move(t));
    end_table();
    return;
  }
  // 3. Any other table ends the one before: its records, and the notes under it.
  finish_pending();
  flush_footnotes();
  // 4. What the page says of it, and what it goes on from: the table before,
  //    carried over to a new page after text that ended it (read under that
  //    table's header and context); else, with no header of its own, it is a
  //    form; with one, it heads the tables to come.
  TableContext tc = context_here();
  // Rows at the top of a later page than the last header's, their columns
  // cut from their own text, line up with it by their ink (as rows carried
  // after the pending table do).
  bool later_page = table_at_page_top_ && !t.rows.empty() && !last_header_.empty() &&
                    t.rows.front().page > last_header_.back().page;
  // A table goes on at most on the page after the last that held its rows: a
  // table with no header pages later (after text pages) is another table.
  bool near = !t.rows.empty() && t.rows.front().page <= last_headed_page_ + 1;
  if (header_rows == 0 && !(near && continues_last_table(t, later_page))) {
    // No header and nothing to continue: a form (label | value rows), whose
    // fields may name the project of the tables after it. Only indicator
    // blocks are read in one; otherwise no family reads it (the tables of a
    // budget book), so it is not sniffed at all.
    // Overflow text Calc prints under a sheet's grid (a name cell's lines
    // beside `Page 14`) stands between the rows left for the next page and
    // it: they wait through a form on their own page or the next.
    if (!t.rows.empty() && !carried_.empty() && t.rows.front().page > carried_.front().page + 1) drop_carried_rows();
    if (!indicator_blocks) {
      read_project_fields(t);
      ++summary_.tables;
      last_table_begin_ = last_table_end_ = records_.size();
      end_table();
      return;
    }
  } else if (header_rows == 0) {
    join_last_table(t, tc, later_page ? AlignBy::ink : AlignBy::shared_width);
    header_rows = last_header_.size();
    indicator_blocks = is_form_table(t, ctx_.era());  // with the header's rows on top
  } else {
    drop_carried_rows();
    remember_header(t, header_rows, tc);
  }
  // 5. Pending until no more of it can come.
  pending_ = PendingTable{std::move(t), tc, indicator_blocks, header_rows, false, false, ctx_.goal_number(), ctx_.goal_title()};
  end_table();
}

void RecordBuilder::finish_pending() {
  if (!pending_) return;
  PendingTable p = std::move(*pending_);
  pending_.reset();
  if (!p.t.rows.empty()) last_headed_page_ = p.t.rows.back().page;
  if (p.joined) p.indicator_blocks = is_form_table(p.t, p.tc.era);  // with the rows joined on
  keep_records(p, recognize_table(p.t, p.tc, p.indicator_blocks));
}

void RecordBuilder::observe_table_rows(const Table& t) {
  // Rows joined only while the context keeps them: a budget book has
  // tens of thousands.
  for (size_t i = 0; i < t.rows.size() && ctx_.wants_table_rows(); ++i) {
    const TableRow& row = t.rows[i];
    std::string text;
    for (const TableCell& c : row.cells) text += (text.empty() ? "" : " ") + c.text;
    ctx_.observe_table_row(text);
  }
}

TableContext RecordBuilder::context_here() const {
  TableContext tc;
  tc.era = ctx_.era();
  tc.project_title = ctx_.project_title() ? ctx_.project_title() : ctx_.measure_title();
  tc.goal_section = ctx_.goal_section();
  tc.unit_hint = ctx_.unit_hint();
  tc.heading = recent_;
  return tc;
}

void RecordBuilder::keep_records(const PendingTable& p, Recognized r) {
  const Table& t = p.t;
  const TableContext& tc = p.tc;
  if (tc.continued)
    for (RecordValue& v : r.continuation) records_.back().values.push_back(std::move(v));
  drop_carried_rows();
  carried_ = std::move(r.carried);
  ++summary_.tables;
  last_table_begin_ = records_.size();
  // A family that read the table but could not make records of it says why.
  if (!r.family.empty() && r.records.empty())
    for (const std::string& w : r.warnings) summary_.notes.push_back("page " + std::to_string(t.page) + ": " + w);
  // A table of no KPIs may still be the form naming the project of the next
  // (`担当部署名 | 審査指導課 | 事務事業名 | 建築指導事務事業`).
  if (r.records.empty()) read_project_fields(t);
  if (!r.family.empty() && !r.records.empty()) {
    ++summary_.tables_recognized;
    for (KpiRecord& rec : r.records) {
      // Statistics describe the municipality, not one of its goals.
      if (rec.level != "statistic") {
        rec.goal_number = p.goal_number;
        rec.goal_title = p.goal_title;
      }
      for (const std::string& w : r.warnings) rec.warnings.push_back(w);
      for (const std::string& n : t.notes) rec.warnings.push_back(n);
      enforce_record_rules(rec);
      for (const RecordValue& v : rec.values)
        if (v.role == Role::target && v.period) max_target_year_ = std::max(max_target_year_.value_or(0), v.period->end);
      if (r.era_implied) implied_era_.emplace_back(records_.size(), tc.era);
      records_.push_back(std::move(rec));
    }
    // The heading named this table's project (unless a running title said
    // something else since).
    if (ctx_.project_title() && !tc.goal_section && ctx_.project_title() == tc.project_title) ctx_.consume_project_title();
  }
  last_table_end_ = records_.size();
  end_table();
}

bool RecordBuilder::spills_from_pending(const std::vector<Line>& lines, const std::vector<ProseLine>& prose,
                                        size_t i, const Page& page, bool from_text) const {
  if (from_text || !pending_ || pending_->t.rows.empty()) return false;
  const TableRow& split = pending_->t.rows.back();
  // At the next page's top only when the same cell spilled at the foot of
  // the page before (a sheet's title over the next page is no spill).
  bool foot = split.page == page.number, top = split.page + 1 == page.number && spilled_at_foot_ == split.page;
  if (!foot && !top) return false;
  // The free lines from `i` up to the page's end (under the table at its
  // foot) or its next table (at the next page's top).
  size_t end = i;
  while (end < lines.size() && lines[end].table < 0) ++end;
  if (foot ? end != lines.size() : end == lines.size()) return false;
  auto is_table = [](const Line& l) { return l.table >= 0; };
  if (top && std::any_of(lines.begin(), lines.begin() + long(i), is_table)) return false;
  double table_width = pending_->t.box.width();
  auto in_a_column = [&](const Line& l) {
    return std::any_of(split.cells.begin(), split.cells.end(), [&](const TableCell& c) {
      return c.box.width() < kSpillColumnShare * table_width && l.box.x0 >= c.box.x0 - kSpillSlack &&
             l.box.x1 <= c.box.x1 + kSpillSlack;
    });
  };
  bool any = false;
  Box spilled;
  for (size_t k = i; k < end; ++k) {
    // The page's furniture may stand among them (a page number); a short
    // spilled line in the page's edge band reads as furniture too.
    bool in_column = in_a_column(lines[k]);
    if (in_column) spilled = spilled.united(displayed_box(page, lines[k].box));
    if (is_page_furniture(lines[k], page)) continue;
    if (starts_note(prose[k].text) || !in_column) return false;
    any = true;
  }
  // Spilled lines run on to the page's edge: the foot (or, on the next
  // page, from its top).
  double band = page.height * kFurnitureBandShare;
  return any && (foot ? spilled.y1 >= page.height - band : spilled.y0 <= band);
}

bool RecordBuilder::is_page_furniture(const Line& line, const Page& page) const {
  double band = page.height * kFurnitureBandShare;
  Box b = displayed_box(page, line.box);
  bool edge = b.y1 <= band || b.y0 >= page.height - band;
  return edge && char_count(line_text(line)) <= kFurnitureMaxChars;
}

// What was said above a table is said of it alone.
void RecordBuilder::end_table() {
  ctx_.clear_unit_hint();
  recent_.clear();
}

// Footnotes under the last table give periods its cells and header did not.
void RecordBuilder::flush_footnotes() {
  std::string text;
  text.swap(after_table_);
  if (last_table_end_ <= last_table_begin_ || text.empty()) return;
  apply_table_notes(text, ctx_.era(), records_, last_table_begin_, last_table_end_);
}

std::vector<KpiRecord> RecordBuilder::finish(const DocumentInfo& info, const BuildOptions& options,
                                             const MunicipalityIndex& municipalities) {
  // 1. The last table, and the notes under it.
  finish_pending();
  flush_footnotes();
  drop_carried_rows();
  // 2. Years of an implied era read before the document named its era (a
  //    sheet whose 平成 comes on its last page), under the era it names.
  reread_implied_eras();
  // 3. The municipality: given, or the most named one.
  MunicipalityChoice municipality = choose_municipality(options.municipality, options.code, municipalities, ctx_.lines(),
                                                        ctx_.table_lines(), summary_.notes);
  // 4. Units the cells do not print: from the names, and from the rows shared.
  fill_units_from_names(records_);
  fill_units_of_shared_rows(records_);
  // 5. The document's facts, and the year of targets set for the plan's end.
  fill_document(records_, municipality, info, ctx_.title(), ctx_.date());
  fill_plan_end(records_, ctx_.plan_end() ? ctx_.plan_end() : sheet_plan_end_ ? sheet_plan_end_ : max_target_year_);
  // 6. One value per role and period, now that every period is known.
  for (KpiRecord& rec : records_) keep_one_value_per_role_and_period(rec);
  return std::move(records_);
}

}  // namespace kpix

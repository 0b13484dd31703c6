#include "pipeline/records/record_builder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

#include "pipeline/records/footnote.h"
#include "pipeline/records/headline.h"
#include "pipeline/tables/form_fields.h"
#include "pipeline/tables/recognizer.h"
#include "pipeline/tables/table_shape.h"
#include "pipeline/model/orientation.h"

namespace kpix {
namespace {

constexpr size_t kRecentChars = 600;
// How far below a lone header its unruled body may start and end (lines).
constexpr size_t kBodyLookahead = 12;

std::string line_text(const Line& l) {
  std::string out;
  for (const Cell& c : l.cells) {
    if (c.text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += flatten_cell_text(c.text);
  }
  return out;
}

bool has_qualifier(const NormalizedValue& v, std::string_view q) {
  return std::find(v.qualifiers.begin(), v.qualifiers.end(), q) != v.qualifiers.end();
}

// Counters a name ends with (`…の実施件数` → 件), and for statistics the
// nouns that count people (`出生`, `転入`, `増減数`). Longest first.
std::string unit_from_name(const std::string& name, const std::string& level) {
  struct Suffix {
    std::string_view end, unit;
  };
  static constexpr Suffix kCounters[] = {{"世帯数", "世帯"}, {"団体数", "団体"}, {"施設数", "施設"}, {"件数", "件"},
                                         {"人数", "人"},     {"者数", "人"},     {"回数", "回"},     {"校数", "校"},
                                         {"社数", "社"}};
  for (const Suffix& s : kCounters)
    if (name.ends_with(s.end)) return std::string(s.unit);
  if (level == "statistic" && !name.ends_with("率")) {  // a rate (合計特殊出生率) counts no one
    static constexpr std::string_view kPeople[] = {"人口", "出生", "死亡", "転入", "転出", "増減数", "増減"};
    for (std::string_view w : kPeople)
      if (name.find(w) != std::string::npos) return "人";
  }
  return {};
}

}  // namespace

void RecordBuilder::add_page(const Page& page, bool from_text) {
  const auto& lines = page.lines;
  for (size_t i = 0; i < lines.size();) {
    // Under a header that stands alone (ruled header, unruled body), the
    // next free lines with several cells are its rows; the wrapped text
    // around them stays free text.
    if (lines[i].table < 0 && header_only_ && !from_text) {
      std::vector<const Line*> body;
      size_t j = i;
      for (; j < lines.size() && j < i + kBodyLookahead && lines[j].table < 0; ++j) {
        std::string text = line_text(lines[j]);
        if (text.starts_with("※") || text.starts_with("【")) break;
        if (lines[j].cells.size() >= 2) body.push_back(&lines[j]);
      }
      if (!body.empty()) {
        for (size_t k = i; k < j; ++k)
          if (lines[k].cells.size() < 2) ctx_.observe(line_text(lines[k]));
        Table t = make_table(body, page, from_text);
        assign_band_columns(t);
        add_table(std::move(t));
        i = j;
        continue;
      }
      header_only_ = false;
    }
    if (lines[i].table < 0) {
      std::string text = line_text(lines[i]);
      ctx_.observe(text);
      check_subtotal(text);
      after_table_ += text + "\n";
      recent_ += text + "\n";
      if (recent_.size() > kRecentChars) recent_.erase(0, recent_.size() - kRecentChars);
      if (auto rec = read_headline(text, ctx_.era())) {
        rec->goal_number = ctx_.goal_number();
        rec->goal_title = ctx_.goal_title();
        rec->source.page = page.number;
        if (from_text) rec->source.line = lines[i].source_line;
        else rec->source.bbox = displayed_box(page, lines[i].box);
        for (auto& v : rec->values) v.source = rec->source;
        records_.push_back(std::move(*rec));
      }
      ++i;
      continue;
    }
    size_t j = i;
    std::vector<const Line*> rows;
    while (j < lines.size() && lines[j].table == lines[i].table) rows.push_back(&lines[j++]);
    add_table(rows, page, from_text);
    i = j;
  }
}

void RecordBuilder::add_table(const std::vector<const Line*>& lines, const Page& page, bool from_text) {
  Table whole = make_table(lines, page, from_text);
  // A form's `年度 | ３年度 | …` row belongs to the indicator block it is in;
  // it heads no stacked table of its own.
  if (has_indicator_blocks(whole)) {
    add_table(std::move(whole));
    return;
  }
  for (Table& t : split_stacked_tables(whole, ctx_.era())) add_table(std::move(t));
}

void RecordBuilder::read_project_fields(const Table& t) {
  for (const TableRow& row : t.rows)
    if (auto project = project_field(row)) ctx_.observe_project_field(*project);
}

void RecordBuilder::add_table(Table t) {
  flush_footnotes();
  // Rows joined only while the context keeps them: a budget book has
  // tens of thousands.
  for (size_t i = 0; i < t.rows.size() && ctx_.wants_table_rows(); ++i) {
    const TableRow& row = t.rows[i];
    std::string text;
    for (const TableCell& c : row.cells) text += (text.empty() ? "" : " ") + c.text;
    ctx_.observe_table_row(text);
  }
  TableContext tc;
  tc.era = ctx_.era();
  tc.project_title = ctx_.project_title() ? ctx_.project_title() : ctx_.measure_title();
  tc.goal_section = ctx_.goal_section();
  tc.unit_hint = ctx_.unit_hint();
  tc.heading = recent_;
  size_t header_rows = count_header_rows(t, tc.era);
  // A ruled header row over an unruled body (borders only on the header)
  // comes out as two tables one right under the other: join them.
  bool body_of_header = header_rows == 0 && header_only_ && after_table_.empty() && !last_header_.empty();
  if (body_of_header) {
    t.rows.insert(t.rows.begin(), last_header_.begin(), last_header_.end());
    assign_columns_by_header(t, last_header_.size());
    tc = last_context_;
    header_only_ = false;
  } else if (header_rows == 0 && !continues_last_table(t)) {
    // No header and nothing to continue: a form (label | value rows), whose
    // fields may name the project of the tables after it. Only indicator
    // blocks are read in one; otherwise no family reads it (the tables of a
    // budget book), so it is not sniffed at all.
    if (!has_indicator_blocks(t)) {
      read_project_fields(t);
      ++summary_.tables;
      last_table_begin_ = last_table_end_ = records_.size();
      ctx_.clear_unit_hint();
      recent_.clear();
      return;
    }
  } else if (header_rows == 0) {
    // Rows carried over to a new page: read them under the header (and the
    // context) of the table they continue.
    // Grid columns are numbered per page: take the numbers of the cells
    // they line up with.
    for (TableRow& row : t.rows)
      for (TableCell& c : row.cells)
        for (const TableCell& prev : last_columns_)
          if (std::fabs(prev.box.x0 - c.box.x0) < 4 && std::fabs(prev.box.x1 - c.box.x1) < 4) {
            c.column = prev.column;
            break;
          }
    t.rows.insert(t.rows.begin(), last_header_.begin(), last_header_.end());
    tc = last_context_;
    if (last_table_end_ > last_table_begin_ && last_table_end_ == records_.size()) {
      const KpiRecord& last = records_.back();
      tc.continued = ContinuedRecord{last.section, last.project, last.unit};
    }
  } else if (header_rows > 0) {
    header_only_ = header_rows == t.rows.size();
    last_header_.assign(t.rows.begin(), t.rows.begin() + long(header_rows));
    last_columns_.clear();
    for (const TableRow& row : t.rows)
      for (const TableCell& c : row.cells) last_columns_.push_back(c);
    last_context_ = tc;
  }
  Recognized r = recognize_table(t, tc);
  if (tc.continued)
    for (RecordValue& v : r.continuation) records_.back().values.push_back(std::move(v));
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
        rec.goal_number = ctx_.goal_number();
        rec.goal_title = ctx_.goal_title();
      }
      for (const std::string& w : r.warnings) rec.warnings.push_back(w);
      for (const RecordValue& v : rec.values)
        if (v.role == "target" && v.period) max_target_year_ = std::max(max_target_year_.value_or(0), v.period->end);
      records_.push_back(std::move(rec));
    }
    if (ctx_.project_title() && !tc.goal_section) ctx_.consume_project_title();
  }
  last_table_end_ = records_.size();
  ctx_.clear_unit_hint();
  recent_.clear();
}

bool RecordBuilder::continues_last_table(const Table& t) const {
  if (last_header_.empty() || t.from_text) return false;
  // Most cells start where a cell of the last table started.
  int cells = 0, aligned = 0;
  for (const TableRow& row : t.rows)
    for (const TableCell& c : row.cells) {
      ++cells;
      for (const TableCell& prev : last_columns_)
        if (std::fabs(prev.box.x0 - c.box.x0) < 4 && std::fabs(prev.box.x1 - c.box.x1) < 4) {
          ++aligned;
          break;
        }
    }
  return cells > 0 && aligned * 10 >= cells * 8;
}

// `小計(事業数:8、KPI数:7)`: the document's own count of the projects and KPIs
// listed since the last subtotal, checked against what was read.
void RecordBuilder::check_subtotal(const std::string& line) {
  static const RE2 subtotal("(小計|合計)\\s*[(（]\\s*事業数\\s*[:：]\\s*(\\d+)\\s*[、,]\\s*KPI数\\s*[:：]\\s*(\\d+)");
  std::string kind;
  int projects = 0, kpis = 0;
  if (!RE2::PartialMatch(normalize_text(line), subtotal, &kind, &projects, &kpis)) return;
  if (kind == "合計") return;  // the grand total repeats the subtotals
  std::set<std::string> names;
  int read = 0;
  for (size_t i = subtotal_from_; i < records_.size(); ++i) {
    if (records_[i].level != "project") continue;
    ++read;
    if (records_[i].project) names.insert(*records_[i].project);
  }
  subtotal_from_ = records_.size();
  if (read != kpis)
    summary_.notes.push_back(normalize_text(line) + ": the document counts " + std::to_string(kpis) + " KPIs, " +
                             std::to_string(read) + " were read");
}

// Footnotes under the last table give periods its cells and header did not.
void RecordBuilder::flush_footnotes() {
  std::string text;
  text.swap(after_table_);
  if (last_table_end_ <= last_table_begin_ || text.empty()) return;
  // One statement per note: notes start with ※ or a list item.
  std::vector<std::string> notes;
  std::string cur;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? text.size() : nl + 1;
    bool opens = line.starts_with("※") || line.starts_with("-") || line.starts_with("・") ||
                 line.starts_with("①") || line.starts_with("②") || line.starts_with("③") || line.starts_with("④");
    // Headings and budget lines end a note; other lines continue it (a note
    // wrapped over several lines of a PDF).
    bool closes = line.starts_with("○") || line.starts_with("【") || line.starts_with("●") ||
                  line.find("基本目標") != std::string::npos;
    if ((opens || closes) && !cur.empty()) {
      notes.push_back(cur);
      cur.clear();
    }
    if (!closes) cur += line;
  }
  if (!cur.empty()) notes.push_back(cur);
  for (const std::string& note : notes) {
    for (const FootnoteStatement& st : parse_footnote(note, ctx_.era())) {
      for (size_t i = last_table_begin_; i < last_table_end_; ++i) {
        KpiRecord& rec = records_[i];
        if (!st.rows.empty() && !st.rows.count(rec.marker)) continue;
        for (RecordValue& v : rec.values) {
          if (v.role != st.role || v.v.period) continue;
          if (st.period && (!v.period || v.plan_end_pending)) {
            v.period = st.period;
            v.plan_end_pending = false;
          }
          if (st.role == "target" && st.per_year && !has_qualifier(v.v, "per_year") && v.v.status == ValueStatus::ok)
            v.v.qualifiers.push_back("per_year");
        }
      }
    }
  }
}

std::vector<KpiRecord> RecordBuilder::finish(const DocumentInfo& info, const BuildOptions& options,
                                             const MunicipalityIndex& municipalities) {
  flush_footnotes();
  // The municipality: given, or the most named one.
  std::string name = options.municipality;
  std::optional<std::string> code;
  if (!options.code.empty()) {
    if (const Municipality* m = municipalities.by_code(options.code)) {
      code = m->code;
      if (name.empty()) name = m->name;
    } else {
      summary_.notes.push_back("unknown municipality code " + options.code);
    }
  } else {
    std::string context;
    for (const std::string& l : ctx_.lines()) context += l + "\n";
    MunicipalityMatch m = name.empty() ? municipalities.detect(ctx_.lines()) : municipalities.resolve(name, context);
    // A sheet printed wholly as tables (横浜's 事業評価書) names itself only in their cells.
    if (name.empty() && m.name.empty()) m = municipalities.detect(ctx_.table_lines());
    if (name.empty()) name = m.name;
    if (const Municipality* c = m.chosen()) code = c->code;
    if (!m.warning.empty()) summary_.notes.push_back(m.warning);
  }
  std::optional<int> plan_end = ctx_.plan_end() ? ctx_.plan_end() : max_target_year_;
  // A record whose cells print no unit: the counter its name ends with.
  for (KpiRecord& rec : records_)
    if (rec.unit.empty() && !rec.shared_with) {
      rec.unit = unit_from_name(rec.indicator, rec.level);
      if (!rec.unit.empty())
        for (RecordValue& v : rec.values)
          if (v.v.status == ValueStatus::ok && v.v.unit.empty() && v.role != "achievement") v.v.unit = rec.unit;
    }
  // A shared row has no values of its own: its unit is that of the row it
  // shares (same indicator, in the project it names).
  for (KpiRecord& rec : records_) {
    if (!rec.shared_with || !rec.unit.empty()) continue;
    for (const KpiRecord& other : records_)
      if (&other != &rec && !other.unit.empty() && other.indicator == rec.indicator) {
        rec.unit = other.unit;
        if (other.project == rec.shared_with) break;
      }
  }
  for (KpiRecord& rec : records_) {
    if (!name.empty()) rec.municipality_name = name;
    else rec.warnings.push_back("no municipality named in the document; give --municipality or --code");
    rec.municipality_code = code;
    rec.document_file = info.file_name;
    rec.document_sha256 = info.sha256;
    rec.document_title = ctx_.title().empty() ? info.title : ctx_.title();
    rec.document_date = ctx_.date();
    for (RecordValue& v : rec.values) {
      if (!v.plan_end_pending) continue;
      v.plan_end_pending = false;
      if (!plan_end) {
        rec.warnings.push_back("target " + v.v.raw + " has no year and the plan's end is unknown");
        continue;
      }
      Period p;
      p.end = *plan_end;
      p.start = v.plan_years > 0 ? *plan_end - v.plan_years + 1 : *plan_end;
      p.basis = Basis::fiscal;
      if (v.plan_years > 0) p.agg = has_qualifier(v.v, "average") ? Agg::mean : Agg::sum;
      v.period = p;
    }
  }
  return std::move(records_);
}

}  // namespace kpix

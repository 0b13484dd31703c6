// Family name_rows: an evaluation sheet whose indicator's name sits in a row of
// its own above the row of its values (神戸's 事務事業評価シート, ≪事業実績等≫):
//
//   |            | 項 目（単位）【数値目標】                               |
//   |            | 20年度実績 | 21年度実績 | … | 25年度見込み              |
//   | 事業実績（C）| 対象施設数 ※…  (one cell over every year column)     |
//   |            | ※          | ※          | … | 286                       |
//   | 単位あたり   |            (an empty name row)                      |
//   | コスト(A／C) | -           | -          | … | 702                       |
//   | 市民一人…(単位：円) | 150 | 155        | … | 130                       |
//
// The header names the grammar (`項目（単位）` over year columns with roles);
// the first column labels blocks of rows (its cell spans them). A values row
// takes the name of the name row right above it in its block, else the
// block's label; the label's `（単位：円）` and a name's `（千円／人）` give the
// unit, `【０】` after a name its 数値目標 (a target for the plan's end).
// Years have the document's era (`20年度` under 平成 = FY2008); a `見込み`
// column is the header's role (実績 → actual) with qualifier estimate.
#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/names.h"
#include "parsers/normalize/text.h"
#include "pipeline/tables/recognizer.h"

namespace kpix {
namespace {

// A cell may stick out of its column by this much (points) and still be in it.
constexpr double kEdgeTolerance = 2.0;
// The header's words: an item column with its unit (`項目(単位)`,
// `項目(単位:百万円)`), over the year columns.
constexpr std::string_view kHeaderWord = "項目(単位";
// Words a unit in a name row's bracket is made of (`(トン)`, `(千円/トン)`,
// `(単位:千m3)`); a bracket of other words (`(定員)`, `(1日平均)`) is part
// of the name.
constexpr std::string_view kUnitWords[] = {"円", "人", "件", "t", "トン", "日", "食", "ha", "㎡", "m", "%",
                                           "本", "回", "施設", "校", "世帯", "台", "箇所", "か所", "戸", "床"};
constexpr size_t kUnitMaxChars = 8;

struct YearColumn {
  Box span;
  std::optional<Role> role;  // set for every column year_columns returns
  Period period;
  bool estimate = false;
};

struct Grammar {
  size_t body = 0;  // first row under the year row
  bool era_implied = true;  // no year column writes its era
  std::string unit;  // the header's `(単位:百万円)`: the unit of the 事業実績 rows
  double label_right = 0;  // the label column ends here; year columns begin
  std::vector<YearColumn> years;
};

std::string squeezed(std::string_view raw) {
  std::string out;
  for (char c : normalize_text(raw))
    if (c != ' ') out += c;
  return out;
}

// The header cell's text, or nullopt when the row is not the header.
std::optional<std::string> header_text(const TableRow& row) {
  for (const TableCell& c : row.cells)
    if (std::string t = squeezed(c.text); t.find(kHeaderWord) != std::string::npos) return t;
  return std::nullopt;
}

// `20年度実績 | … | 25年度見込み`: every cell a single year with a role, or
// 見込 (the role of the others).
std::vector<YearColumn> year_columns(const TableRow& row, std::string_view era) {
  std::vector<YearColumn> out;
  std::optional<Role> common;
  for (const TableCell& c : row.cells) {
    std::string t = remove_layout_spaces(normalize_text(c.text));
    ColumnInfo info = classify_label({t}, era);
    if (!info.period || info.period->start != info.period->end) return {};
    YearColumn y{c.box, info.role, *info.period, t.find("見込") != std::string::npos};
    if (!y.estimate && y.role != Role::actual && y.role != Role::target) return {};
    if (!y.estimate && !common) common = y.role;
    out.push_back(std::move(y));
  }
  for (YearColumn& y : out)
    if (y.estimate && (!y.role || y.role == Role::target)) y.role = common.value_or(Role::actual);
  return out.size() >= 2 ? out : std::vector<YearColumn>{};
}

std::optional<Grammar> grammar_of(const Table& t, std::string_view era) {
  for (size_t r = 0; r + 2 < t.rows.size() && r < 3; ++r) {
    std::optional<std::string> header = header_text(t.rows[r]);
    if (!header) continue;
    Grammar g;
    static const RE2 unit("項目\\(単位[:：]([^()]+)\\)");
    RE2::PartialMatch(*header, unit, &g.unit);
    g.years = year_columns(t.rows[r + 1], era);
    if (g.years.empty()) return std::nullopt;
    g.body = r + 2;
    static const RE2 era("令和|平成|昭和|[RHS]\\d|\\d{4}");
    for (const TableCell& c : t.rows[r + 1].cells)
      if (RE2::PartialMatch(squeezed(c.text), era)) g.era_implied = false;
    g.label_right = g.years.front().span.x0;
    return g;
  }
  return std::nullopt;
}

bool is_label_cell(const TableCell& c, const Grammar& g) { return c.box.x1 <= g.label_right + kEdgeTolerance; }

// The year column a cell stands in (its centre), or -1.
int year_of(const TableCell& c, const Grammar& g) {
  double mid = (c.box.x0 + c.box.x1) / 2;
  for (size_t i = 0; i < g.years.size(); ++i)
    if (mid >= g.years[i].span.x0 && mid <= g.years[i].span.x1 &&
        c.box.x1 <= g.years[i].span.x1 + kEdgeTolerance)
      return int(i);
  return -1;
}

// One row under the header: its label (first column), a name cell spanning
// the year columns, or value cells.
struct BodyRow {
  const TableRow* row = nullptr;
  const TableCell* label = nullptr;
  const TableCell* name = nullptr;
  std::vector<const TableCell*> values;  // by year column, nullptr where empty
};

BodyRow body_row(const TableRow& row, const Grammar& g) {
  BodyRow b;
  b.row = &row;
  b.values.assign(g.years.size(), nullptr);
  for (const TableCell& c : row.cells) {
    if (is_label_cell(c, g)) {
      b.label = &c;
    } else if (int y = year_of(c, g); y >= 0) {
      b.values[size_t(y)] = &c;
    } else {
      b.name = &c;  // wider than one year column
    }
  }
  return b;
}

bool has_values(const BodyRow& b) {
  return std::any_of(b.values.begin(), b.values.end(), [](const TableCell* c) { return c != nullptr; });
}

// The name row's text: `（項目） 管理施設数 【０】` → name, target `０`;
// `家庭ごみ収集量（千円／トン）`, `…のコスト（単位：千円）` → name and unit; `千円/ｔ`
// alone → a unit only. A note after `※` explains the values' marks and is
// not the name.
struct NameParts {
  std::string name, unit, target;
};

// A bracket's text made of unit words (`トン`, `千円/トン`, `件`).
bool is_unit_words(const std::string& t) {
  if (t.empty() || char_count(t) > kUnitMaxChars || (t[0] >= '0' && t[0] <= '9')) return false;
  return std::any_of(std::begin(kUnitWords), std::end(kUnitWords),
                     [&](std::string_view w) { return t.find(w) != std::string::npos; });
}

// A name row that is only a unit (`千円/t`, `円`): a rate, or one unit word
// with at most a scale before it; `管理施設数` has a unit word and is a name.
bool is_unit_only(const std::string& t) {
  if (!is_unit_words(t)) return false;
  if (t.find('/') != std::string::npos) return true;
  static const RE2 scaled("^(?:千|百万|万|億)?(?:円|人|件|t|トン|日|食|ha|㎡|m3|%|本|回)$");
  return RE2::FullMatch(t, scaled);
}

NameParts read_name(const std::string& raw) {
  NameParts out;
  std::string t = squeezed(raw);
  if (size_t note = t.find("※"); note != std::string::npos) t.erase(note);
  static const RE2 item("^\\(項目\\)");
  RE2::Replace(&t, item, "");
  static const RE2 goal("【([^【】]*)】");
  if (RE2::PartialMatch(t, goal, &out.target)) RE2::GlobalReplace(&t, goal, "");
  static const RE2 wrapped("^\\((.*)\\)$");  // `(利用者数(定員))`
  RE2::Replace(&t, wrapped, "\\1");
  if (is_unit_only(t)) {
    out.unit = t;
    return out;
  }
  static const RE2 unit_note("\\((?:単位[:：]?)?([^()]+)\\)$");
  std::string u;
  if (RE2::PartialMatch(t, unit_note, &u) && (t.find("(単位") != std::string::npos || is_unit_words(u))) {
    out.unit = u;
    RE2::Replace(&t, unit_note, "");
  }
  out.name = clean_indicator(t).name;
  return out;
}

// A label `単位あたりコスト（A／C）` or `市民一人あたりの市税等の充当額（B／人口*1,000）
// （単位：円）`: the name without its formula, and the unit it states.
NameParts read_label(const std::string& raw) {
  NameParts out;
  std::string t = remove_layout_spaces(normalize_text(raw));
  static const RE2 unit("\\(単位[:：]([^()]+)\\)");
  std::string u;
  if (RE2::PartialMatch(t, unit, &u)) out.unit = u;
  RE2::GlobalReplace(&t, unit, "");
  static const RE2 formula("\\([^()]*[A-Z][^()]*\\)");  // (A/C), (B/人口*1,000)
  RE2::GlobalReplace(&t, formula, "");
  static const RE2 mark("\\([A-Z]\\)$");  // 事業実績(C)
  RE2::GlobalReplace(&t, mark, "");
  out.name = clean_indicator(t).name;
  return out;
}

// `千円/人`: the numerator as the hint the normalizer scales by, the
// denominator kept after the canonical unit (→ `円/人`).
struct UnitSplit {
  std::string hint, per;
};

UnitSplit split_unit(const std::string& unit) {
  size_t slash = unit.find('/');
  if (slash == std::string::npos) return {unit, ""};
  return {unit.substr(0, slash), unit.substr(slash)};
}

KpiRecord make_record(const Table& t, const BodyRow& values, const NameParts& name, const Grammar& g,
                      const TableContext& ctx) {
  KpiRecord rec;
  rec.level = "project";
  rec.project = ctx.project_title;
  rec.indicator = name.name;
  UnitSplit unit = split_unit(name.unit);
  ValueHints hints;
  hints.era = ctx.era;
  hints.unit = unit.hint;
  Box box = values.row->box;
  for (size_t i = 0; i < g.years.size(); ++i) {
    const YearColumn& y = g.years[i];
    RecordValue rv = make_value(values.values[i], t, *y.role, y.period, hints);
    if (!values.values[i]) rv.source = source_of(t, y.span.united(box), values.row->line, values.row->page);
    if (rv.v.raw == "※") rv.v.status = ValueStatus::none;  // a mark the note explains: no number
    if (y.estimate && rv.v.status == ValueStatus::ok) rv.v.qualifiers.push_back("estimate");
    if (!unit.per.empty() && !rv.v.unit.empty()) rv.v.unit += unit.per;
    rec.values.push_back(std::move(rv));
  }
  if (!name.target.empty()) {
    RecordValue target = make_value(nullptr, t, Role::target, std::nullopt, hints);
    target.v = normalize_value(name.target, hints);
    target.plan_end_pending = true;
    target.source = source_of(t, box, values.row->line, values.row->page);
    rec.values.push_back(std::move(target));
  }
  rec.source = source_of(t, box, values.row->line, values.row->page);
  rec.unit = first_value_unit(rec);
  if (rec.unit.empty() && !unit.hint.empty()) rec.unit = normalize_value("1" + unit.hint).unit + unit.per;
  return rec;
}

// A values row's name and unit: the name row's over it, else its block's
// label (`単位あたりコスト`, numbered from the second such row on). In a block
// other than 事業実績 a name row names what the label's figure is per
// (`単位あたりコスト(家庭ごみ収集量)`) unless it is a whole name itself (`…１件
// あたりのコスト`). Units: the name row's, the label's, then for 事業実績 the
// header's.
NameParts record_name(const NameParts& label, const std::optional<NameParts>& name, const Grammar& g, int unnamed) {
  bool results = label.name.find("事業実績") != std::string::npos;
  NameParts out;
  if (name && !name->name.empty()) {
    out = *name;
    bool whole = results || name->name.find("コスト") != std::string::npos || name->name.find(label.name) != std::string::npos;
    if (!whole) out.name = label.name + "(" + name->name + ")";
  } else {
    out.name = label.name;
    if (unnamed > 0) out.name += "(" + std::to_string(unnamed + 1) + ")";
    if (name) out.unit = name->unit;
    out.target = name ? name->target : "";
  }
  if (out.unit.empty()) out.unit = label.unit;
  if (out.unit.empty() && results) out.unit = g.unit;
  return out;
}

bool all_empty(const KpiRecord& rec) {
  return std::none_of(rec.values.begin(), rec.values.end(),
                      [](const RecordValue& v) { return v.v.status == ValueStatus::ok; });
}

}  // namespace

bool is_name_rows_table(const Table& t, std::string_view era) { return grammar_of(t, era).has_value(); }

Recognized build_name_rows_table(const Table& t, const TableContext& ctx) {
  Recognized out;
  std::optional<Grammar> g = grammar_of(t, ctx.era);
  if (!g) return out;
  out.era_implied = g->era_implied;
  if (!ctx.project_title) {
    out.warnings.push_back("the sheet names no project before its table; not read");
    return out;
  }
  const TableCell* label = nullptr;
  std::optional<NameParts> name;  // of the name row above, not yet used
  int unnamed = 0;                // records of this label kept without a name row
  for (size_t r = g->body; r < t.rows.size(); ++r) {
    BodyRow b = body_row(t.rows[r], *g);
    // A label cell spans the rows of its block; a new one begins a block.
    if (b.label) {
      label = b.label;
      name.reset();
      unnamed = 0;
    }
    if (b.name) name = read_name(b.name->text);
    if (!has_values(b) || !label) continue;
    NameParts parts = record_name(read_label(label->text), name, *g, unnamed);
    bool named = name && !name->name.empty();
    name.reset();
    if (parts.name.empty()) continue;
    KpiRecord rec = make_record(t, b, parts, *g, ctx);
    // A values row of dashes under no name is a slot the sheet left unused.
    if (!named && all_empty(rec)) continue;
    if (!named) ++unnamed;
    out.records.push_back(std::move(rec));
  }
  return out;
}

}  // namespace kpix

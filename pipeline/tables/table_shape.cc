#include "pipeline/tables/table_shape.h"

#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/value.h"

namespace kpix {
namespace {

struct KindRule {
  ColumnKind kind;
  const char* role;
  std::vector<std::string_view> words;
  std::vector<std::string_view> unless;  // the label is not of this kind when it holds one of these
};

// Ordered: the first rule whose word occurs in the label decides. Comment
// columns come before the role words because their headers say things like
// `令和4年度実績値に対する所見`.
const std::vector<KindRule>& kind_rules() {
  static const std::vector<KindRule> rules = {
      {ColumnKind::achievement, "achievement", {"達成状況", "達成率", "達成度"}, {}},
      {ColumnKind::comment, "", {"取組", "取り組み", "所見", "方向性", "理由", "備考", "内容"}, {"事業名"}},
      {ColumnKind::value, "baseline", {"基準", "現状値", "策定時"}, {}},
      {ColumnKind::value, "actual", {"実績"}, {}},
      {ColumnKind::value, "target", {"目標"}, {"数値目標"}},
      {ColumnKind::total, "", {"合計", "累計"}, {}},
      {ColumnKind::kind, "", {"区分"}, {}},
      {ColumnKind::project, "", {"事業", "施策"}, {}},
      {ColumnKind::indicator, "", {"指標", "KPI", "項目", "数値目標", "名称"}, {}},
  };
  return rules;
}

// Words that make a cell a header label even without a period: strong ones
// in any label, weak ones only in a short label (`自然動態`, `事業名`), since
// data cells say `社会動態における転入率` or `…事業との共通指標` too.
constexpr std::string_view kStrongHeaderWords[] = {
    "基準", "実績", "目標", "現状値", "達成", "項目", "指標", "KPI", "区分", "取組", "取り組み", "所見",
    "方向性", "合計", "年次", "総合戦略", "初年度", "最終年度"};
constexpr std::string_view kWeakHeaderWords[] = {"事業", "施策", "世帯数", "人口", "動態", "備考"};
constexpr size_t kWeakLabelMaxChars = 10;
constexpr size_t kLabelMaxChars = 40;

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// A bare period label: `2020`, `R3`, `3年度`, `H26 (2014)`, `R 2実績` but not a
// value like `1,498千円` or `36.0`.
bool is_period_label(std::string_view text, std::string_view era) {
  std::string s = squeeze_text(text);
  if (s.empty() || s.size() > 40) return false;
  auto p = normalize_period(s, era);
  return p.has_value();
}

// Kind from the words of one label part; unknown when it has none.
ColumnInfo classify_words(const std::string& label, std::string_view era) {
  ColumnInfo c;
  for (const KindRule& r : kind_rules()) {
    bool hit = std::any_of(r.words.begin(), r.words.end(), [&](auto w) { return contains(label, w); });
    bool veto = std::any_of(r.unless.begin(), r.unless.end(), [&](auto w) { return contains(label, w); });
    if (hit && !veto) {
      c.kind = r.kind;
      c.role = r.role;
      break;
    }
  }
  // `KPI (R6)` over target values (芦別): an indicator word with a period of its own.
  if (c.kind == ColumnKind::indicator && contains(label, "KPI(") && find_period(label, era)) {
    c.kind = ColumnKind::value;
    c.role = "target";
  }
  return c;
}

// A year with words that are no role (`2020`, `初年度 H27 (2015)`, `(第3期)`)
// makes a year column.
bool names_a_year(const std::string& label, std::string_view era) {
  return is_period_label(label, era) || find_period(label, era).has_value();
}

// A number with a short unit (brackets aside): `25人 (R2～R4合計)`, `1,498千円`;
// `1人あたりの総所得` is a name, not a value.
bool is_number_cell(const std::string& t, const NormalizedValue& v) {
  if (v.status != ValueStatus::ok && v.status != ValueStatus::invalid) return false;
  static const RE2 bracketed("[(（][^()（）]*[)）]");
  std::string outside = t;
  RE2::GlobalReplace(&outside, bracketed, "");
  size_t wide = 0;
  for (unsigned char c : outside) wide += c >= 0xE0;  // lead bytes of 3- and 4-byte characters
  return wide <= 4;
}

bool is_number_cell(std::string_view text) {
  std::string t = squeeze_text(text);
  if (t.empty() || char_count(t) > 40) return false;
  return is_number_cell(t, normalize_value(t));
}

// Value-like data: a number cell, or a status word or dash.
bool looks_like_value(std::string_view text) {
  std::string t = squeeze_text(text);
  if (t.empty() || char_count(t) > 40) return false;
  NormalizedValue v = normalize_value(t);
  bool status_word = v.status == ValueStatus::none || v.status == ValueStatus::not_surveyed ||
                     v.status == ValueStatus::unpublished || v.status == ValueStatus::pending;
  return status_word || is_number_cell(t, v);
}

}  // namespace

std::string_view to_string(ColumnKind k) {
  switch (k) {
    case ColumnKind::project: return "project";
    case ColumnKind::group: return "group";
    case ColumnKind::indicator: return "indicator";
    case ColumnKind::kind: return "kind";
    case ColumnKind::value: return "value";
    case ColumnKind::total: return "total";
    case ColumnKind::achievement: return "achievement";
    case ColumnKind::comment: return "comment";
    default: return "unknown";
  }
}

const ColumnInfo* TableShape::find(int column) const {
  for (const ColumnInfo& c : columns)
    if (c.column == column) return &c;
  return nullptr;
}

const ColumnInfo* TableShape::first(ColumnKind k) const {
  for (const ColumnInfo& c : columns)
    if (c.kind == k) return &c;
  return nullptr;
}

int TableShape::count(ColumnKind k) const {
  return int(std::count_if(columns.begin(), columns.end(), [k](const ColumnInfo& c) { return c.kind == k; }));
}

std::vector<const ColumnInfo*> TableShape::value_columns() const {
  std::vector<const ColumnInfo*> out;
  for (const ColumnInfo& c : columns)
    if (c.kind == ColumnKind::value || c.kind == ColumnKind::total || c.kind == ColumnKind::achievement)
      out.push_back(&c);
  return out;
}

bool is_header_label(std::string_view text, std::string_view era) {
  std::string s = squeeze_text(text);
  if (s.empty() || contains(s, "共通指標")) return false;
  if (is_period_label(s, era)) return true;
  // A value whose note has a header word (`25人 (R2～R4合計)`) is data.
  if (is_number_cell(s)) return false;
  size_t n = char_count(s);
  auto has = [&](auto& words) { return std::any_of(std::begin(words), std::end(words), [&](auto w) { return contains(s, w); }); };
  if (n <= kLabelMaxChars && has(kStrongHeaderWords)) return true;
  if (n <= kWeakLabelMaxChars && has(kWeakHeaderWords)) return true;
  return is_period_label(s, era);
}

size_t count_header_rows(const Table& t, std::string_view era) {
  // Leading rows where labels are at least half the cells; a lone label row
  // (a spanning `重要業績評価指標（KPI）`) counts when the rows with it hold two
  // labels or more in all.
  size_t n = 0;
  int total_labels = 0;
  auto mostly_values = [](const TableRow& row) {
    int v = 0;
    for (const TableCell& c : row.cells) v += looks_like_value(c.text);
    return !row.cells.empty() && v * 2 >= int(row.cells.size());
  };
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& row = t.rows[i];
    if (row.cells.empty()) break;
    int labels = 0, values = 0;
    size_t longest = 0;
    for (const TableCell& c : row.cells) {
      labels += is_header_label(c.text, era);
      values += looks_like_value(c.text);
      longest = std::max(longest, char_count(squeeze_text(c.text)));
    }
    // A second header row of plain names (`総人口 | 増減数 | 出生 | 死亡`)
    // under a header row: three or more short cells and no value among them.
    bool names_row = n > 0 && row.cells.size() >= 3 && values == 0 && longest <= 12 && i + 1 < t.rows.size() &&
                     mostly_values(t.rows[i + 1]);
    if (!names_row && (labels == 0 || labels * 2 < int(row.cells.size()))) break;
    total_labels += labels;
    ++n;
  }
  return total_labels >= 2 ? n : 0;
}

std::vector<Table> split_stacked_tables(const Table& t, std::string_view era) {
  auto labels = [&](const TableRow& row) {
    int n = 0;
    for (const TableCell& c : row.cells) n += is_header_label(c.text, era);
    return n;
  };
  auto full_header = [&](const TableRow& row) {
    int n = labels(row);
    return n >= 3 && n * 2 >= int(row.cells.size());
  };
  auto only_labels = [&](const TableRow& row) { return !row.cells.empty() && labels(row) == int(row.cells.size()); };
  std::vector<size_t> cuts;
  size_t first_data = count_header_rows(t, era);
  // A table without a header at its top is no KPI table, joined or not (the
  // common case in budget books: skip the row-by-row search).
  if (first_data == 0) return {t};
  for (size_t i = std::max<size_t>(first_data, 1); i < t.rows.size(); ++i) {
    if (!full_header(t.rows[i]) || (!cuts.empty() && cuts.back() + 1 >= i)) continue;
    size_t cut = i;
    if (cut > first_data && only_labels(t.rows[cut - 1])) --cut;
    if (cut > first_data) cuts.push_back(cut);
  }
  if (cuts.empty()) return {t};
  std::vector<Table> out;
  size_t from = 0;
  cuts.push_back(t.rows.size());
  for (size_t cut : cuts) {
    Table part = t;
    part.rows.assign(t.rows.begin() + long(from), t.rows.begin() + long(cut));
    part.box = {};
    for (const TableRow& r : part.rows) part.box = part.box.united(r.box);
    out.push_back(std::move(part));
    from = cut;
  }
  return out;
}

ColumnInfo classify_label(const std::vector<std::string>& parts, std::string_view era) {
  // 1. A role word in any part, nearest the data first (`現状値` over
  //    `（2014年度）`, `重要業績評価指標（KPI）` over `基準値`).
  // 2. Else a part that only names a year (`2020` under a spanning
  //    `重要業績評価指標（KPI）`): a year column.
  // 3. Else the other words (indicator, project, comment, 区分), nearest first.
  std::string whole;
  for (const std::string& p : parts) whole += (whole.empty() ? "" : "/") + p;
  auto is_role = [](const ColumnInfo& k) {
    return k.kind == ColumnKind::value || k.kind == ColumnKind::total || k.kind == ColumnKind::achievement;
  };
  ColumnInfo c;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    ColumnInfo w = classify_words(*it, era);
    if (is_role(w)) {
      c = w;
      break;
    }
  }
  if (c.kind == ColumnKind::unknown)
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
      if (classify_words(*it, era).kind == ColumnKind::unknown && names_a_year(*it, era)) {
        c.kind = ColumnKind::value;
        c.role = "actual";
        break;
      }
  for (auto it = parts.rbegin(); it != parts.rend() && c.kind == ColumnKind::unknown; ++it) c = classify_words(*it, era);
  if (c.kind == ColumnKind::unknown && names_a_year(whole, era)) {
    c.kind = ColumnKind::value;
    c.role = "actual";
  }
  if (c.kind == ColumnKind::value || c.kind == ColumnKind::total || c.kind == ColumnKind::achievement)
    c.period = find_period(whole, era);
  c.label = whole;
  return c;
}

TableShape sniff_table(const Table& t, std::string_view era) {
  TableShape shape;
  shape.header_rows = count_header_rows(t, era);

  // Data columns and their spans: the narrowest cell seen in each.
  std::map<int, Box> spans;
  std::map<int, std::vector<std::string>> data_texts;
  for (size_t r = shape.header_rows; r < t.rows.size(); ++r)
    for (const TableCell& c : t.rows[r].cells) {
      auto it = spans.find(c.column);
      if (it == spans.end() || c.box.width() < it->second.width()) spans[c.column] = c.box;
      data_texts[c.column].push_back(c.text);
    }

  // Columns that only the header names (a KPI row whose values are all
  // empty, or that points to another project's row) still exist.
  // (Only where no data column lies under the header cell: in a PDF grid a
  // header cell may sit in a grid column of its own, inset from the data's.)
  for (size_t r = shape.header_rows; r-- > 0;)
    for (const TableCell& c : t.rows[r].cells) {
      if (spans.count(c.column) || !is_header_label(c.text, era)) continue;
      bool covered = std::any_of(spans.begin(), spans.end(), [&](const auto& kv) {
        return kv.second.overlap_x(c.box) > 0.5 * std::min(kv.second.width(), c.box.width());
      });
      if (!covered) spans[c.column] = c.box;
    }

  // Header cells; in converter text a label followed by empty cells spans
  // them: always in upper header rows (group labels over their columns), in
  // the last one only for a name column (`重要業績評価指標（KPI）` over the group
  // and name columns), never for a value label (`R6実績` must not take the
  // unlabelled target column beside it).
  std::vector<std::vector<TableCell>> header(shape.header_rows);
  for (size_t r = 0; r < shape.header_rows; ++r) header[r] = t.rows[r].cells;
  if (t.from_text) {
    int last_col = 0;
    for (auto& [col, box] : spans) last_col = std::max(last_col, col);
    for (size_t r = 0; r < header.size(); ++r) {
      auto& row = header[r];
      bool last_row = r + 1 == header.size();
      for (size_t i = 0; i < row.size(); ++i) {
        if (last_row) {
          ColumnInfo k = classify_label({squeeze_text(row[i].text)}, era);
          if (k.kind != ColumnKind::indicator && k.kind != ColumnKind::project) continue;
        }
        int next = i + 1 < row.size() ? row[i + 1].column : last_col + 1;
        int extra = next - row[i].column - 1;
        if (extra <= 0) continue;
        double pitch = row[i].box.width() / 0.9;  // text_loader's synthetic column pitch
        row[i].box.x1 += extra * pitch;
      }
    }
  }

  for (auto& [col, span] : spans) {
    std::vector<std::string> parts;
    for (auto& row : header) {
      const TableCell* best = nullptr;
      double best_ov = 0;
      for (const TableCell& h : row) {
        double ov = h.box.overlap_x(span);
        double need = 0.4 * std::min(h.box.width(), span.width());
        if (ov > need && ov > best_ov) {
          best = &h;
          best_ov = ov;
        }
      }
      if (best) parts.push_back(squeeze_text(best->text));
    }
    ColumnInfo info = classify_label(parts, era);
    info.column = col;
    info.span = span;
    shape.columns.push_back(std::move(info));
  }

  // Step 4a: a column named like the indicator but holding values is a value
  // column whose own header is missing (the spanning KPI header covers it).
  for (ColumnInfo& c : shape.columns) {
    if (c.kind != ColumnKind::indicator) continue;
    const auto& texts = data_texts[c.column];
    int values = int(std::count_if(texts.begin(), texts.end(), [](const std::string& s) { return looks_like_value(s); }));
    if (!texts.empty() && values * 10 >= int(texts.size()) * 6) c.kind = ColumnKind::unknown;
  }
  // Step 4b: a numeric column without a role word: after an actual column it
  // holds targets (岩見沢's R9目標値 column whose header the converter lost).
  for (size_t i = 0; i < shape.columns.size(); ++i) {
    ColumnInfo& c = shape.columns[i];
    if (c.kind != ColumnKind::unknown && c.kind != ColumnKind::comment) continue;
    const auto& texts = data_texts[c.column];
    int values = int(std::count_if(texts.begin(), texts.end(), [](const std::string& s) { return looks_like_value(s); }));
    if (texts.empty() || values * 10 < int(texts.size()) * 6) continue;
    const ColumnInfo* left = nullptr;
    for (size_t k = i; k-- > 0;)
      if (shape.columns[k].kind == ColumnKind::value) {
        left = &shape.columns[k];
        break;
      }
    // Only in a table with roles: a year series (`R3 (2021)`, `(第3期)`) has
    // no targets to lose a header.
    bool role_table = std::any_of(shape.columns.begin(), shape.columns.end(), [](const ColumnInfo& k) {
      return k.role == "baseline" || (k.role == "actual" && k.label.find("実績") != std::string::npos);
    });
    if (role_table && left && (left->role == "actual" || left->role == "baseline")) {
      c.kind = ColumnKind::value;
      c.role = "target";
      c.period.reset();
      shape.warnings.push_back("column " + std::to_string(c.column) + " has no role in its header; read as targets");
    }
  }
  // Step 4c: several indicator-like columns: the rightmost names the
  // indicator, those left of it group the rows (merged first-column labels).
  int indicators = shape.count(ColumnKind::indicator);
  for (ColumnInfo& c : shape.columns) {
    if (indicators <= 1) break;
    if (c.kind == ColumnKind::indicator) {
      c.kind = ColumnKind::group;
      --indicators;
    }
  }
  return shape;
}

}  // namespace kpix

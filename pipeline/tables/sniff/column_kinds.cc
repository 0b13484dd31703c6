// Sniffer step 3: a column's kind, role and period from the parts of its
// header label (classify_label). Words decide by an ordered table of rules;
// a label that only names a year makes a year column.
#include <algorithm>
#include <string>
#include <vector>

#include "parsers/normalize/period.h"
#include "parsers/normalize/roles.h"
#include "pipeline/tables/sniff/cell_text.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

struct KindRule {
  ColumnKind kind;
  std::optional<Role> role;
  std::vector<std::string_view> words;
  std::vector<std::string_view> unless;  // the label is not of this kind when it holds one of these
};

// Ordered: the first rule whose word occurs in the label decides. Comment
// columns come before the role words because their headers say things like
// `令和4年度実績値に対する所見`. The role words are the lexicon's header words
// (parsers/normalize/roles.cc).
const std::vector<KindRule>& kind_rules() {
  using R = Role;
  static const std::vector<KindRule> rules = {
      {ColumnKind::achievement, R::achievement, header_role_words(R::achievement), {}},
      {ColumnKind::comment, std::nullopt, {"取組", "取り組み", "所見", "方向性", "理由", "備考", "内容"}, {"事業名"}},
      {ColumnKind::value, R::baseline, header_role_words(R::baseline), {}},
      {ColumnKind::value, R::actual, header_role_words(R::actual), {}},
      {ColumnKind::value, R::target, header_role_words(R::target), {"数値目標"}},
      {ColumnKind::total, std::nullopt, {"合計", "累計"}, {}},
      {ColumnKind::kind, std::nullopt, {"区分"}, {}},
      {ColumnKind::project, std::nullopt, {"事業", "施策"}, {}},
      {ColumnKind::indicator, std::nullopt, {"指標", "KPI", "項目", "数値目標", "名称"}, {}},
  };
  return rules;
}

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

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
    c.role = Role::target;
  }
  return c;
}

// A year with words that are no role (`2020`, `初年度 H27 (2015)`, `(第3期)`)
// makes a year column.
bool names_a_year(const std::string& label, std::string_view era) {
  return sniff::is_period_label(label, era) || find_period(label, era).has_value();
}

bool has_role(const ColumnInfo& k) {
  return k.kind == ColumnKind::value || k.kind == ColumnKind::total || k.kind == ColumnKind::achievement;
}

}  // namespace

ColumnInfo classify_label(const std::vector<std::string>& parts, std::string_view era) {
  // 1. A role word in any part, nearest the data first (`現状値` over
  //    `（2014年度）`, `重要業績評価指標（KPI）` over `基準値`).
  // 2. Else a part that only names a year (`2020` under a spanning
  //    `重要業績評価指標（KPI）`): a year column.
  // 3. Else the other words (indicator, project, comment, 区分), nearest first.
  // 4. Else the whole label naming a year: a year column.
  std::string whole;
  for (const std::string& p : parts) whole += (whole.empty() ? "" : "/") + p;
  ColumnInfo c;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    ColumnInfo w = classify_words(*it, era);
    if (has_role(w)) {
      c = w;
      break;
    }
  }
  if (c.kind == ColumnKind::unknown)
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
      if (classify_words(*it, era).kind == ColumnKind::unknown && names_a_year(*it, era)) {
        c.kind = ColumnKind::value;
        c.role = Role::actual;
        break;
      }
  for (auto it = parts.rbegin(); it != parts.rend() && c.kind == ColumnKind::unknown; ++it) c = classify_words(*it, era);
  if (c.kind == ColumnKind::unknown && names_a_year(whole, era)) {
    c.kind = ColumnKind::value;
    c.role = Role::actual;
  }
  if (has_role(c)) c.period = find_period(whole, era);
  c.label = whole;
  return c;
}

}  // namespace kpix

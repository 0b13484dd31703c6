#include "pipeline/records/doc_context.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "parsers/normalize/period.h"
#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"

namespace kpix {
namespace {

constexpr size_t kKeptLines = 400;

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

int count_of(std::string_view s, std::string_view w) {
  int n = 0;
  for (size_t p = s.find(w); p != std::string_view::npos; p = s.find(w, p + w.size())) ++n;
  return n;
}

// Lines that open a list of goal-level KPIs, and those that open project lists.
constexpr std::string_view kGoalSectionWords[] = {"数値目標", "基本目標の評価指標", "基本目標における", "の評価指標（KPI）の実績",
                                                  "の評価指標(KPI)の実績"};
constexpr std::string_view kProjectSectionWords[] = {"各施策", "各事業", "各総合戦略事業", "事業の進捗", "具体的な施策",
                                                     "主な事業", "事業評価"};

int roman_value(std::string_view s) {
  static const std::pair<std::string_view, int> table[] = {{"Ⅰ", 1}, {"Ⅱ", 2}, {"Ⅲ", 3}, {"Ⅳ", 4}, {"Ⅴ", 5},
                                                            {"Ⅵ", 6}, {"IV", 4}, {"III", 3}, {"II", 2}, {"I", 1}, {"V", 5}};
  for (auto& [r, v] : table)
    if (s == r) return v;
  return 0;
}

// A goal number as written: `3`, `Ⅲ`, `III`.
int goal_number_of(const std::string& num) {
  return std::isdigit(static_cast<unsigned char>(num[0])) ? std::stoi(num) : roman_value(num);
}

}  // namespace

void DocContext::observe_project_field(const std::string& name) {
  project_title_ = name;
  goal_section_ = false;
}

bool DocContext::wants_table_rows() const { return table_lines_.size() < kKeptLines; }

void DocContext::observe_table_row(std::string_view text) {
  if (!wants_table_rows()) return;
  table_lines_.push_back(normalize_text(text));
  // A sheet whose free text names no era (神戸's 事務事業評価シート: `20年度実績`,
  // its 平成 years only inside its fields) takes the era its table rows name.
  static const RE2 reiwa("(令和|R\\s?\\d)");
  static const RE2 heisei("(平成|H\\s?\\d)");
  re2::StringPiece in(table_lines_.back());
  while (RE2::FindAndConsume(&in, reiwa)) ++table_reiwa_;
  in = table_lines_.back();
  while (RE2::FindAndConsume(&in, heisei)) ++table_heisei_;
}

std::string DocContext::era() const {
  if (reiwa_ + heisei_ == 0) return table_heisei_ > table_reiwa_ ? "平成" : "令和";
  return heisei_ > reiwa_ ? "平成" : "令和";
}

void DocContext::observe(std::string_view raw) {
  std::string line = normalize_text(raw);
  if (line.empty()) return;
  // 1. The line itself: kept (the first few hundred), the first long one as
  //    the title, the eras it names counted.
  if (lines_.size() < kKeptLines) lines_.push_back(line);
  if (title_.empty() && line.size() >= 6) title_ = line;
  count_eras(line);
  // 2. The document's date.
  read_date(line);
  // 3. The 基本目標 being described.
  read_awaited_goal_title(line);
  collect_quoted_phrases(line);
  read_numbered_goal_heading(line);
  read_goal_heading(line);
  // 4. Whether the section lists goal-level or project-level KPIs.
  read_section_kind(line);
  // 5. Headings naming the measure or project of the next tables; a heading
  //    wrapped inside its bracket (`…建設費償還` / `補助金）`) is read whole,
  //    and so are the steps after.
  line = join_open_bracket(line);
  read_measure_heading(line);
  read_project_heading(line);
  // 6. `(単位：人)` above a table.
  static const RE2 unit_note("[(（]単位\\s*[:：]\\s*([^)）]+)[)）]");
  std::string unit;
  if (RE2::PartialMatch(line, unit_note, &unit)) unit_hint_ = unit;
  // 7. The plan's end year.
  read_plan_end(line);
}

void DocContext::count_eras(const std::string& line) {
  static const RE2 reiwa("(令和|R\\s?\\d)");
  static const RE2 heisei("(平成|H\\s?\\d)");
  re2::StringPiece in(line);
  while (RE2::FindAndConsume(&in, reiwa)) ++reiwa_;
  in = line;
  while (RE2::FindAndConsume(&in, heisei)) ++heisei_;
}

// The first full date near the document's start.
void DocContext::read_date(const std::string& line) {
  static const RE2 full_date("((?:令和|平成|R|H)?\\s?(?:\\d+|元)\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日)");
  std::string d;
  if (!date_ && lines_.size() <= 40 && RE2::PartialMatch(line, full_date, &d)) {
    if (auto p = normalize_period(d, era()); p && !p->date.empty()) date_ = p->date;
  }
}

// `基本目標 1` alone on its line: the next line is its title.
void DocContext::read_awaited_goal_title(const std::string& line) {
  if (awaiting_title_ && !contains(line, "基本目標")) {
    goal_titles_[awaiting_title_] = remove_layout_spaces(line);
    awaiting_title_ = 0;
  }
}

// A goal may be one of the phrases the overview quotes as the goals
// (`「村の振興の要となる高校の機能強化」…を４つの基本目標として設定`), headed `1．…` later.
void DocContext::collect_quoted_phrases(const std::string& line) {
  static const RE2 quoted("「([^「」]{6,40})」");
  std::string text = quote_carry_ + line;
  re2::StringPiece in(text);
  std::string q;
  while (quoted_.size() < 64 && RE2::FindAndConsume(&in, quoted, &q)) quoted_.push_back(remove_layout_spaces(q));
  // A quote wrapped onto the next line is read with it.
  size_t open = text.rfind("「");
  quote_carry_ = open != std::string::npos && text.find("」", open) == std::string::npos && text.size() - open < 150
                     ? text.substr(open)
                     : "";
}

// `1 地元企業と学生との…` later in the document: a goal whose title was
// announced after `基本目標 1`, or quoted in the overview, starts its section.
void DocContext::read_numbered_goal_heading(const std::string& line) {
  static const RE2 numbered("^(\\d|[ⅠⅡⅢⅣⅤⅥ]|I{1,3}|IV|V)\\s*[.．]?\\s*(\\S.*)$");
  std::string num, rest;
  if (contains(line, "基本目標") || !RE2::FullMatch(line, numbered, &num, &rest)) return;
  int n = goal_number_of(num);
  auto it = goal_titles_.find(n);
  std::string body = remove_layout_spaces(rest);
  bool quoted_goal = std::find(quoted_.begin(), quoted_.end(), body) != quoted_.end();
  if (quoted_goal || (it != goal_titles_.end() && it->second.size() >= 12 && body.compare(0, 12, it->second, 0, 12) == 0)) {
    goal_number_ = n;
    goal_title_ = body;
    project_title_.reset();
  }
}

// 基本目標 N title / 【基本目標N】title.
void DocContext::read_goal_heading(const std::string& line) {
  static const RE2 goal("基本目標\\s*[:：]?\\s*(\\d{1,2}|[ⅠⅡⅢⅣⅤⅥ]|I{1,3}|IV|V)\\s*】?\\s*(.*)");
  std::string num, rest;
  if (!RE2::PartialMatch(line, goal, &num, &rest)) return;
  int n = goal_number_of(num);
  if (n <= 0) return;
  if (goal_number_ != n) goal_title_.clear();
  goal_number_ = n;
  project_title_.reset();
  measure_title_.reset();
  bool is_title = !rest.empty() && !rest.starts_with("の") && !contains(rest, "評価指標") && rest.size() >= 12;
  if (is_title) goal_title_ = goal_titles_[n] = remove_layout_spaces(rest);
  if (rest.empty()) awaiting_title_ = n;
}

void DocContext::read_section_kind(const std::string& line) {
  // `・指標：…【数値目標：100,641人…】` states one KPI of the sheet's project;
  // it heads no section of goals.
  if (contains(line, "指標：") || contains(line, "指標:")) return;
  for (auto w : kGoalSectionWords)
    if (contains(line, w)) {
      goal_section_ = true;
      project_title_.reset();
    }
  for (auto w : kProjectSectionWords)
    if (contains(line, w)) goal_section_ = false;
}

// The line, after the one before it when that one ended inside a bracket;
// kept for the next line while its own brackets stay open.
std::string DocContext::join_open_bracket(const std::string& line) {
  auto depth = [](const std::string& s) { return count_of(s, "（") + count_of(s, "(") - count_of(s, "）") - count_of(s, ")"); };
  std::string heading = open_line_.empty() ? line : open_line_ + line;
  open_line_ = depth(heading) > 0 && heading.size() < 300 ? heading : "";
  return heading;
}

// A numbered measure heading: `① 新エネルギー産業等立ち上げによる雇用の創出`.
void DocContext::read_measure_heading(const std::string& line) {
  if (leading_marker_number(line) <= 0 || line.compare(0, 1, "(") == 0) return;
  std::string title = remove_layout_spaces(strip_list_marker(line));
  size_t chars = 0;
  for (unsigned char ch : title) chars += (ch & 0xC0) != 0x80;
  if (chars >= 4 && chars <= 40 && !contains(title, "。") && !contains(title, "→") && !contains(title, "："))
    measure_title_ = title;
}

// A project heading: short, ends in 事業 once notes and brackets are cut.
void DocContext::read_project_heading(const std::string& line) {
  if (contains(line, "→") || line.starts_with("※") || line.starts_with("○") || line.starts_with("・") ||
      line.starts_with("-") || line.starts_with("【") || contains(line, "基本目標"))
    return;
  std::string name = clean_project(line);
  static const RE2 bracket_tail("[（(][^（()）]*[)）]$");
  std::string bare = name;
  RE2::Replace(&bare, bracket_tail, "");
  // `…交付金事業` is the grant a project is funded by (a note wrapped onto
  // its own line), not a project.
  if (bare.size() >= 9 && bare.size() <= 150 && bare.ends_with("事業") && !bare.ends_with("交付金事業") &&
      count_of(name, "事業") <= 4 && !contains(name, "。")) {
    project_title_ = name;
    goal_section_ = false;
  }
}

// Plan end, by weight: a 総合戦略's own period (`第3期岩見沢市総合戦略（令和6年度～
// 令和9年度）`) over `最終年度(R6)` over any other 計画期間. Footnotes that give
// a baseline's years (`基準値: 2020~2022年平均`) say nothing of the plan.
void DocContext::read_plan_end(const std::string& line) {
  if (contains(line, "基準値")) return;
  static const RE2 final_year("最終年度\\s*[(（]([^)）]+)[)）]");
  std::string fy;
  if (RE2::PartialMatch(line, final_year, &fy)) {
    if (auto p = normalize_period(fy, era()); p && plan_end_weight_ < 2) {
      plan_end_ = p->end;
      plan_end_weight_ = 2;
    }
  }
  int weight = contains(line, "総合戦略") ? 3 : contains(line, "計画期間") ? 1 : 0;
  if (weight <= plan_end_weight_) return;
  if (std::optional<int> end = latest_period_end(line)) {
    plan_end_ = end;
    plan_end_weight_ = weight;
  }
}

// Of several periods in one line (`第1期(2015～2019年度)、第2期(2020～2024年度)`)
// the latest is the plan in force: its end year, nullopt when the line names
// no span of years.
std::optional<int> DocContext::latest_period_end(const std::string& line) const {
  std::optional<int> end;
  size_t start = 0;
  while (start < line.size()) {
    size_t comma = line.find("、", start);
    std::string piece = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (auto p = find_period(piece, era()); p && p->end > p->start && p->basis != Basis::calendar)
      end = std::max(end.value_or(0), p->end);
    if (comma == std::string::npos) break;
    start = comma + std::string_view("、").size();
  }
  return end;
}

}  // namespace kpix

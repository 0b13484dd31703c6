// What a document says about itself outside its tables, gathered line by line
// in reading order: its era, date, title, the 基本目標 being described, whether
// the current section lists goal-level or project-level KPIs, the project
// heading above a table, and the plan's end year.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpix {

class DocContext {
 public:
  // Feeds one free-text line (not a table row).
  void observe(std::string_view line);
  // A form's project field (`事務事業名 | 建築指導事務事業`): the project of the
  // tables that follow, as a heading would name it.
  void observe_project_field(const std::string& name);
  // A table row: kept apart from the free lines, for a document that names
  // itself only inside its tables.
  void observe_table_row(std::string_view text);
  // Whether table rows are still kept (the first few hundred are).
  bool wants_table_rows() const;

  // The document's era for years written without one (`3年度`): the era named
  // most so far in free text, else in table rows, 令和 when none.
  std::string era() const;
  std::optional<int> goal_number() const { return goal_number_; }
  const std::string& goal_title() const { return goal_title_; }
  bool goal_section() const { return goal_section_; }
  // Heading naming the project of the next table (`創業支援事業 ※…`), if any.
  const std::optional<std::string>& project_title() const { return project_title_; }
  void consume_project_title() { project_title_.reset(); }
  // The numbered measure (`① 高校の仕組みの強化`) the next tables belong to,
  // where no project heading names one.
  const std::optional<std::string>& measure_title() const { return measure_title_; }
  const std::optional<std::string>& date() const { return date_; }
  const std::string& title() const { return title_; }
  // `(単位：人)` above a table.
  const std::string& unit_hint() const { return unit_hint_; }
  void clear_unit_hint() { unit_hint_.clear(); }
  // From `計画期間の最終年度(R6)` or a plan period `令和6年度～令和9年度`.
  std::optional<int> plan_end() const { return plan_end_; }
  // The first lines (for municipality detection).
  const std::vector<std::string>& lines() const { return lines_; }
  // The first table rows, likewise.
  const std::vector<std::string>& table_lines() const { return table_lines_; }

 private:
  // The steps of observe, in its order.
  void count_eras(const std::string& line);
  void read_date(const std::string& line);
  void read_awaited_goal_title(const std::string& line);
  void collect_quoted_phrases(const std::string& line);
  void read_numbered_goal_heading(const std::string& line);
  void read_goal_heading(const std::string& line);
  void read_section_kind(const std::string& line);
  std::string join_open_bracket(const std::string& line);
  void read_measure_heading(const std::string& line);
  void read_project_heading(const std::string& line);
  void read_plan_end(const std::string& line);
  std::optional<int> latest_period_end(const std::string& line) const;

  int reiwa_ = 0, heisei_ = 0;
  int table_reiwa_ = 0, table_heisei_ = 0;  // in table rows: for a document whose free text names none
  std::map<int, std::string> goal_titles_;  // titles seen after `基本目標 N`
  std::vector<std::string> quoted_;         // 「…」 phrases, which may name goals (音威子府's overview)
  std::string quote_carry_;                 // a 「 left open at the end of the last line
  int awaiting_title_ = 0;  // `基本目標 N` alone on its line: the title follows
  std::string open_line_;   // a line that ended inside a bracket: the next one continues it
  std::optional<int> goal_number_;
  std::string goal_title_;
  bool goal_section_ = false;
  std::optional<std::string> project_title_;
  std::optional<std::string> measure_title_;
  std::optional<std::string> date_;
  std::string title_;
  std::string unit_hint_;
  std::optional<int> plan_end_;
  int plan_end_weight_ = 0;
  std::vector<std::string> lines_;
  std::vector<std::string> table_lines_;
};

}  // namespace kpix

// Which plan a document reports on, from the plans it names: `第3期岩見沢市総合
// 戦略（令和6年度～令和9年度）`, `第2期(2020～2024年度)の総合戦略`. A council's
// progress reports, committee decks and KPI sheets of one plan are editions
// of one another, and the plan after it (第3期 after 第2期) is its successor;
// the dataset links them (pipeline/dataset/editions). Pure: text in, facts out.
//
//   kpix::PlanTally t;
//   for (each line of the document) t.observe(line);
//   t.result();   // {kind 総合戦略, term 3, 2024–2027}, or nullopt when no plan is named
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpix {

struct PlanMention {
  std::string kind;  // 総合戦略 or 総合計画 (plan_kinds())
  int term = 0;      // 第N期
  std::optional<int> start_year, end_year;  // a period printed beside it
};

// The plan kinds kpix knows, in the form they are stored.
const std::vector<std::string>& plan_kinds();

// Every numbered plan named in one line of text.
std::vector<PlanMention> plan_mentions(std::string_view line);

struct PlanFacts {
  std::string kind;
  int term = 0;
  std::optional<int> start_year, end_year;
};

// The plan a document is about: the kind and term named most often (a
// report on the 3rd strategy also names the 1st and 2nd in passing, fewer
// times), with the period printed beside any mention of that term.
class PlanTally {
 public:
  void observe(std::string_view line);
  std::optional<PlanFacts> result() const;

 private:
  struct Count {
    int mentions = 0;
    int first = 0;  // order of the first mention: ties go to the earlier
    std::optional<int> start_year, end_year;
  };
  std::map<std::pair<std::string, int>, Count> counts_;
  int seen_ = 0;
};

}  // namespace kpix

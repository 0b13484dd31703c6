// Plans named in a line (第N期…総合戦略, a period beside it), and the plan a
// whole document is about: the one it names most. Lines as the seeds print them.
#include <gtest/gtest.h>

#include "parsers/plan/plan_mentions.h"

namespace kpix {
namespace {

std::string dump(const std::vector<PlanMention>& ms) {
  std::string s;
  for (const PlanMention& m : ms) {
    if (!s.empty()) s += "; ";
    s += m.kind + " " + std::to_string(m.term);
    if (m.start_year) s += " " + std::to_string(*m.start_year) + "-" + std::to_string(*m.end_year);
  }
  return s;
}

struct Case {
  const char* line;
  const char* want;
};

const Case kLines[] = {
    {"第3期岩見沢市総合戦略（令和6年度～令和9年度）", "総合戦略 3 2024-2027"},
    {"1 第2期岩見沢市総合戦略の検証と総括", "総合戦略 2"},
    {"第2期総合戦略の体系図", "総合戦略 2"},
    {"- (1) これまでの開催経過・議題等の振り返り【第2期総合戦略以降】", "総合戦略 2"},
    {"第2期砂川市まち・ひと・しごと創生総合戦略 数値目標・KPI集計表", "総合戦略 2"},
    {"第3期人口ビジョン・総合戦略（素案）", "総合戦略 3"},  // 素案 is no period
    {"第2期(2020～2024年度)の総合戦略", "総合戦略 2 2020-2024"},
    {"区分\tH26 (2014)\t(第1期総合戦略)\t\t(第2期総合戦略)", "総合戦略 1; 総合戦略 2"},
    {"第6次総合計画", ""},  // 次, not 期
    {"第2期岩見沢市総合計画（令和2年度～令和11年度）", "総合計画 2 2020-2029"},
    // Other plans and sentences that only pass by.
    {"第2期子ども・子育てプランに基づき、保育所等との連携により", ""},
    {"第2期では14歳以下の子どもやその親世代に相当する30歳代において社会増となるなど、総合戦略の", ""},
    {"次期岩見沢市総合戦略について", ""},
    {"令和5年度 第2回総合戦略等推進委員会", ""},
};

TEST(PlanMentions, Lines) {
  for (const Case& c : kLines) EXPECT_EQ(dump(plan_mentions(c.line)), c.want) << c.line;
}

TEST(PlanMentions, TheDocumentIsAboutThePlanItNamesMost) {
  PlanTally t;
  EXPECT_FALSE(t.result());
  // 岩見沢 2025 (seed 001): the 3rd strategy, with the 1st and 2nd in a table header.
  for (const char* line : {"区分\tH26 (2014)\t(第1期総合戦略)\t\t(第2期総合戦略)", "第3期岩見沢市総合戦略（令和6年度～令和9年度）",
                           "(3) 第3期総合戦略「初年度（令和6年度）」主な取組み", "2 第3期岩見沢市総合戦略の概要 -人口動態について-",
                           "(第2期総合戦略)"})
    t.observe(line);
  auto r = t.result();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, "総合戦略");
  EXPECT_EQ(r->term, 3);
  EXPECT_EQ(r->start_year, 2024);
  EXPECT_EQ(r->end_year, 2027);

  // A tie goes to the plan named first.
  PlanTally tie;
  tie.observe("第2期総合戦略の検証");
  tie.observe("第3期総合戦略の策定");
  EXPECT_EQ(tie.result()->term, 2);
  EXPECT_FALSE(tie.result()->start_year);
}

}  // namespace
}  // namespace kpix

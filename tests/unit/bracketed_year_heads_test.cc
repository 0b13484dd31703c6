// A year label that says in brackets which figure of the year it is
// (`令和5年度(見込)`, `R6(速報値)`) is a period, as `5年度見込` is:
// normalize_period reads the bracketed words after the year like the bare
// ones (is_period_label, a form's fields, the document's dates ask it). The
// table reader read such a header's column for its year before as well (the
// header's role words are read apart); the second test keeps it so.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/normalize/period.h"
#include "tests/unit/grid_pages.h"

namespace kpix {
namespace {

TEST(BracketedYearHeads, ALabelWithItsFigureInBracketsIsAPeriod) {
  struct Case {
    const char* label;
    int year;  // 0: no period
  };
  const Case cases[] = {
      {"令和5年度(見込)", 2023}, {"R5（見込）", 2023}, {"R6(速報値)", 2024},
      {"R4（確定値）", 2022},    {"R4(暫定)", 2022},   {"令和4年度(所見)", 0},
  };
  for (const Case& c : cases) {
    auto p = normalize_period(c.label, "令和");
    EXPECT_EQ(p ? p->end : 0, c.year) << c.label;
  }
}

TEST(BracketedYearHeads, TheColumnsCellsAreThatYearsValues) {
  Page page = grid_page(1, 100, {20, 200, 300, 400, 500},
                        {{"重要業績評価指標(KPI)", "令和4年度", "令和5年度(見込)", "目標値(R9)"},
                         {"①転入者数", "100人", "120人", "150人"},
                         {"②創業件数", "2件", "3件", "5件"}});
  std::vector<KpiRecord> records = records_of({page});
  const KpiRecord* r = record_named(records, "転入者数");
  ASSERT_NE(r, nullptr) << records.size() << " records";
  std::string in_2023;
  for (const RecordValue& v : r->values)
    if (v.period && v.period->start == 2023 && v.period->end == 2023) in_2023 = v.v.raw;
  EXPECT_EQ(in_2023, "120人");
}

}  // namespace
}  // namespace kpix

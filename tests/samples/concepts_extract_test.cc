// The extractor writes concepts into the records it emits: seed 000 (岩見沢)
// and its sample PDF carry population.tfr on both 合計特殊出生率 rows with the
// qualifier each name gives, migration.net on 転出超過数, and seed 004
// (苫小牧) carries the after-school waiting list on 待機児童数 under
// 放課後児童クラブの充実 (its project decides, contexts.tsv).
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/output/extractor.h"
#include "sample_paths.h"

namespace kpix {
namespace {

// indicator → "id qualifier…" of the records that carry a concept.
std::multimap<std::string, std::string> concepts_of(const std::string& path) {
  Extractor ex;
  std::multimap<std::string, std::string> out;
  for (const nlohmann::json& r : ex.extract(path, {}).records) {
    if (!r.contains("concept")) continue;
    std::string c = r["concept"]["id"];
    for (const auto& q : r["concept"].value("qualifiers", nlohmann::json::array())) c += " " + q.get<std::string>();
    out.emplace(r["indicator"], c);
  }
  return out;
}

std::string only(const std::multimap<std::string, std::string>& m, const std::string& indicator) {
  auto [a, b] = m.equal_range(indicator);
  if (a == b) return "(absent)";
  if (std::next(a) != b) return "(several)";
  return a->second;
}

void expect_iwamizawa_2023(const std::string& path) {
  SCOPED_TRACE(path);
  auto m = concepts_of(path);
  EXPECT_EQ(only(m, "合計特殊出生率(単年)"), "population.tfr single_year");
  EXPECT_EQ(only(m, "合計特殊出生率(5年平均)"), "population.tfr average:5y");
  EXPECT_EQ(only(m, "転出超過数"), "migration.net decrease_named");
  EXPECT_EQ(only(m, "1人あたりの総所得"), "economy.income_per_capita");
  EXPECT_EQ(only(m, "観光入込客数(イベントを除く)"), "tourism.visitors excluding_events");
  EXPECT_EQ(only(m, "創業塾受講後の創業人数"), "(absent)");  // a program's figure, not the town's
}

TEST(ConceptsInExtract, Iwamizawa2023Seed) {
  if (!testing::have_shared()) GTEST_SKIP() << "../shared/seeds not found";
  expect_iwamizawa_2023(testing::shared_dir() + "/seeds/000_20258ccdc73fa33f.txt");
}

TEST(ConceptsInExtract, Iwamizawa2023SamplePdf) {
  auto pdfs = testing::sample_pdfs("000-");
  ASSERT_FALSE(pdfs.empty());
  expect_iwamizawa_2023(pdfs.front());
}

TEST(ConceptsInExtract, TomakomaiAfterSchoolWaitingList) {
  if (!testing::have_shared()) GTEST_SKIP() << "../shared/seeds not found";
  auto m = concepts_of(testing::shared_dir() + "/seeds/004_5a75ff59ed95451e.txt");
  EXPECT_EQ(only(m, "待機児童数"), "childcare.after_school_waiting_children");
}

}  // namespace
}  // namespace kpix

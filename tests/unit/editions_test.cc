// Edition links (pipeline/dataset/editions): a document's previous edition is
// the latest earlier document of the same municipality and plan kind, of the
// same term or the one before; renderings of one date are never each other's
// editions, and the choice does not depend on the order documents came in.
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "pipeline/dataset/editions.h"

namespace kpix {
namespace {

EditionCandidate doc(int64_t id, const char* date, int term, const char* file, const char* producer = "Chromium",
                     const char* code = "012106", const char* kind = "総合戦略") {
  EditionCandidate d;
  d.id = id;
  d.municipality_code = code;
  d.municipality = "岩見沢市";
  d.file = file;
  d.sha256 = std::string(64, char('0' + id % 10));
  d.producer = producer;
  if (*date) d.date = date;
  d.kind = kind;
  d.term = term;
  return d;
}

// document id → previous id, relation
std::map<int64_t, std::string> links(const std::vector<EditionCandidate>& docs) {
  std::map<int64_t, std::string> out;
  for (const auto& [id, l] : choose_editions(docs)) out[id] = std::to_string(l.previous_id) + " " + l.relation;
  return out;
}

TEST(Editions, LatestEarlierDocumentOfThePlanOrTheOneBefore) {
  std::vector<EditionCandidate> docs = {
      doc(1, "2022-11-01", 2, "r4.pdf"),
      doc(2, "2023-12-20", 2, "000-chromium.pdf"),
      doc(3, "2023-12-20", 2, "000-lo-html.pdf", "LibreOffice"),  // the same edition, rendered twice
      doc(4, "2025-09-10", 3, "001-chromium.pdf"),
      doc(5, "2025-09-10", 3, "001-lo-html.pdf", "LibreOffice"),
      doc(6, "", 3, "001-rotated.pdf"),                           // no date: nothing to order by
      doc(7, "2030-01-01", 5, "r12.pdf"),                          // 第5期 after 第3期: not its successor
      doc(8, "2026-01-01", 3, "other-town.pdf", "Chromium", "012262"),
      doc(9, "2024-06-01", 6, "keikaku.pdf", "Chromium", "012106", "総合計画"),  // another kind of plan
  };
  std::map<int64_t, std::string> want = {
      {2, "1 same_plan"},       // the 2022 report on the same plan
      {3, "1 same_plan"},
      {4, "2 successor_plan"},  // of the two 2023 renderings, the one made alike
      {5, "3 successor_plan"},
  };
  EXPECT_EQ(links(docs), want);
  // Any order of the stored documents gives the same links.
  std::mt19937 rng(15);
  for (int i = 0; i < 20; ++i) {
    std::shuffle(docs.begin(), docs.end(), rng);
    EXPECT_EQ(links(docs), want);
  }
}

TEST(Editions, WhySaysMunicipalityPlanAndDates) {
  auto a = doc(1, "2023-12-20", 2, "000.pdf");
  a.end_year = 2024;
  auto b = doc(2, "2025-09-10", 3, "001.pdf");
  b.start_year = 2024, b.end_year = 2027;
  auto l = choose_editions({a, b}).at(2);
  EXPECT_EQ(l.why,
            "same municipality 岩見沢市 (012106); successor plan 総合戦略 第2期 (–2024) → 総合戦略 第3期 (2024–2027); "
            "later date 2023-12-20 → 2025-09-10");
  EXPECT_EQ(l.previous_file, "000.pdf");
}

TEST(Editions, DocumentsWithoutAPlanOrCodeAreNotLinked) {
  auto a = doc(1, "2023-12-20", 2, "a.pdf"), b = doc(2, "2025-09-10", 2, "b.pdf");
  b.kind.clear();
  EXPECT_TRUE(choose_editions({a, b}).empty());
  b = doc(2, "2025-09-10", 2, "b.pdf", "Chromium", "");
  a.municipality_code.clear();
  EXPECT_TRUE(choose_editions({a, b}).empty());
}

}  // namespace
}  // namespace kpix

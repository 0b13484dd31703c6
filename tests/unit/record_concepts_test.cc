// Records get their indicator concept in the output stage: by name, and by
// project where contexts.tsv says so; the JSON carries it as records.md
// defines (`concept`: id and qualifiers, absent when nothing matches) and the
// schema accepts it. Bad context rules are rejected with their line.
#include <string>

#include <gtest/gtest.h>

#include "parsers/concepts/concept_index.h"
#include "pipeline/output/concepts.h"
#include "pipeline/output/schema_validator.h"

namespace kpix {
namespace {

KpiRecord record(const std::string& indicator, const std::string& project = "") {
  KpiRecord r;
  r.document_file = "a.pdf";
  r.document_sha256 = std::string(64, 'a');
  r.level = project.empty() ? "goal" : "project";
  if (!project.empty()) r.project = project;
  r.indicator = indicator;
  r.source.line = 12;
  return r;
}

struct Case {
  const char* indicator;
  const char* project;  // "" for a goal-level record
  const char* want;     // id and qualifiers as ConceptMatch::dump(); "" for none
};

const Case kCases[] = {
    // The name decides.
    {"合計特殊出生率(単年)", "", "population.tfr single_year"},
    {"合計特殊出生率(5か年平均)", "", "population.tfr average:5y"},
    {"転出超過数", "", "migration.net decrease_named"},
    {"観光入込客数(イベントを除く)", "観光物産振興事業", "tourism.visitors excluding_events"},
    {"創業塾受講後の創業人数", "創業支援事業", ""},
    // The project decides (苫小牧, seed 004): the after-school waiting list.
    {"待機児童数", "放課後児童クラブの充実", "childcare.after_school_waiting_children"},
    {"待機児童数", "放課後児童健全育成事業", "childcare.after_school_waiting_children"},
    // Elsewhere a bare 待機児童数 is the nursery-school one, qualifiers kept.
    {"待機児童数(4月1日現在)", "保育所入所運営事業(保育料軽減)", "childcare.waiting_children as_of:4-1"},
    {"待機児童数", "", "childcare.waiting_children"},
    // A project that names after-school care changes no other concept.
    {"相談件数", "放課後児童クラブの充実", ""},
    {"潜在待機児童数", "学童保育の充実", "childcare.latent_waiting_children"},
};

std::string dump(const KpiRecord& r) {
  if (!r.indicator_concept) return "";
  ConceptMatch m{r.indicator_concept->id, r.indicator_concept->qualifiers};
  return m.dump();
}

TEST(RecordConcepts, NameAndProjectGiveTheConcept) {
  std::vector<KpiRecord> records;
  for (const Case& c : kCases) records.push_back(record(c.indicator, c.project));
  attach_concepts(records);
  for (size_t i = 0; i < records.size(); ++i)
    EXPECT_EQ(dump(records[i]), kCases[i].want) << kCases[i].indicator << " under " << kCases[i].project;
}

TEST(RecordConcepts, JsonCarriesTheConceptAndPassesTheSchema) {
  std::vector<KpiRecord> records = {record("合計特殊出生率(単年)"), record("農業産出額"), record("創業塾受講後の創業人数", "創業支援事業")};
  attach_concepts(records);
  RecordValidator validator;
  nlohmann::json tfr = records[0].to_json(), output = records[1].to_json(), none = records[2].to_json();
  EXPECT_EQ(tfr["concept"], (nlohmann::json{{"id", "population.tfr"}, {"qualifiers", {"single_year"}}}));
  // No qualifiers: the array is left out, as records.md shows it optional.
  EXPECT_EQ(output["concept"], (nlohmann::json{{"id", "agriculture.output"}}));
  EXPECT_FALSE(none.contains("concept"));
  for (const auto& j : {tfr, output, none}) {
    auto faults = validator.validate(j);
    EXPECT_TRUE(faults.empty()) << j.dump() << "\n" << (faults.empty() ? "" : faults[0].pointer + ": " + faults[0].message);
  }
}

TEST(RecordConcepts, BadContextRulesNameTheRow) {
  const std::string concepts =
      "id\tlabel\tunit\tmatch\texclude\n"
      "childcare.waiting_children\t待機児童数\t人\t待機児童(数)?\t-\n"
      "childcare.after_school_waiting_children\t放課後児童クラブ待機児童数\t人\t放課後児童クラブ待機児童数\t-\n";
  const std::string qualifiers = "code\tpattern\trewrite\n";
  const std::string header = "concept\tproject\tbecomes\n";
  struct Bad {
    std::string rows, message;
  };
  const Bad kBad[] = {
      {"concept\tproject\n", "contexts.tsv:1: header must be `concept\tproject\tbecomes`"},
      {header + "childcare.waiting\t児童クラブ\tchildcare.after_school_waiting_children\n",
       "contexts.tsv:2: `childcare.waiting` is not a concept of concepts.tsv"},
      {header + "childcare.waiting_children\t児童クラブ\tchildcare.after_school\n",
       "contexts.tsv:2: `childcare.after_school` is not a concept of concepts.tsv"},
      {header + "childcare.waiting_children\t児童クラブ\tchildcare.waiting_children\n",
       "contexts.tsv:2: the rule changes nothing"},
      {header + "childcare.waiting_children\t(児童クラブ\tchildcare.after_school_waiting_children\n",
       "contexts.tsv:2: project does not compile: missing ): (児童クラブ"},
  };
  for (const Bad& b : kBad) {
    try {
      ConceptIndex idx(concepts, qualifiers, b.rows);
      ADD_FAILURE() << "accepted: " << b.message;
    } catch (const ConceptTableError& e) {
      EXPECT_EQ(std::string(e.what()), b.message);
    }
  }
  // Without a contexts table the project changes nothing.
  ConceptIndex plain(concepts, qualifiers);
  EXPECT_EQ(plain.match("待機児童数", "放課後児童クラブの充実")->id, "childcare.waiting_children");
}

}  // namespace
}  // namespace kpix

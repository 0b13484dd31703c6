// ConceptIndex built from tables other than the shipped ones: bad tables are
// rejected naming the first bad row and what is wrong with it, and a table of
// one's own works as the shipped ones do.
#include <string>

#include <gtest/gtest.h>

#include "parsers/concepts/concept_index.h"

namespace kpix {
namespace {

// Bad tables: the first bad row is named, with what is wrong.
constexpr const char* kConceptHeader = "id\tlabel\tunit\tmatch\texclude\n";
constexpr const char* kQualifierHeader = "code\tpattern\trewrite\n";
constexpr const char* kGoodConcept = "a.b\t人口\t人\t人口\t-\n";

// Line 1 is a comment, line 2 the header, line 3 the row.
std::string concepts_with(const char* row) { return std::string("# c\n") + kConceptHeader + row; }
// Line 1 is the header, line 2 the row.
std::string qualifiers_with(const char* row) { return std::string(kQualifierHeader) + row; }

struct BadTable {
  std::string concepts, qualifiers, message;
};

TEST(Concepts, BadTablesNameTheRow) {
  const BadTable kBad[] = {
      {"id\tlabel\n", kQualifierHeader, "concepts.tsv:1: header must be `id\tlabel\tunit\tmatch\texclude`"},
      {"# only comments\n", kQualifierHeader, "concepts.tsv: no header row"},
      {concepts_with("a.b\t人口\t人\t人口\n"), kQualifierHeader, "concepts.tsv:3: 4 columns, want 5"},
      {concepts_with("a.b\t人口\t人\t\t-\n"), kQualifierHeader, "concepts.tsv:3: empty column (write `-`)"},
      {concepts_with("Population\t人口\t人\t人口\t-\n"), kQualifierHeader,
       "concepts.tsv:3: id `Population` is not area.quantity"},
      {concepts_with("a.b\t人口\t人\t人口\t-\na.b\t人口\t人\t人口数\t-\n"), kQualifierHeader,
       "concepts.tsv:4: id `a.b` repeats"},
      {concepts_with("a.b\t人口\t千人\t人口\t-\n"), kQualifierHeader,
       "concepts.tsv:3: unit `千人` is not a unit kpix knows"},
      {concepts_with("a.b\t人口\t人\t(人口\t-\n"), kQualifierHeader,
       "concepts.tsv:3: match does not compile: missing ): (人口"},
      {concepts_with("a.b\t人口\t人\t(人口)?\t-\n"), kQualifierHeader, "concepts.tsv:3: match matches the empty string"},
      {concepts_with("a.b\t人口\t人\t人口\t[\n"), kQualifierHeader,
       "concepts.tsv:3: exclude does not compile: missing ]: ["},
      {concepts_with(kGoodConcept), qualifiers_with("male\t\\(男\\)\t\\1\n"),
       "qualifiers.tsv:2: rewrite: Rewrite schema requests 1 matches, but the regexp only has 0 parenthesized "
       "subexpressions."},
      {concepts_with(kGoodConcept), qualifiers_with("age:\\2\t\\((\\d+)歳\\)\t-\n"),
       "qualifiers.tsv:2: code: Rewrite schema requests 2 matches, but the regexp only has 1 parenthesized "
       "subexpressions."},
      {concepts_with(kGoodConcept), qualifiers_with("Male\t\\(男\\)\t-\n"),
       "qualifiers.tsv:2: code `Male` is not word or word:argument"},
      {concepts_with(kGoodConcept), qualifiers_with("male\t(男)?\t-\n"),
       "qualifiers.tsv:2: pattern matches the empty string"},
  };
  for (const BadTable& b : kBad) {
    try {
      ConceptIndex idx(b.concepts, b.qualifiers);
      ADD_FAILURE() << "accepted: " << b.message;
    } catch (const ConceptTableError& e) {
      EXPECT_EQ(std::string(e.what()), b.message);
    }
  }
}

// A table of one's own: the index works on any tables, not only the shipped ones.
TEST(Concepts, IndexFromOwnTables) {
  ConceptIndex idx(concepts_with("tourism.visitors\t観光入込客数\t人\t観光入込客数\t-\n"),
                   qualifiers_with("excluding_events\t\\(イベントを除く\\)\t-\n"));
  auto m = idx.match("観光入込客数（イベントを除く）");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->dump(), "tourism.visitors excluding_events");
  EXPECT_EQ(idx.find("tourism.visitors")->unit, "人");
  EXPECT_EQ(idx.find("tourism.overnight_guests"), nullptr);
}

}  // namespace
}  // namespace kpix

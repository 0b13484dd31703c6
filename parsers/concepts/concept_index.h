// Indicator names to concepts: the one quantity that towns print under many
// names, so a dataset can compare it across municipalities. Pure: text in,
// {concept id, qualifiers} out. Tables: parsers/concepts/*.tsv; docs/concepts.md.
//
//   kpix::match_concept("観光入込客数（イベントを除く）")  // {tourism.visitors, [excluding_events]}
//   kpix::match_concept("①合計特殊出生率(5か年平均)")     // {population.tfr, [average:5y]}
//   kpix::match_concept("社会増減:14歳以下")              // {migration.net, [age:-14]}
//   kpix::match_concept("転出者数")                       // {migration.out, []}, never migration.net
//   kpix::match_concept("創業塾受講後の創業人数")          // nullopt: a program's figure, not the town's
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/concepts/concept_table.h"

namespace kpix {

struct ConceptMatch {
  std::string id;                       // `population.tfr`
  std::vector<std::string> qualifiers;  // in table order; `note:…` last
  // `population.tfr average:5y`: id and qualifiers, space-separated.
  std::string dump() const;
};

class ConceptIndex {
 public:
  // Compiles the tables; throws ConceptTableError naming the bad row.
  // `contexts_tsv` (contexts.tsv) may be empty: no project decides a concept.
  ConceptIndex(std::string_view concepts_tsv, std::string_view qualifiers_tsv, std::string_view contexts_tsv = {});

  // The index of the shipped tables, built on first use and shared
  // (read-only, safe across threads).
  static const ConceptIndex& builtin();

  // The concept whose pattern takes the whole name once qualifiers are taken
  // out (see docs/concepts.md for the steps); nullopt when none does, or when
  // the name narrows the quantity in a way no qualifier describes.
  std::optional<ConceptMatch> match(std::string_view indicator_name) const;
  // The same, then the first contexts.tsv rule whose concept is the name's
  // and whose pattern is found in `project` gives the concept instead.
  std::optional<ConceptMatch> match(std::string_view indicator_name, std::string_view project) const;

  // How match() got its answer, to debug a table row (docs/concepts.md).
  struct Trace {
    std::string core;                  // the name concepts.tsv was tried on
    std::vector<int> qualifier_lines;  // qualifiers.tsv lines whose pattern fired
    std::vector<std::string> ids;      // every concept that takes the name: more
                                       // than one means two rows overlap, and
                                       // match() takes the first
    std::optional<ConceptMatch> match;
  };
  Trace trace(std::string_view indicator_name) const;

  const std::vector<ConceptRow>& concepts() const { return concepts_; }
  const ConceptRow* find(std::string_view id) const;

 private:
  std::vector<const ConceptRow*> takers(const std::string& core) const;

  std::vector<ConceptRow> concepts_;
  std::vector<QualifierRule> qualifiers_;
  std::vector<ContextRule> contexts_;
};

// ConceptIndex::builtin().match(name).
std::optional<ConceptMatch> match_concept(std::string_view indicator_name);

}  // namespace kpix

// The two data tables behind indicator concepts, parsed and compiled:
// concepts.tsv (what each concept's name looks like) and qualifiers.tsv (how a
// name narrows it). Entry points: parse_concept_rows, parse_qualifier_rules,
// builtin_concepts_tsv, builtin_qualifiers_tsv. Format: docs/concepts.md.
//
//   auto rows = kpix::parse_concept_rows(kpix::builtin_concepts_tsv());
//   rows[0].id == "population.total"; rows[0].match->ok()
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace kpix {

// A row that cannot be used: the message names table and line
// (`concepts.tsv:21: match does not compile: missing ): (人口`).
class ConceptTableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConceptRow {
  std::string id;     // `population.tfr`
  std::string label;  // 合計特殊出生率
  std::string unit;   // canonical unit; empty for a ratio without unit
  std::string match_text, exclude_text;  // as written; exclude empty when `-`
  std::shared_ptr<const re2::RE2> match;    // must take the whole name
  std::shared_ptr<const re2::RE2> exclude;  // searched; null when none
  int line = 0;                             // 1-based line in the table
};

struct QualifierRule {
  std::string code;     // `age:\1-`; empty when the row adds no qualifier (`-`)
  std::string rewrite;  // replacement for each match; empty removes it
  std::shared_ptr<const re2::RE2> pattern;
  int line = 0;
};

// A record's concept decided by where its name stands: a name that gives
// `from` under a project matching `project` is the concept `to` instead
// (苫小牧 prints the after-school waiting list as a bare 待機児童数 under
// 放課後児童クラブの充実). contexts.tsv; docs/concepts.md.
struct ContextRule {
  std::string from, to;  // concept ids
  std::shared_ptr<const re2::RE2> project;  // searched in the NFKC project name, spaces removed
  int line = 0;
};

// Parse a table; throws ConceptTableError on the first bad row: wrong header
// or column count, an id that is not `area.quantity` ASCII or repeats, a unit
// kpix does not know, a pattern that does not compile or matches the empty
// string, a rewrite or code naming a group the pattern lacks.
// `name` prefixes the messages (`concepts.tsv`).
std::vector<ConceptRow> parse_concept_rows(std::string_view tsv, std::string_view name = "concepts.tsv");
std::vector<QualifierRule> parse_qualifier_rules(std::string_view tsv, std::string_view name = "qualifiers.tsv");
// Also rejects a rule whose `from` or `to` is not an id of `concepts`.
std::vector<ContextRule> parse_context_rules(std::string_view tsv, const std::vector<ConceptRow>& concepts,
                                             std::string_view name = "contexts.tsv");

// The tables shipped in parsers/concepts/, compiled in at build time.
std::string_view builtin_concepts_tsv();
std::string_view builtin_qualifiers_tsv();
std::string_view builtin_contexts_tsv();

}  // namespace kpix

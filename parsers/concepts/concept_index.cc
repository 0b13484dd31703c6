// Entry points: ConceptIndex::match, match_concept (see concept_index.h).
// Matching is whole-name: a concept never claims a name it only appears in,
// which is how `合計特殊出生率` stays out of 出生数 and `卒業生の移住数` out of
// 移住者数 without a priority list.
#include "parsers/concepts/concept_index.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

namespace kpix {

std::string ConceptMatch::dump() const {
  std::string s = id;
  for (const std::string& q : qualifiers) s += " " + q;
  return s;
}

ConceptIndex::ConceptIndex(std::string_view concepts_tsv, std::string_view qualifiers_tsv,
                           std::string_view contexts_tsv)
    : concepts_(parse_concept_rows(concepts_tsv)), qualifiers_(parse_qualifier_rules(qualifiers_tsv)) {
  if (!contexts_tsv.empty()) contexts_ = parse_context_rules(contexts_tsv, concepts_);
}

const ConceptIndex& ConceptIndex::builtin() {
  // Built once; the shipped tables are checked by tests, so a throw here is a
  // build defect and surfaces on first use.
  static const ConceptIndex index(builtin_concepts_tsv(), builtin_qualifiers_tsv(), builtin_contexts_tsv());
  return index;
}

const ConceptRow* ConceptIndex::find(std::string_view id) const {
  for (const ConceptRow& c : concepts_)
    if (c.id == id) return &c;
  return nullptr;
}

std::vector<const ConceptRow*> ConceptIndex::takers(const std::string& core) const {
  std::vector<const ConceptRow*> out;
  if (core.empty()) return out;
  for (const ConceptRow& c : concepts_)
    if (RE2::FullMatch(core, *c.match) && !(c.exclude && RE2::PartialMatch(core, *c.exclude))) out.push_back(&c);
  return out;
}

ConceptIndex::Trace ConceptIndex::trace(std::string_view indicator_name) const {
  Trace t;
  // 1. The name as records print it: NFKC, no list marker, no unit bracket,
  //    and no spaces (converters put them anywhere: `合計特殊出生率 (単年)`).
  std::string name = strip_list_marker(normalize_text(indicator_name));
  name = squeeze_text(split_indicator_unit(name).name);
  // 2. A category row `社会増減:14歳以下` narrows 社会増減 the way a bracket
  //    would, so one set of qualifier rows reads both.
  if (size_t colon = name.find(':'); colon != std::string::npos && colon > 0 && colon + 1 < name.size())
    name = name.substr(0, colon) + "(" + name.substr(colon + 1) + ")";
  // 3. Qualifier rows in table order, each on what the rows before left.
  std::vector<std::string> qualifiers;
  for (const QualifierRule& q : qualifiers_) {
    std::string code;
    if (!RE2::Extract(name, *q.pattern, q.code.empty() ? "-" : q.code, &code)) continue;
    RE2::GlobalReplace(&name, *q.pattern, q.rewrite);
    t.qualifier_lines.push_back(q.line);
    if (!q.code.empty() && std::find(qualifiers.begin(), qualifiers.end(), code) == qualifiers.end())
      qualifiers.push_back(code);
  }
  t.core = name;
  // 4. Concepts whose pattern takes the whole of what is left.
  auto found = takers(t.core);
  // 5. Else a last bracket no qualifier row knows (`転入者数(定住人口数)`): the
  //    name before it, the bracket kept as `note:…` so the narrowing is not lost.
  static const RE2 trailing_bracket("(.+)\\(([^()]+)\\)");
  std::string head, inner;
  if (found.empty() && RE2::FullMatch(t.core, trailing_bracket, &head, &inner)) {
    found = takers(head);
    if (!found.empty()) {
      t.core = head;
      qualifiers.push_back("note:" + inner);
    }
  }
  for (const ConceptRow* c : found) t.ids.push_back(c->id);
  if (!found.empty()) t.match = ConceptMatch{found.front()->id, std::move(qualifiers)};
  return t;
}

std::optional<ConceptMatch> ConceptIndex::match(std::string_view indicator_name) const {
  return trace(indicator_name).match;
}

std::optional<ConceptMatch> ConceptIndex::match(std::string_view indicator_name, std::string_view project) const {
  std::optional<ConceptMatch> m = match(indicator_name);
  if (!m || project.empty() || contexts_.empty()) return m;
  const std::string where = squeeze_text(normalize_text(project));
  for (const ContextRule& rule : contexts_) {
    if (rule.from != m->id || !RE2::PartialMatch(where, *rule.project)) continue;
    m->id = rule.to;
    break;
  }
  return m;
}

std::optional<ConceptMatch> match_concept(std::string_view indicator_name) {
  return ConceptIndex::builtin().match(indicator_name);
}

}  // namespace kpix

// Entry points: plan_mentions, PlanTally (see plan_mentions.h).
#include "parsers/plan/plan_mentions.h"

#include <re2/re2.h>

#include "parsers/normalize/period.h"
#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// How many characters may stand between `第N期` and the plan's kind: the
// municipality and a programme name (`第2期砂川市まち・ひと・しごと創生総合戦略`,
// `第3期人口ビジョン・総合戦略`), but not a sentence (no 。、 and no second 期).
constexpr int kMaxGap = 24;

// A period in brackets right after `第N期` or after the kind.
std::optional<std::pair<int, int>> bracket_period(std::string_view after) {
  static const RE2 bracket("^\\s*\\(([^()]{4,40})\\)");
  re2::StringPiece in(after.data(), after.size());
  std::string inner;
  if (!RE2::PartialMatch(in, bracket, &inner)) return std::nullopt;
  std::optional<Period> p = normalize_period(inner);
  if (!p || p->end <= p->start) return std::nullopt;  // a plan runs over several years
  return std::make_pair(p->start, p->end);
}

}  // namespace

const std::vector<std::string>& plan_kinds() {
  static const std::vector<std::string> kinds = {"総合戦略", "総合計画"};
  return kinds;
}

std::vector<PlanMention> plan_mentions(std::string_view line) {
  std::vector<PlanMention> out;
  if (line.find("期") == std::string_view::npos) return out;  // most lines: no regex at all
  static const RE2 mention("第(\\d+)期(\\([^()]{4,40}\\))?([^。、第期]{0," + std::to_string(kMaxGap) +
                           "}?)(総合戦略|総合計画)");
  const std::string text = normalize_text(line);
  re2::StringPiece in(text);
  std::string term, term_bracket, gap, kind;
  while (RE2::FindAndConsume(&in, mention, &term, &term_bracket, &gap, &kind)) {
    PlanMention m;
    m.kind = kind;
    m.term = std::stoi(term);
    auto period = bracket_period(term_bracket);
    if (!period) period = bracket_period(std::string_view(in.data(), in.size()));
    if (period) m.start_year = period->first, m.end_year = period->second;
    out.push_back(std::move(m));
  }
  return out;
}

void PlanTally::observe(std::string_view line) {
  for (PlanMention& m : plan_mentions(line)) {
    Count& c = counts_[{m.kind, m.term}];
    if (c.mentions++ == 0) c.first = seen_++;
    if (m.start_year && !c.start_year) c.start_year = m.start_year, c.end_year = m.end_year;
  }
}

std::optional<PlanFacts> PlanTally::result() const {
  const std::pair<const std::pair<std::string, int>, Count>* best = nullptr;
  for (const auto& entry : counts_) {
    if (!best || entry.second.mentions > best->second.mentions ||
        (entry.second.mentions == best->second.mentions && entry.second.first < best->second.first))
      best = &entry;
  }
  if (!best) return std::nullopt;
  return PlanFacts{best->first.first, best->first.second, best->second.start_year, best->second.end_year};
}

}  // namespace kpix

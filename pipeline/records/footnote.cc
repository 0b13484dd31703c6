#include "pipeline/records/footnote.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/names.h"

namespace kpix {
namespace {

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// Leading list markers of a part: `①②が…` → {1, 2} and the rest.
std::set<int> take_markers(std::string& part) {
  std::set<int> rows;
  while (int n = leading_marker_number(part)) {
    rows.insert(n);
    std::string stripped = strip_list_marker(part);
    if (stripped == part) break;
    part = stripped;
  }
  if (!rows.empty()) {
    for (std::string_view joiner : {"が", "は", "の"})
      if (part.starts_with(joiner)) {
        part.erase(0, joiner.size());
        break;
      }
  }
  return rows;
}

FootnoteStatement read_part(Role role, std::string part, std::set<int> rows, std::string_view era) {
  FootnoteStatement st;
  st.role = role;
  std::set<int> own = take_markers(part);
  st.rows = own.empty() ? rows : own;
  st.plan_end = part.find("終了時") != std::string::npos || part.find("計画終了") != std::string::npos;
  st.per_year = part.find("各年度") != std::string::npos || part.find("毎年度") != std::string::npos;
  st.latest = part.find("最新") != std::string::npos;
  // `2020年から2024年まで` is the range `2020年～2024年`.
  std::string ranged = part;
  RE2::GlobalReplace(&ranged, "(年度?)から", "\\1～");
  RE2::GlobalReplace(&ranged, "まで", "");
  if (!st.plan_end) {
    // `2019年4月1日現在` and `2019年12月末現在` name the baseline's date.
    RE2::GlobalReplace(&ranged, "(\\d{4})年(\\d{1,2})月末", "\\1年\\2月");
    st.period = find_period(ranged, era);
    if (st.period && st.period->end > st.period->start && st.period->agg == Agg::none) {
      if (part.find("合計") != std::string::npos) st.period->agg = Agg::sum;
      if (part.find("平均") != std::string::npos) st.period->agg = Agg::mean;
    }
  }
  return st;
}

// Open minus closed brackets in s.
int bracket_depth(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "（" || s[i] == '(') ++depth;
    if (s.substr(i, 3) == "）" || s[i] == ')') depth = std::max(0, depth - 1);
  }
  return depth;
}

std::string cut_at_closing_bracket(const std::string& seg, int depth) {
  if (depth == 0) return seg;
  for (size_t i = 0; i < seg.size(); ++i) {
    if (seg.compare(i, 3, "（") == 0 || seg[i] == '(') ++depth;
    if (seg.compare(i, 3, "）") == 0 || seg[i] == ')') {
      if (--depth == 0) return seg.substr(0, i);
    }
  }
  return seg;
}

}  // namespace

std::vector<FootnoteStatement> parse_footnote(std::string_view text, std::string_view era) {
  std::string t = without_spaces(normalize_text(text));
  if (t.starts_with("-")) t.erase(0, 1);
  std::vector<FootnoteStatement> out;
  // Markers before the whole note (`①②住民基本台帳人口（基準値：…）`) or before
  // 基準値 (`KPI①の基準値は…`) apply to all its parts.
  std::set<int> note_rows;
  {
    std::string head = t;
    note_rows = take_markers(head);
  }
  static const RE2 kpi_marker("KPI([①-⑳]+)の");
  std::string marks;
  if (RE2::PartialMatch(t, kpi_marker, &marks)) {
    std::string m = marks;
    note_rows = take_markers(m);
  }
  // The role lexicon's note keys: word and role.
  using Key = std::pair<std::string_view, Role>;
  // Positions of `基準値は` / `基準値：` and `目標値は` / `目標値：`.
  std::vector<std::pair<size_t, const Key*>> starts;
  for (const Key& k : note_role_keys()) {
    for (size_t p = t.find(k.first); p != std::string::npos; p = t.find(k.first, p + 1)) {
      size_t after = p + k.first.size();
      std::string_view next = std::string_view(t).substr(after, 3);
      if (next.starts_with("は") || next.starts_with("：") || next.starts_with(":"))
        starts.emplace_back(p, &k);
    }
  }
  std::sort(starts.begin(), starts.end());
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t from = starts[i].first + starts[i].second->first.size();
    size_t to = i + 1 < starts.size() ? starts[i + 1].first : t.size();
    std::string seg = t.substr(from, to - from);
    for (std::string_view lead : {"は", "：", ":"})
      if (seg.starts_with(lead)) {
        seg.erase(0, lead.size());
        break;
      }
    // Inside a bracket (`（基準値：2018年、目標値：…）`) the statement ends where
    // that bracket closes; nested brackets (`2017年度（2019年度算出）`) stay.
    seg = cut_at_closing_bracket(seg, bracket_depth(t.substr(0, starts[i].first)));
    size_t start = 0;
    while (start < seg.size()) {
      size_t comma = seg.find("、", start);
      std::string part = seg.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(read_part(starts[i].second->second, part, note_rows, era));
      if (comma == std::string::npos) break;
      start = comma + std::string_view("、").size();
    }
  }
  return out;
}

}  // namespace kpix

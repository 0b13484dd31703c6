#include "pipeline/records/wrapped_lines.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// Opening and closing brackets of Japanese and ASCII text, counted after
// normalize_text (full-width parentheses become ASCII ones there).
struct BracketPair {
  std::string_view open, close;
};
constexpr BracketPair kBrackets[] = {{"(", ")"}, {"【", "】"}, {"「", "」"}, {"『", "』"}, {"〔", "〕"}, {"[", "]"}};

size_t count(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string_view::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

bool leaves_bracket_open(const std::string& text) {
  return std::any_of(std::begin(kBrackets), std::end(kBrackets),
                     [&](const BracketPair& b) { return count(text, b.open) > count(text, b.close); });
}

// A line that starts a list item, a numbered heading, a note or a bracketed
// heading begins a text of its own.
bool starts_own_text(const std::string& text) {
  static const RE2 start(
      "^\\s*(?:[・●○◆◇■□◎※＊*【〔(<＜≪「]|[①-⑳]|[⑴-⒇]|[⒈-⒛]|[➀-➓]"
      "|\\d{1,2}(?:\\s|[．、)]|\\.(?:\\s|\\D))|[一二三四五六七八九十]+[\\s、．.])");
  return RE2::PartialMatch(text, start);
}

}  // namespace

double free_text_right_edge(const std::vector<ProseLine>& lines) {
  double edge = 0;
  for (const ProseLine& l : lines) edge = std::max(edge, l.box.x1);
  return edge;
}

bool wraps_onto(const ProseLine& line, const ProseLine& next, double right_edge) {
  double h = line.box.height();
  if (h <= 0 || line.text.empty() || next.text.empty()) return false;
  double gap = next.box.y0 - line.box.y1;
  if (gap < -h / 2 || gap > kMaxWrapGapLines * h) return false;
  if (next.box.x0 > line.box.x0 + h) return false;
  std::string next_text = normalize_text(next.text);
  if (starts_own_text(next_text)) return false;
  return leaves_bracket_open(normalize_text(line.text)) || line.box.x1 >= right_edge - kWrapEdgeChars * h;
}

}  // namespace kpix

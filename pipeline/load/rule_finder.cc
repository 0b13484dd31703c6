#include "pipeline/load/rule_finder.h"

#include <algorithm>
#include <cmath>
#include <span>

#include <GfxState.h>


namespace kpix {
namespace {

// A border is at most this thick when drawn as a filled rectangle (points).
constexpr double kMaxRuleThickness = 2.5;
// Shorter rules are glyph parts, bullets or tick marks, not borders. Tested
// once the pieces of a border are joined (merge_rules), not on each piece:
// a spreadsheet draws its grid sheet column by sheet column, and the sheet
// columns a page's tables share are a point or two wide where two tables'
// edges nearly meet, so a border is pieces as short as half a point.
constexpr double kMinRuleLength = 4.0;
// Pieces this close across, and this close along, are one rule.
constexpr double kSnapAcross = 1.5;
constexpr double kJoinGap = 2.5;
// A filled piece at most this many times as long as it is thick is a dot:
// Chromium (Skia) paints a dotted border as one small square per dot, so a
// dot's own shape says nothing of the border's direction; the line of dots
// does. Dots whose centres lie within kDotAlign across, each within kJoinGap
// of the next, at least kMinDotRun of them, are one piece of a border.
constexpr double kMaxDotAspect = 1.5;
constexpr double kDotAlign = 0.5;
constexpr size_t kMinDotRun = 3;

// A piece of a border, however short (kMinRuleLength is tested on the joined
// rule); a point (no length) is none.
void add_segment(std::vector<Rule>& out, double x0, double y0, double x1, double y1) {
  if (std::fabs(y0 - y1) < 0.5 && std::fabs(x1 - x0) > 0) {
    out.push_back({true, (y0 + y1) / 2, std::min(x0, x1), std::max(x0, x1)});
  } else if (std::fabs(x0 - x1) < 0.5 && std::fabs(y1 - y0) > 0) {
    out.push_back({false, (x0 + x1) / 2, std::min(y0, y1), std::max(y0, y1)});
  }
}

void add_rect(std::vector<Rule>& out, double x0, double y0, double x1, double y1, bool filled) {
  double w = x1 - x0, h = y1 - y0;
  if (filled && h <= kMaxRuleThickness && w > 0 && w >= h) {
    out.push_back({true, (y0 + y1) / 2, x0, x1, h});
  } else if (filled && w <= kMaxRuleThickness && h > 0 && h > w) {
    out.push_back({false, (x0 + x1) / 2, y0, y1, w});
  } else if (w >= kMinRuleLength && h >= kMinRuleLength) {
    // A stroked box, or a shaded cell whose edges are the cell's borders.
    add_segment(out, x0, y0, x1, y0);
    add_segment(out, x0, y1, x1, y1);
    add_segment(out, x0, y0, x0, y1);
    add_segment(out, x1, y0, x1, y1);
  }
}

bool is_axis_rect(const std::vector<std::pair<double, double>>& p) {
  if (p.size() != 4 && p.size() != 5) return false;
  for (size_t j = 1; j < 4; ++j) {
    bool h = std::fabs(p[j].second - p[j - 1].second) < 0.5;
    bool v = std::fabs(p[j].first - p[j - 1].first) < 0.5;
    if (!h && !v) return false;
  }
  return true;
}

bool is_dot(const Rule& r) {
  double len = r.to - r.from;
  return r.thickness > 0 && r.thickness <= kMaxRuleThickness && len <= r.thickness * kMaxDotAspect;
}

// A dot's extent: along and across a border of the given direction.
struct DotSpan {
  double across, from, to, size;
  size_t index;  // in the dots
};

DotSpan span_of(const Rule& d, bool horizontal, size_t index) {
  double half = d.thickness / 2;
  double x0 = d.horizontal ? d.from : d.pos - half, x1 = d.horizontal ? d.to : d.pos + half;
  double y0 = d.horizontal ? d.pos - half : d.from, y1 = d.horizontal ? d.pos + half : d.to;
  return horizontal ? DotSpan{(y0 + y1) / 2, x0, x1, y1 - y0, index}
                    : DotSpan{(x0 + x1) / 2, y0, y1, x1 - x0, index};
}

// Lines of dots in one direction become pieces of `out`; the dots they use are
// marked in `used`.
void dot_runs(const std::vector<Rule>& dots, bool horizontal, std::vector<bool>& used, std::vector<Rule>& out) {
  std::vector<DotSpan> spans;
  spans.reserve(dots.size());
  for (size_t i = 0; i < dots.size(); ++i) spans.push_back(span_of(dots[i], horizontal, i));
  std::sort(spans.begin(), spans.end(), [](const DotSpan& a, const DotSpan& b) {
    return a.across != b.across ? a.across < b.across : a.from < b.from;
  });
  size_t i = 0;
  while (i < spans.size()) {
    size_t j = i + 1;
    while (j < spans.size() && spans[j].across - spans[i].across <= kDotAlign) ++j;
    std::sort(spans.begin() + i, spans.begin() + j, [](const DotSpan& a, const DotSpan& b) { return a.from < b.from; });
    for (size_t k = i; k < j;) {
      size_t e = k + 1;
      double to = spans[k].to;
      while (e < j && spans[e].from <= to + kJoinGap) to = std::max(to, spans[e++].to);
      if (e - k >= kMinDotRun) {
        double across = 0, size = 0;
        for (size_t m = k; m < e; ++m) {
          across += spans[m].across;
          size += spans[m].size;
          used[spans[m].index] = true;
        }
        out.push_back({horizontal, across / (e - k), spans[k].from, to, size / (e - k)});
      }
      k = e;
    }
    i = j;
  }
}

// Dotted borders joined into pieces; a dot in no line of dots stays the piece
// its shape made it.
// (Pages without a line of dots keep their pieces as they were, in order.)
std::vector<Rule> join_dots(std::vector<Rule> rules) {
  std::vector<Rule> dots;
  for (const Rule& r : rules)
    if (is_dot(r)) dots.push_back(r);
  if (dots.size() < kMinDotRun) return rules;
  std::vector<bool> used(dots.size(), false);
  std::vector<Rule> runs;
  dot_runs(dots, true, used, runs);
  dot_runs(dots, false, used, runs);
  if (runs.empty()) return rules;
  std::vector<Rule> out;
  out.reserve(rules.size() + runs.size());
  size_t d = 0;
  for (const Rule& r : rules) {
    bool dot = is_dot(r);
    if (!dot || !used[d]) out.push_back(r);
    d += dot;
  }
  out.insert(out.end(), runs.begin(), runs.end());
  return out;
}

}  // namespace

void collect_path_rules(GfxState* state, bool filled, std::vector<Rule>& out) {
  const GfxPath* path = state->getPath();
  if (!path) return;
  // Called for every path painted: the points buffer is kept between calls.
  thread_local std::vector<std::pair<double, double>> pts;
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    int n = sub->getNumPoints();
    if (n < 2) continue;
    pts.clear();
    bool curved = false;
    for (int j = 0; j < n; ++j) {
      if (sub->getCurve(j)) curved = true;
      double dx, dy;
      state->transform(sub->getX(j), sub->getY(j), &dx, &dy);
      pts.emplace_back(dx, dy);
    }
    if (curved) continue;  // rounded shapes are decoration, not borders
    if (is_axis_rect(pts)) {
      double x0 = pts[0].first, x1 = pts[0].first, y0 = pts[0].second, y1 = pts[0].second;
      for (auto& [x, y] : pts) {
        x0 = std::min(x0, x); x1 = std::max(x1, x);
        y0 = std::min(y0, y); y1 = std::max(y1, y);
      }
      add_rect(out, x0, y0, x1, y1, filled);
      continue;
    }
    if (filled) continue;
    for (int j = 1; j < n; ++j) add_segment(out, pts[j - 1].first, pts[j - 1].second, pts[j].first, pts[j].second);
    if (sub->isClosed()) add_segment(out, pts[n - 1].first, pts[n - 1].second, pts[0].first, pts[0].second);
  }
}

std::vector<Rule> merge_rules(std::vector<Rule> rules) {
  rules = join_dots(std::move(rules));
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    if (a.horizontal != b.horizontal) return a.horizontal;
    return a.pos < b.pos;
  });
  std::vector<Rule> out;
  out.reserve(rules.size());
  size_t i = 0;
  while (i < rules.size()) {
    // A cluster: same orientation, positions within kSnapAcross of the previous.
    size_t j = i + 1;
    while (j < rules.size() && rules[j].horizontal == rules[i].horizontal &&
           rules[j].pos - rules[j - 1].pos <= kSnapAcross)
      ++j;
    // Sorted where it lies: the same order a sorted copy had, without the copy.
    std::sort(rules.begin() + i, rules.begin() + j, [](const Rule& a, const Rule& b) { return a.from < b.from; });
    std::span<const Rule> cluster(rules.data() + i, j - i);
    Rule cur = cluster[0];
    double pos_sum = cur.pos * (cur.to - cur.from), len_sum = cur.to - cur.from;
    for (size_t k = 1; k <= cluster.size(); ++k) {
      if (k < cluster.size() && cluster[k].from <= cur.to + kJoinGap) {
        cur.to = std::max(cur.to, cluster[k].to);
        pos_sum += cluster[k].pos * (cluster[k].to - cluster[k].from);
        len_sum += cluster[k].to - cluster[k].from;
        continue;
      }
      if (len_sum > 0) cur.pos = pos_sum / len_sum;
      if (cur.to - cur.from >= kMinRuleLength) out.push_back(cur);
      if (k < cluster.size()) {
        cur = cluster[k];
        pos_sum = cur.pos * (cur.to - cur.from);
        len_sum = cur.to - cur.from;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace kpix

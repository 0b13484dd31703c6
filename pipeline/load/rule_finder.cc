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
    out.push_back({true, (y0 + y1) / 2, x0, x1});
  } else if (filled && w <= kMaxRuleThickness && h > 0 && h > w) {
    out.push_back({false, (x0 + x1) / 2, y0, y1});
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

#include "pipeline/layout/ruled_rows.h"

#include <algorithm>
#include <cmath>

#include "pipeline/layout/params.h"

namespace kpix {
namespace {

using layout_params::kMaxRuledRowHeight;
using layout_params::kMinRuleOverlap;  // rows under a merged first column start further right
using layout_params::kSnap;

}  // namespace

std::vector<RuledRows> find_ruled_rows(const std::vector<Rule>& rules) {
  std::vector<const Rule*> hs;
  for (const Rule& r : rules)
    if (r.horizontal && std::isfinite(r.pos) && std::isfinite(r.from) && std::isfinite(r.to) && r.to > r.from)
      hs.push_back(&r);
  std::sort(hs.begin(), hs.end(), [](const Rule* a, const Rule* b) { return a->pos < b->pos; });

  std::vector<RuledRows> open, done;
  for (const Rule* r : hs) {
    RuledRows* home = nullptr;
    for (RuledRows& t : open) {
      if (r->pos - t.ys.back() > kMaxRuledRowHeight) continue;
      double overlap = std::min(r->to, t.x1) - std::max(r->from, t.x0);
      if (overlap >= kMinRuleOverlap * std::min(r->to - r->from, t.x1 - t.x0)) {
        home = &t;
        break;
      }
    }
    if (!home) {
      open.push_back({r->from, r->to, {r->pos}, {}});
      home = &open.back();
    }
    home->x0 = std::min(home->x0, r->from);
    home->x1 = std::max(home->x1, r->to);
    if (r->pos - home->ys.back() >= kSnap) home->ys.push_back(r->pos);
    home->rules.push_back(r);
    // Tables left behind by the rules going down the page are finished.
    auto gone = [&](const RuledRows& t) { return r->pos - t.ys.back() > kMaxRuledRowHeight; };
    for (RuledRows& t : open)
      if (gone(t)) done.push_back(std::move(t));
    open.erase(std::remove_if(open.begin(), open.end(), [&](const RuledRows& t) { return t.ys.empty() || gone(t); }),
               open.end());
  }
  for (RuledRows& t : open) done.push_back(std::move(t));
  std::vector<RuledRows> out;
  for (RuledRows& t : done)
    if (t.ys.size() >= 3) out.push_back(std::move(t));
  std::sort(out.begin(), out.end(), [](const RuledRows& a, const RuledRows& b) { return a.ys.front() < b.ys.front(); });
  return out;
}

}  // namespace kpix

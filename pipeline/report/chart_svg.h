// One KPI as a small chart (inline SVG, no script): actuals by year joined
// by a line, the baseline as a grey square, the target as a red flag with a
// dashed line from the baseline or the last actual, earlier editions'
// targets as hollow grey flags. A figure over several years (R2～R4平均) is
// a short bar over those years; a total over several years (5年間合計) is
// left out, as it does not compare with one year's figure (the values table
// beside the chart lists it). Every mark links to its source and names its
// value in a tooltip (<title>).
#pragma once

#include <functional>
#include <string>

#include "pipeline/report/site_data.h"

namespace kpix {

// `href`: the link of a value (SourceLinks::href through the caller).
// Returns an empty string when the card has no number to draw.
std::string kpi_chart_svg(const SiteCard& card, const std::function<std::string(const SiteValue&)>& href);

// How far the card's latest actual has come towards its target, in %:
// from the baseline where there is one, (latest − baseline) ÷ (target −
// baseline), which reads the same whichever way the KPI should move and
// whatever its sign (転出超過数 ▲389 → ▲284 against ▲275 is 92%); without a
// baseline, latest ÷ target for positive figures. Totals over several years
// take no part (they do not compare with one year's figure).
struct Progress {
  double percent = 0;
  bool from_baseline = false;
};
std::optional<Progress> progress_to_target(const SiteCard& card);

}  // namespace kpix

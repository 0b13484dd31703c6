// concept_page_html (see pages.h): one quantity across municipalities — a
// chart with a line per municipality and narrowing (single_year, average:5y
// are other series), and a table of every KPI of the concept by year, with
// baseline, target and the share of target, each value linked to its source.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "pipeline/report/chart_svg.h"
#include "pipeline/report/pages.h"

namespace kpix {
namespace {

using nlohmann::json;

struct Row {
  const SiteMunicipality* town;
  const SiteCard* card;
};

const char* const kColors[] = {"#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#e16f24", "#116329", "#6e7781"};

bool number(const SiteValue& v) {
  return v.value.value("status", "") == "ok" && v.value.contains("value") && v.value["value"].is_number() &&
         v.value.contains("period") && v.value["period"].value("agg", "") != "sum";
}

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

std::string series_chart(const std::vector<Row>& rows, SourceLinks& links) {
  int y0 = 9999, y1 = 0;
  double lo = 1e300, hi = -1e300;
  for (const Row& r : rows)
    for (const SiteValue& v : r.card->actuals)
      if (number(v)) {
        int y = v.value["period"].value("end", 0);
        double x = v.value["value"].get<double>();
        y0 = std::min(y0, y), y1 = std::max(y1, y), lo = std::min(lo, x), hi = std::max(hi, x);
      }
  if (y1 == 0) return "";
  if (y0 == y1) --y0, ++y1;
  double pad = hi > lo ? (hi - lo) * 0.1 : std::fabs(hi) * 0.1 + 1;
  lo -= pad, hi += pad;
  const double W = 720, H = 260, L = 60, R = 16, T = 14, B = 24;
  auto X = [&](double y) { return L + (y - y0) / (y1 - y0) * (W - L - R); };
  auto Y = [&](double v) { return T + (hi - v) / (hi - lo) * (H - T - B); };
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 720 260\" width=\"720\" height=\"260\" role=\"img\">";
  for (double v : {lo + pad, hi - pad})
    s += "<line x1=\"" + fmt(L) + "\" x2=\"" + fmt(W - R) + "\" y1=\"" + fmt(Y(v)) + "\" y2=\"" + fmt(Y(v)) +
         "\" stroke=\"#eaeef2\"/><text x=\"" + fmt(L - 4) + "\" y=\"" + fmt(Y(v) + 3) + "\" text-anchor=\"end\">" +
         html_escape(short_number(v)) + "</text>";
  for (int y = y0; y <= y1; y += y1 - y0 > 12 ? 2 : 1)
    s += "<text x=\"" + fmt(X(y)) + "\" y=\"" + fmt(H - 6) + "\" text-anchor=\"middle\">" + std::to_string(y) + "</text>";
  size_t n = 0;
  for (const Row& r : rows) {
    const char* color = kColors[n++ % std::size(kColors)];
    std::string points, marks;
    for (const SiteValue& v : r.card->actuals) {
      if (!number(v)) continue;
      double x = X(v.value["period"].value("end", 0)), y = Y(v.value["value"].get<double>());
      points += fmt(x) + "," + fmt(y) + " ";
      marks += "<a href=\"" + html_escape(links.href(*v.doc, v.value["source"].value("page", 0), "c")) +
               "\"><circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"3.5\" fill=\"" + color + "\"/><title>" +
               html_escape(r.town->name + " " + r.card->indicator + " " + period_label(v.value) + ": " +
                           v.value.value("raw", "")) +
               "</title></a>";
    }
    if (!points.empty())
      s += "<polyline fill=\"none\" stroke=\"" + std::string(color) + "\" stroke-width=\"2\" points=\"" + points + "\"/>";
    s += marks;
  }
  return s + "</svg>";
}

std::string legend(const std::vector<Row>& rows) {
  std::string h = "<p class=\"legend\">";
  size_t n = 0;
  for (const Row& r : rows) {
    bool any = std::any_of(r.card->actuals.begin(), r.card->actuals.end(), number);
    const char* color = kColors[n++ % std::size(kColors)];
    if (!any) continue;
    h += "<span><i style=\"background:" + std::string(color) + "\"></i>" + html_escape(r.town->name + " " + r.card->indicator) +
         "</span>";
  }
  return h + "</p>";
}

std::string cell(const std::optional<SiteValue>& v, SourceLinks& links) {
  return v ? "<td>" + value_link(links, *v, "c") + "</td>" : "<td></td>";
}

std::string table(const std::vector<Row>& rows, SourceLinks& links) {
  std::set<int> years;
  for (const Row& r : rows)
    for (const SiteValue& v : r.card->actuals) years.insert(v.value["period"].value("end", 0));
  std::string h = "<table class=\"list\"><tr><th>市町村</th><th>指標（記載のまま）</th><th>基準値</th>";
  for (int y : years) h += "<th>" + std::to_string(y) + "</th>";
  h += "<th>目標値</th><th class=\"n\">目標への進捗</th></tr>";
  for (const Row& r : rows) {
    const SiteCard& c = *r.card;
    h += "<tr><td><a href=\"../" + municipality_page(*r.town) + "\">" + html_escape(r.town->name) + "</a></td><td>" +
         html_escape(c.indicator) + (c.concept_qualifiers.empty() ? "" : "<div class=\"meta\">" + html_escape(c.concept_qualifiers) + "</div>") +
         (c.project.empty() ? "" : "<div class=\"meta\">" + html_escape(c.project) + "</div>") + "</td>" +
         cell(c.baseline, links);
    for (int y : years) {
      std::optional<SiteValue> at;
      for (const SiteValue& v : c.actuals)
        if (v.value["period"].value("end", 0) == y) at = v;
      h += cell(at, links);
    }
    h += cell(c.targets.empty() ? std::nullopt : std::optional<SiteValue>(c.targets.back()), links);
    std::optional<Progress> p = progress_to_target(c);
    char buf[48] = "—";
    if (p) std::snprintf(buf, sizeof buf, "%.1f%%%s", p->percent, p->from_baseline ? "" : "＊");
    h += "<td class=\"n\">" + std::string(buf) + "</td></tr>";
  }
  return h + "</table>";
}

}  // namespace

std::string concept_page_html(const Site& site, const SiteConcept& c, SourceLinks& links) {
  std::vector<Row> rows;
  for (const SiteMunicipality& m : site.municipalities)
    for (const SiteCard& card : m.cards)
      if (card.concept_id == c.id) rows.push_back({&m, &card});
  std::string body = "<h1>" + html_escape(c.label) + "</h1><p class=\"meta\">" + html_escape(c.id) +
                     (c.unit.empty() ? " ・ 単位なし（比率）" : " ・ 単位 " + html_escape(c.unit)) + " ・ " +
                     std::to_string(c.municipalities) + " 市町村</p>";
  body += "<h2>実績の推移</h2>" + series_chart(rows, links) + legend(rows);
  body += "<h2>市町村ごとの値</h2><p class=\"meta\">値は記載のまま。目標への進捗 = (最新の実績 − 基準値) ÷ "
          "(目標値 − 基準値)。基準値のないもの（＊）は 最新の実績 ÷ 目標値。"
          "同じ量でも限定（単年・5年平均など）が違えば別の行です。</p>" +
          table(rows, links);
  return page_html(c.label, "../", body);
}

}  // namespace kpix

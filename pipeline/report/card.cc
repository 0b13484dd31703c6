// card_html (see pages.h).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/report/chart_svg.h"
#include "pipeline/report/pages.h"

namespace kpix {
namespace {

using nlohmann::json;

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

// How far the KPI has come: the figure the document prints (達成状況) where
// it prints one, else progress_to_target.
std::string achievement_html(const SiteCard& c, SourceLinks& links, const std::string& page_dir) {
  if (c.achievement && c.achievement->value.value("status", "") == "ok")
    return "<p class=\"ach\">達成状況（記載） <b>" + value_link(links, *c.achievement, page_dir) + "</b></p>";
  std::optional<Progress> p = progress_to_target(c);
  if (!p) return "";
  double w = std::clamp(p->percent, 0.0, 150.0) / 150.0 * 120;
  char bar[256];
  std::snprintf(bar, sizeof bar,
                "<svg class=\"bar\" width=\"124\" height=\"10\"><rect width=\"124\" height=\"10\" fill=\"#eaeef2\"/>"
                "<rect width=\"%.1f\" height=\"10\" fill=\"%s\"/><line x1=\"80\" x2=\"80\" y1=\"0\" y2=\"10\" "
                "stroke=\"#24292f\"/></svg>",
                w, p->percent >= 100 ? "#1a7f37" : "#bf8700");
  return std::string("<p class=\"ach\">") + (p->from_baseline ? "目標への進捗（基準値→目標値）" : "目標比（実績÷目標値）") +
         " <b>" + percent(p->percent) + "</b> " + bar + "</p>";
}

// Every value the card's editions print, each a link to its source: one
// chip per value, the edition's date on those of earlier editions.
std::string values_list(const SiteCard& c, SourceLinks& links, const std::string& page_dir) {
  std::string chips;
  for (const auto& [record, doc] : c.records) {
    for (const json& v : record.value("values", json::array())) {
      if (v.value("status", "") == "none") continue;  // an empty cell: nothing to show
      SiteValue sv{v, doc};
      chips += "<span class=\"val\"><span class=\"r\">" + html_escape(role_label(v.value("role", "")) + " " + period_label(v)) +
               "</span> " + value_link(links, sv, page_dir) +
               (doc != c.records.front().second ? "<span class=\"ed\">" + html_escape(doc->date) + "版</span>" : "") +
               "</span>";
    }
  }
  return chips.empty() ? "" : "<div class=\"vals\">" + chips + "</div>";
}

}  // namespace

std::string card_html(const SiteCard& c, SourceLinks& links, const CropMaker& crops, const std::string& page_dir) {
  std::string h = std::string("<div class=\"card") + (c.current ? "" : " dropped") + "\"><h4>" + html_escape(c.indicator);
  if (!c.unit.empty()) h += "（" + html_escape(c.unit) + "）";
  if (!c.concept_id.empty())
    h += "<a class=\"tag\" href=\"../" + concept_page(c.concept_id) + "\" title=\"" + html_escape(c.concept_qualifiers) +
         "\">" + html_escape(c.concept_id) + "</a>";
  if (!c.current) h += "<span class=\"tag old\">" + html_escape(c.newest->date) + "の版まで</span>";
  h += "</h4><div class=\"project\">" +
       html_escape(c.level == "statistic" ? "統計" : c.project.empty() ? "基本目標の指標" : c.project) +
       (c.records.size() > 1 ? " ・ " + std::to_string(c.records.size()) + "版" : "") + "</div>";
  h += kpi_chart_svg(c, [&](const SiteValue& v) {
    return links.href(*v.doc, v.value.value("source", json::object()).value("page", 0), page_dir);
  });
  h += achievement_html(c, links, page_dir);
  h += values_list(c, links, page_dir);
  const auto& [record, doc] = c.records.front();
  if (auto png = crops.crop(*doc, record)) {
    int page = record.value("source", json::object()).value("page", 1);
    h += "<figure class=\"crop\"><a href=\"" + html_escape(links.href(*doc, page, page_dir)) + "\"><img src=\"../" +
         html_escape(*png) + "\" alt=\"" + html_escape(doc->file + " p." + std::to_string(page)) +
         "\" loading=\"lazy\"></a><figcaption>" + html_escape(doc->file + " p." + std::to_string(page)) +
         "</figcaption></figure>";
  }
  return h + "</div>";
}

}  // namespace kpix

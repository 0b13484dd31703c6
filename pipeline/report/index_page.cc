// index_page_html (see pages.h): municipalities, concepts, and every stored
// document with its previous edition.
#include <map>

#include "pipeline/report/pages.h"

namespace kpix {
namespace {

std::string municipalities_table(const Site& site) {
  std::string h = "<table class=\"list\"><tr><th>コード</th><th>都道府県</th><th>市町村</th><th class=\"n\">資料</th>"
                  "<th class=\"n\">KPI</th><th>最新の資料</th></tr>";
  for (const SiteMunicipality& m : site.municipalities) {
    int current = 0;
    for (const SiteCard& c : m.cards) current += c.current;
    h += "<tr><td>" + html_escape(m.code.empty() ? "—" : m.code) + "</td><td>" + html_escape(m.prefecture) +
         "</td><td><a href=\"" + municipality_page(m) + "\">" + html_escape(m.code.empty() ? "市町村不明" : m.name) +
         "</a></td><td class=\"n\">" + std::to_string(m.documents.size()) + "</td><td class=\"n\">" +
         std::to_string(current) + "</td><td>" + html_escape(m.documents.empty() ? "" : m.documents.front()->date) +
         "</td></tr>";
  }
  return h + "</table>";
}

std::string concepts_table(const Site& site) {
  std::string h = "<table class=\"list\"><tr><th>指標の概念</th><th>ID</th><th>単位</th><th class=\"n\">市町村</th>"
                  "<th class=\"n\">KPI</th></tr>";
  for (const SiteConcept& c : site.concepts)
    h += "<tr><td><a href=\"" + concept_page(c.id) + "\">" + html_escape(c.label) + "</a></td><td>" + html_escape(c.id) +
         "</td><td>" + html_escape(c.unit.empty() ? "—" : c.unit) + "</td><td class=\"n\">" +
         std::to_string(c.municipalities) + "</td><td class=\"n\">" + std::to_string(c.cards) + "</td></tr>";
  return h + "</table>";
}

std::string documents_table(const Site& site, SourceLinks& links) {
  std::map<int64_t, const SiteDocument*> by_id;
  for (const SiteDocument& d : site.documents) by_id[d.id] = &d;
  std::string h = "<table class=\"list\"><tr><th>市町村</th><th>日付</th><th>ファイル</th><th>計画</th>"
                  "<th>前の版</th><th class=\"n\">KPI</th><th class=\"n\">頁</th></tr>";
  for (const SiteDocument& d : site.documents) {
    std::string prev = d.previous && by_id.count(*d.previous) ? by_id[*d.previous]->file : "";
    std::string note = d.rendering_of && by_id.count(*d.rendering_of)
                           ? "<div class=\"meta\">" + html_escape(by_id[*d.rendering_of]->file) + " と同じ版</div>"
                           : "";
    h += "<tr><td>" + html_escape(d.municipality) + "</td><td>" + html_escape(d.date.empty() ? "—" : d.date) +
         "</td><td><a href=\"" + html_escape(links.href(d, 1, "")) + "\">" + html_escape(d.file) + "</a>" + note +
         "</td><td>" + html_escape(d.plan) + "</td><td>" + html_escape(prev) + "</td><td class=\"n\">" +
         std::to_string(d.records) + "</td><td class=\"n\">" + std::to_string(d.pages) + "</td></tr>";
  }
  return h + "</table>";
}

}  // namespace

std::string index_page_html(const Site& site, const std::string& dataset, SourceLinks& links) {
  std::string body = "<h1>KPI の一覧</h1><p class=\"meta\">データセット " + html_escape(dataset) + " ・ " +
                     std::to_string(site.municipalities.size()) + " 市町村 ・ " + std::to_string(site.documents.size()) +
                     " 資料 ・ " + std::to_string(site.concepts.size()) + " 概念</p>";
  body += "<h2>市町村</h2>" + municipalities_table(site);
  body += "<h2>指標の概念（市町村の比較）</h2>" + concepts_table(site);
  body += "<h2>資料</h2>" + documents_table(site, links);
  return page_html("一覧", "", body);
}

}  // namespace kpix

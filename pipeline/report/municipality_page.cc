// municipality_page_html (see pages.h): a municipality's editions, then its
// KPIs as cards, by plan (the newest edition of each), goal, and order in
// the document; KPIs only earlier editions had come last.
#include "pipeline/report/pages.h"

namespace kpix {
namespace {

std::string documents_table(const SiteMunicipality& m, SourceLinks& links) {
  std::string h = "<table class=\"list\"><tr><th>日付</th><th>資料</th><th>計画</th><th class=\"n\">KPI</th>"
                  "<th class=\"n\">頁</th></tr>";
  for (const SiteDocument* d : m.documents) {
    h += "<tr><td>" + html_escape(d->date.empty() ? "—" : d->date) + "</td><td><a href=\"" +
         html_escape(links.href(*d, 1, "m")) + "\">" + html_escape(d->title.empty() ? d->file : d->title) +
         "</a><div class=\"meta\">" + html_escape(d->file) + "</div></td><td>" + html_escape(d->plan) +
         "</td><td class=\"n\">" + std::to_string(d->records) + "</td><td class=\"n\">" + std::to_string(d->pages) +
         "</td></tr>";
  }
  return h + "</table>";
}

std::string goal_heading(const SiteCard& c) {
  if (c.level == "statistic") return "統計（人口動態など）";
  if (c.goal_number > 0) return "基本目標 " + std::to_string(c.goal_number) + (c.goal_title.empty() ? "" : "　" + c.goal_title);
  return "指標";
}

const char* kLegend =
    "<p class=\"legend\"><span><i style=\"background:#0969da;border-radius:5px\"></i>実績</span>"
    "<span><i style=\"background:#6e7781\"></i>基準値</span><span><i style=\"background:#cf222e\"></i>目標値</span>"
    "<span><i style=\"border:1px solid #8c959f\"></i>前の版の目標値</span>"
    "<span>値をクリックすると出典（PDFの該当ページ）が開きます</span></p>";

}  // namespace

std::string municipality_page_html(const SiteMunicipality& m, SourceLinks& links, const CropMaker& crops) {
  std::string name = m.code.empty() ? "市町村不明の資料" : m.name;
  std::string body = "<h1>" + html_escape(name) + "</h1><p class=\"meta\">" +
                     html_escape(m.code.empty() ? "全国地方公共団体コードの定まらない資料"
                                                : m.prefecture + " ・ 全国地方公共団体コード " + m.code) +
                     "</p><h2>資料</h2>" + documents_table(m, links) + kLegend;
  const SiteDocument* head = nullptr;
  std::string heading;
  bool open = false, dropped = false;
  auto close = [&] {
    if (open) body += "</div>";
    open = false;
  };
  for (const SiteCard& c : m.cards) {
    if (c.chain_head != head) {
      close();
      head = c.chain_head;
      heading.clear();
      dropped = false;
      body += "<h2>" + html_escape(head->plan.empty() ? head->title : head->plan) + "<span class=\"meta\"> ・ " +
              html_escape(head->date) + " の資料まで</span></h2>";
    }
    if (!c.current && !dropped) {
      close();
      dropped = true;
      heading.clear();
      body += "<h3>以前の版にだけある指標</h3>";
    }
    std::string h = dropped ? "" : goal_heading(c);
    if (!dropped && h != heading) {
      close();
      heading = h;
      body += "<h3>" + html_escape(h) + "</h3>";
    }
    if (!open) body += "<div class=\"cards\">", open = true;
    body += card_html(c, links, crops, "m");
  }
  close();
  return page_html(name, "../", body);
}

}  // namespace kpix

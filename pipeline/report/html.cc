#include "pipeline/report/html.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "parsers/normalize/roles.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Percent-encodes a path for an href: unreserved ASCII and `/` stay.
std::string url_path(const std::string& p) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : p) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += char(c);
    else out += '%', out += hex[c >> 4], out += hex[c & 15];
  }
  return out;
}

const char* kStyle = R"css(
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;margin:0;color:#1f2328;background:#f6f8fa;line-height:1.5}
header{background:#24292f;color:#fff;padding:10px 24px}
header a{color:#fff;text-decoration:none;font-weight:600}
header .where{color:#d0d7de;font-size:13px;margin-left:12px}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:24px;margin:8px 0 4px}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #d0d7de}
h3{font-size:16px;margin:18px 0 8px;color:#424a53}
.meta{color:#57606a;font-size:13px}
table.list{border-collapse:collapse;background:#fff;font-size:14px;width:100%}
table.list th,table.list td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
table.list th{background:#eaeef2;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:14px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 14px}
.card.dropped{border-style:dashed;background:#fbfbfc}
.card h4{font-size:15px;margin:0 0 2px}
.card .project{color:#57606a;font-size:12px;margin-bottom:6px}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;background:#ddf4ff;color:#0550ae;margin-left:4px;vertical-align:2px;text-decoration:none}
.tag.old{background:#eaeef2;color:#57606a}
svg.chart{display:block;margin:4px 0}
svg.chart text{font-size:10px;fill:#57606a}
.ach{font-size:13px;margin:2px 0 6px}
.ach b{font-size:15px}
.vals{display:flex;flex-wrap:wrap;gap:3px 6px;font-size:12px;margin-top:4px}
.val{background:#f6f8fa;border-radius:4px;padding:1px 6px;white-space:nowrap}
.val .r{color:#57606a}
.val .ed{color:#8c959f;font-size:10px;margin-left:3px}
a.v{color:#0550ae;font-weight:600;text-decoration:none;border-bottom:1px dotted #0550ae}
a.src{color:#57606a;font-size:11px;margin-left:4px}
.missing{color:#a40e26}
figure.crop{margin:6px 0 0}
figure.crop img{max-width:100%;border:1px solid #d0d7de;display:block}
figure.crop figcaption{font-size:11px;color:#57606a}
.legend span{margin-right:14px;font-size:12px;color:#57606a}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
)css";

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string full_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", std::fabs(v));
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  std::string head = s.substr(0, s.find('.')), tail = s.find('.') == std::string::npos ? "" : s.substr(s.find('.'));
  std::string grouped;
  for (size_t i = 0; i < head.size(); ++i) {
    if (i && (head.size() - i) % 3 == 0) grouped += ',';
    grouped += head[i];
  }
  return (v < 0 && s != "0" ? "-" : "") + grouped + tail;
}

std::string short_number(double v) {
  double a = std::fabs(v);
  char buf[64];
  if (a >= 1e8) std::snprintf(buf, sizeof buf, "%.4g億", v / 1e8);
  else if (a >= 1e4) std::snprintf(buf, sizeof buf, "%.4g万", v / 1e4);
  else return full_number(v);
  return buf;
}

std::string period_label(const json& v) {
  auto it = v.find("period");
  if (it == v.end() || !it->is_object()) return "期間なし";
  int s = it->value("start", 0), e = it->value("end", 0);
  std::string t = s == e ? std::to_string(s) : std::to_string(s) + "–" + std::to_string(e);
  std::string agg = it->value("agg", "");
  return agg == "mean" ? t + "平均" : agg == "sum" ? t + "合計" : t;
}

std::string role_label(const std::string& role) {
  std::optional<Role> r = role_from_string(role);
  return r ? std::string(role_word_ja(*r)) : role;
}

const SourceLinks::Target& SourceLinks::target(const SiteDocument& d) {
  auto it = targets_.find(d.id);
  if (it != targets_.end()) return it->second;
  std::error_code ec;
  Target t;
  t.absolute = fs::weakly_canonical(fs::absolute(d.path, ec), ec);
  t.exists = fs::is_regular_file(t.absolute, ec);
  return targets_.emplace(d.id, t).first->second;
}

bool SourceLinks::reachable(const SiteDocument& d) { return target(d).exists; }

std::string SourceLinks::href(const SiteDocument& d, int page, const std::string& page_dir) {
  const Target& t = target(d);
  std::string base;
  if (t.exists) {
    std::error_code ec;
    fs::path from = fs::weakly_canonical(fs::absolute(site_dir_ / page_dir, ec), ec);
    fs::path rel = fs::relative(t.absolute, from, ec);
    base = ec || rel.empty() ? t.absolute.string() : rel.string();
  } else {
    base = d.path;  // as stored: the link a person can follow where the files are
  }
  return url_path(base) + (d.pdf && page > 0 ? "#page=" + std::to_string(page) : "");
}

std::string value_link(SourceLinks& links, const SiteValue& v, const std::string& page_dir) {
  const json src = v.value.value("source", json::object());
  int page = src.value("page", 0), line = src.value("line", 0);
  std::string raw = v.value.value("raw", "");
  if (raw.empty() && v.value.contains("value") && v.value["value"].is_number()) raw = full_number(v.value["value"]);
  std::string where = line > 0 ? "行 " + std::to_string(line) : "p." + std::to_string(page);
  std::string href = html_escape(links.href(*v.doc, page, page_dir));
  std::string title = html_escape(v.doc->file + " " + where);
  std::string cls = links.reachable(*v.doc) ? "" : " missing";
  return "<a class=\"v" + cls + "\" href=\"" + href + "\" title=\"" + title + "\">" + html_escape(raw) + "</a>" +
         "<a class=\"src" + cls + "\" href=\"" + href + "\">" + html_escape(where) + "</a>";
}

std::string page_html(const std::string& title, const std::string& root, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + html_escape(title) + " — kpix</title><style>" + kStyle + "</style></head><body>"
         "<header><a href=\"" + root + "index.html\">kpix 指標ダッシュボード</a><span class=\"where\">" +
         html_escape(title) + "</span></header><main>" + body + "</main></body></html>\n";
}

}  // namespace kpix

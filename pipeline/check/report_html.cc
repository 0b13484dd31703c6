#include "pipeline/check/report_html.h"

#include <array>
#include <map>

namespace kpix {
namespace {

using nlohmann::json;

const char* kStyle = R"css(
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a;font-size:13px}
.counts span{display:inline-block;margin:8px 8px 0 0;padding:4px 10px;border-radius:12px;font-weight:600;font-size:14px}
.v-match{background:#dafbe1;color:#116329}
.v-mismatch{background:#ffebe9;color:#a40e26}
.v-not_found{background:#fff8c5;color:#7d4e00}
.v-ambiguous{background:#ddf4ff;color:#0550ae}
.v-malformed{background:#eaeef2;color:#424a53}
.card{border:1px solid #d0d7de;border-radius:6px;margin:0 0 18px;padding:12px 14px;page-break-inside:avoid}
.card h3{font-size:16px;margin:0 0 8px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;margin-right:6px;vertical-align:1px}
table.cmp{border-collapse:collapse;margin:6px 0 10px;font-size:14px}
table.cmp th,table.cmp td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
table.cmp th{background:#f6f8fa;font-weight:600}
.num{font-family:"DejaVu Sans Mono",monospace;font-size:15px}
.entered{color:#a40e26;font-weight:700}
.srcval{color:#116329;font-weight:700}
.diag{font-weight:700;color:#a40e26}
.reason{color:#57606a;font-size:14px;margin:4px 0}
figure{margin:8px 0 0}
figure img{max-width:100%;border:1px solid #d0d7de}
figcaption{color:#57606a;font-size:12px;margin-top:2px}
table.src{border-collapse:collapse;font-size:13px;margin-top:8px}
table.src td{border:1px solid #d0d7de;padding:3px 6px;max-width:320px}
table.src td.ln{color:#57606a;background:#f6f8fa;font-family:monospace}
table.src tr.focus td{background:#fff8c5}
table.src td.cell{outline:3px solid #e00000;outline-offset:-3px;font-weight:700}
table.src td.other{outline:2px solid #1f6feb;outline-offset:-2px}
table.matches{border-collapse:collapse;font-size:13px}
table.matches th,table.matches td{border:1px solid #d0d7de;padding:3px 8px;text-align:left}
table.matches th{background:#f6f8fa}
.err{color:#a40e26}
)css";

std::string verdict_badge(Verdict v) {
  std::string n(to_string(v));
  return "<span class=\"badge v-" + n + "\">" + n + "</span>";
}

std::string evidence_html(const Evidence& ev) {
  std::string h;
  if (!ev.error.empty()) return "<p class=\"err\">No picture: " + html_escape(ev.error) + "</p>";
  if (!ev.png.empty()) {
    h += "<figure><img alt=\"" + html_escape(ev.caption) + "\" src=\"data:image/png;base64," + base64_encode(ev.png) +
         "\"><figcaption>" + html_escape(ev.caption) + "</figcaption></figure>";
    return h;
  }
  if (!ev.rows.empty()) {
    h += "<table class=\"src\">";
    for (const auto& row : ev.rows) {
      h += row.focus ? "<tr class=\"focus\">" : "<tr>";
      h += "<td class=\"ln\">" + (row.line > 0 ? std::to_string(row.line) : std::string()) + "</td>";
      for (size_t c = 0; c < row.cells.size(); ++c) {
        std::string cls = int(c) == row.focus_cell ? " class=\"cell\"" : int(c) == row.other_cell ? " class=\"other\"" : "";
        h += "<td" + cls + ">" + html_escape(row.cells[c]) + "</td>";
      }
      h += "</tr>";
    }
    h += "</table><p class=\"reason\">" + html_escape(ev.caption) + "</p>";
  }
  return h;
}

std::string source_cell(const Matcher& m, const SourceHit& h) {
  const json& v = m.value(h);
  std::string raw = v.value("raw", "");
  std::string s = "<span class=\"num srcval\">" + html_escape(source_value_label(v)) + "</span>";
  return s;
}

std::string entered_cell(const CheckResult& r) {
  std::string s = "<span class=\"num entered\">" + html_escape(r.entry.value) + "</span>";
  if (!r.entry.unit.empty()) s += " <span class=\"meta\">unit column: " + html_escape(r.entry.unit) + "</span>";
  if (r.entered && r.entered->value)
    s += " <span class=\"meta\">→ " + html_escape(readable_number(*r.entered->value)) +
         (r.entered->unit.empty() ? "" : " " + html_escape(r.entered->unit)) + "</span>";
  return s;
}

std::string period_text(const json& v) {
  if (!v.contains("period")) return "";
  const json& p = v["period"];
  int a = p.value("start", 0), b = p.value("end", a);
  return a == b ? std::to_string(a) : std::to_string(a) + "–" + std::to_string(b);
}

std::string card(const CheckResult& r, const std::vector<Evidence>& ev, const Matcher& m, const ReportContext& ctx) {
  const Entry& e = r.entry;
  std::string h = "<div class=\"card\" id=\"line-" + std::to_string(e.line) + "\"><h3>" + verdict_badge(r.verdict) +
                  "line " + std::to_string(e.line) + ": " + html_escape(e.indicator.empty() ? "(no indicator)" : e.indicator) +
                  "</h3>";
  if (r.verdict == Verdict::malformed) {
    h += "<p class=\"diag\">" + html_escape(r.problem) + "</p>";
    return h + "</div>";
  }
  h += "<table class=\"cmp\"><tr><th></th><th>entered (" + html_escape(ctx.entries_file) + " line " +
       std::to_string(e.line) + ")</th><th>source</th></tr>";
  auto row = [&](const std::string& k, const std::string& a, const std::string& b) {
    h += "<tr><th>" + k + "</th><td>" + a + "</td><td>" + b + "</td></tr>";
  };
  const json* sv = r.source ? &m.value(*r.source) : nullptr;
  const json* rec = r.source ? &m.record(*r.source) : nullptr;
  auto rec_str = [&](const char* k) {
    return rec && rec->contains(k) && (*rec)[k].is_string() ? html_escape((*rec)[k].get<std::string>()) : std::string();
  };
  row("municipality", html_escape(e.municipality),
      rec && rec->contains("municipality") ? html_escape((*rec)["municipality"].value("name", "")) : "");
  if (!e.project.empty() || (rec && rec->contains("project") && (*rec)["project"].is_string()))
    row("project", html_escape(e.project), rec_str("project"));
  row("indicator", html_escape(e.indicator), rec_str("indicator"));
  row("role / year", html_escape(e.role + (e.year.empty() ? "" : " " + e.year)),
      sv ? html_escape(sv->value("role", "") + " " + period_text(*sv)) : "");
  row("value", entered_cell(r), r.source ? source_cell(m, *r.source) : "<span class=\"meta\">—</span>");
  if (r.source) row("where", "", html_escape(location_label(m, *r.source)));
  h += "</table>";
  if (r.diagnosis) h += "<p class=\"diag\">Diagnosis: " + html_escape(r.diagnosis->text) + "</p>";
  if (!r.reason.empty()) h += "<p class=\"reason\">" + html_escape(r.reason) + "</p>";
  if (r.verdict == Verdict::ambiguous) {
    h += "<p>Candidates:</p><ol>";
    for (size_t i = 0; i < r.candidates.size(); ++i) {
      const json& crec = m.record(r.candidates[i]);
      std::string proj = crec.contains("project") && crec["project"].is_string() ? crec["project"].get<std::string>() : "goal level";
      h += "<li>" + html_escape(proj) + ": " + source_cell(m, r.candidates[i]) + " at " +
           html_escape(location_label(m, r.candidates[i]));
      if (i < ev.size()) h += evidence_html(ev[i]);
      h += "</li>";
    }
    h += "</ol>";
  } else {
    for (const Evidence& x : ev) h += evidence_html(x);
  }
  return h + "</div>";
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned int n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    out += tbl[n >> 18];
    out += tbl[(n >> 12) & 63];
    out += tbl[(n >> 6) & 63];
    out += tbl[n & 63];
  }
  if (i + 1 == bytes.size()) {
    unsigned int n = (unsigned char)bytes[i] << 16;
    out += tbl[n >> 18];
    out += tbl[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    unsigned int n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += tbl[n >> 18];
    out += tbl[(n >> 12) & 63];
    out += tbl[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string render_report_html(const std::vector<CheckResult>& results, const std::vector<std::vector<Evidence>>& evidence,
                               const Matcher& m, const ReportContext& ctx) {
  static const std::vector<Evidence> none;
  std::map<Verdict, int> counts;
  for (const CheckResult& r : results) ++counts[r.verdict];
  std::string h = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>kpix check: " +
                  html_escape(ctx.entries_file) + "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>kpix check: " + html_escape(ctx.entries_file) + "</h1>";
  h += "<div class=\"meta\">" + std::to_string(results.size()) + " entry lines" +
       (ctx.encoding.empty() ? "" : " (" + html_escape(ctx.encoding) + ")") + " checked against " +
       std::to_string(ctx.sources.size()) + " source(s): ";
  for (size_t i = 0; i < ctx.sources.size(); ++i) h += (i ? ", " : "") + html_escape(ctx.sources[i]);
  h += "</div>";
  h += "<div class=\"counts\">";
  for (Verdict v : {Verdict::match, Verdict::mismatch, Verdict::not_found, Verdict::ambiguous, Verdict::malformed})
    if (counts[v] || v == Verdict::match || v == Verdict::mismatch)
      h += "<span class=\"v-" + std::string(to_string(v)) + "\">" + std::to_string(counts[v]) + " " +
           std::string(to_string(v)) + "</span>";
  h += "</div>\n";
  for (const std::string& e : ctx.source_errors) h += "<p class=\"err\">Source not read: " + html_escape(e) + "</p>";

  int disagreements = 0;
  for (const CheckResult& r : results) disagreements += r.verdict != Verdict::match;
  h += "<h2>Disagreements (" + std::to_string(disagreements) + ")</h2>\n";
  if (disagreements == 0) h += "<p>Every entry agrees with the sources.</p>";
  for (size_t i = 0; i < results.size(); ++i)
    if (results[i].verdict != Verdict::match)
      h += card(results[i], i < evidence.size() ? evidence[i] : none, m, ctx) + "\n";

  h += "<h2>Matches (" + std::to_string(counts[Verdict::match]) + ")</h2>\n";
  if (counts[Verdict::match]) {
    h += "<table class=\"matches\"><tr><th>line</th><th>indicator</th><th>role</th><th>year</th><th>entered</th>"
         "<th>source</th><th>where</th></tr>";
    for (const CheckResult& r : results) {
      if (r.verdict != Verdict::match) continue;
      h += "<tr id=\"line-" + std::to_string(r.entry.line) + "\"><td>" + std::to_string(r.entry.line) + "</td><td>" +
           html_escape(r.entry.project.empty() ? r.entry.indicator : r.entry.project + " / " + r.entry.indicator) +
           "</td><td>" + html_escape(r.entry.role) + "</td><td>" + html_escape(r.entry.year) + "</td><td class=\"num\">" +
           html_escape(r.entry.value + (r.entry.unit.empty() ? "" : " " + r.entry.unit)) + "</td><td class=\"num\">" +
           html_escape(source_value_label(m.value(*r.source))) + "</td><td>" + html_escape(location_label(m, *r.source)) +
           (r.reason.empty() ? "" : "<br><span class=\"meta\">" + html_escape(r.reason) + "</span>") + "</td></tr>";
    }
    h += "</table>";
  }
  h += "\n</body></html>\n";
  return h;
}

}  // namespace kpix

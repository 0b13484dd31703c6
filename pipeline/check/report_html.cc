// The report's pieces (a card per disagreement, a row per match, the
// heading) and ReportWriter, which streams them (see report_html.h).
#include "pipeline/check/report_html.h"

#include <filesystem>

#include "pipeline/check/record_fields.h"
#include "pipeline/model/error.h"

namespace kpix {
namespace {

using nlohmann::json;
using record_fields::has_qualifier;
using record_fields::str;

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
.card h3 .typed{font-weight:400;color:#57606a}
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

constexpr Verdict kVerdicts[] = {Verdict::match, Verdict::mismatch, Verdict::not_found, Verdict::ambiguous,
                                 Verdict::malformed};

std::string verdict_badge(Verdict v, const ReportLabels& l) {
  return "<span class=\"badge v-" + std::string(to_string(v)) + "\">" + html_escape(l.verdict(v)) + "</span>";
}

std::string link(const std::string& href, const std::string& inner) {
  return "<a href=\"" + html_escape(href) + "\">" + inner + "</a>";
}

std::string evidence_html(const Evidence& ev, const ReportLabels& l, const std::string& report_dir) {
  std::string file = std::filesystem::path(ev.path).filename().string();
  std::string href = ev.path.empty() ? "" : source_href(ev.path, report_dir, ev.page);
  std::string open = href.empty() ? ""
                     : ev.page > 0 ? link(href, html_escape(fill_in(l.open_page, std::to_string(ev.page), file)))
                                   : link(href, html_escape(fill_in(l.open_file, "", file)));
  if (!ev.error.empty()) return "<p class=\"err\">" + html_escape(l.no_picture) + html_escape(ev.error) + "</p>";
  std::string h;
  if (!ev.png.empty()) {
    std::string img = "<img alt=\"" + html_escape(ev.caption) + "\" src=\"data:image/png;base64," +
                      base64_encode(ev.png) + "\">";
    return "<figure>" + (href.empty() ? img : link(href, img)) + "<figcaption>" + html_escape(ev.caption) +
           (open.empty() ? "" : " · " + open) + "</figcaption></figure>";
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
    h += "</table><p class=\"reason\">" + html_escape(ev.caption) + (open.empty() ? "" : " · " + open) + "</p>";
  }
  return h;
}

std::string source_cell(const Matcher& m, const SourceHit& h) {
  return "<span class=\"num srcval\">" + html_escape(source_value_label(m.value(h))) + "</span>";
}

std::string entered_cell(const CheckResult& r, const ReportLabels& l) {
  std::string s = "<span class=\"num entered\">" + html_escape(r.entry.value) + "</span>";
  if (!r.entry.unit.empty()) s += " <span class=\"meta\">" + html_escape(l.unit_column) + html_escape(r.entry.unit) + "</span>";
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

// Role and year as typed: the role column, and the year column when it says
// more than the role column did.
std::string typed_role_year(const Entry& e) {
  std::string s = e.role_text;
  if (!e.year.empty() && s.find(e.year) == std::string::npos) s += (s.empty() ? "" : " ") + e.year;
  return s;
}

// The kind of value a source value is, for people: "実績 2022", "目標値 見込 2024".
std::string source_role_year(const json& v, const ReportLabels& l) {
  std::string s = l.role_name(role_from_string(str(v, "role")));
  if (has_qualifier(v, "estimate")) s += std::string(" ") + l.estimate;
  return s + " " + period_text(v);
}

std::string entry_kind(const Entry& e, const ReportLabels& l) {
  std::string s = l.role_name(e.role);
  if (e.estimate) s += (s.empty() ? "" : " ") + std::string(l.estimate);
  return s;
}

std::string card_heading(const CheckResult& r, const ReportLabels& l) {
  const Entry& e = r.entry;
  std::string typed = typed_role_year(e);
  return "<h3>" + verdict_badge(r.verdict, l) + html_escape(fill_in(l.line_heading, std::to_string(e.line))) + ": " +
         html_escape(e.indicator.empty() ? l.no_indicator : e.indicator) +
         (typed.empty() ? "" : " <span class=\"typed\">" + html_escape(typed) + "</span>") + "</h3>";
}

std::string comparison_table(const CheckResult& r, const Matcher& m, const ReportLabels& l, const std::string& entries_file) {
  const Entry& e = r.entry;
  std::string h = "<table class=\"cmp\"><tr><th></th><th>" +
                  html_escape(fill_in(l.entered_column, std::to_string(e.line), entries_file)) + "</th><th>" +
                  html_escape(l.source_column) + "</th></tr>";
  auto row = [&](const char* k, const std::string& a, const std::string& b) {
    h += "<tr><th>" + html_escape(k) + "</th><td>" + a + "</td><td>" + b + "</td></tr>";
  };
  const json* sv = r.source ? &m.value(*r.source) : nullptr;
  const json* rec = r.source ? &m.record(*r.source) : nullptr;
  auto rec_str = [&](const char* k) { return rec ? html_escape(str(*rec, k)) : std::string(); };
  row(l.municipality, html_escape(e.municipality),
      rec && rec->contains("municipality") && (*rec)["municipality"].is_object()
          ? html_escape(str((*rec)["municipality"], "name"))
          : "");
  if (!e.project.empty() || (rec && rec->contains("project") && (*rec)["project"].is_string()))
    row(l.project, html_escape(e.project), rec_str("project"));
  row(l.indicator, html_escape(e.indicator), rec_str("indicator"));
  std::string kind = entry_kind(e, l);
  row(l.role_year, html_escape(kind + (e.year.empty() ? "" : " " + e.year)),
      sv ? html_escape(source_role_year(*sv, l)) : "");
  row(l.value, entered_cell(r, l), r.source ? source_cell(m, *r.source) : "<span class=\"meta\">—</span>");
  if (r.source) row(l.where, "", html_escape(location_label(m, *r.source)));
  return h + "</table>";
}

std::string diagnosis_html(const Diagnosis& d, const ReportLabels& l) {
  std::string_view kind = l.diagnosis_kind(d.kind);
  return "<p class=\"diag\">" + html_escape(l.diagnosis) + (kind.empty() ? "" : html_escape(kind) + " — ") +
         html_escape(d.text) + "</p>";
}

std::string match_row(const CheckResult& r, const Matcher& m, const ReportLabels& l) {
  const Entry& e = r.entry;
  return "<tr id=\"line-" + std::to_string(e.line) + "\"><td>" + std::to_string(e.line) + "</td><td>" +
         html_escape(e.project.empty() ? e.indicator : e.project + " / " + e.indicator) + "</td><td>" +
         html_escape(entry_kind(e, l)) + "</td><td>" + html_escape(e.year) + "</td><td class=\"num\">" +
         html_escape(e.value + (e.unit.empty() ? "" : " " + e.unit)) + "</td><td class=\"num\">" +
         html_escape(source_value_label(m.value(*r.source))) + "</td><td>" + html_escape(location_label(m, *r.source)) +
         (r.reason.empty() ? "" : "<br><span class=\"meta\">" + html_escape(r.reason) + "</span>") + "</td></tr>\n";
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

}  // namespace

ReportWriter::ReportWriter(const Matcher& m, MakeEvidence make, const ReportLabels& labels, std::string entries_file,
                           std::string report_dir)
    : m_(m), make_(std::move(make)), l_(labels), entries_file_(std::move(entries_file)), report_dir_(std::move(report_dir)) {
  cards_ = std::tmpfile();
  if (!cards_) throw InputError("kpix check", "cannot make a temporary file for the report");
}

ReportWriter::~ReportWriter() {
  if (cards_) std::fclose(cards_);
}

void ReportWriter::spool(const std::string& html) {
  if (std::fwrite(html.data(), 1, html.size(), cards_) != html.size())
    throw InputError("kpix check", "cannot write the report's temporary file (disk full?)");
}

// The evidence of one source value: made the first time, a link to the card
// that shows it afterwards.
std::string ReportWriter::evidence_for(const CheckResult& r, const SourceHit& hit, const std::optional<SourceHit>& other) {
  auto key = std::make_tuple(hit.doc, hit.record, hit.value, other ? other->value : -1);
  if (auto it = shown_.find(key); it != shown_.end())
    return "<p class=\"reason\"><a href=\"#line-" + std::to_string(it->second) + "\">" +
           html_escape(fill_in(l_.picture_at, std::to_string(it->second))) + "</a></p>";
  shown_.emplace(key, r.entry.line);
  return evidence_html(make_(hit, other), l_, report_dir_);
}

void ReportWriter::add(const CheckResult& r) {
  ++counts_[int(r.verdict)];
  if (r.verdict == Verdict::match) {
    if (counts_[int(Verdict::match)] <= kMatchRows) match_rows_ += match_row(r, m_, l_);
    return;
  }
  std::string h = "<div class=\"card\" id=\"line-" + std::to_string(r.entry.line) + "\">" + card_heading(r, l_);
  if (r.verdict == Verdict::malformed) {
    spool(h + "<p class=\"diag\">" + html_escape(r.problem) + "</p></div>\n");
    return;
  }
  h += comparison_table(r, m_, l_, entries_file_);
  if (r.diagnosis) h += diagnosis_html(*r.diagnosis, l_);
  if (!r.reason.empty()) h += "<p class=\"reason\">" + html_escape(r.reason) + "</p>";
  if (r.verdict == Verdict::mismatch && r.source) {
    h += evidence_for(r, *r.source, r.diagnosis ? r.diagnosis->other : std::nullopt);
  } else if (r.verdict == Verdict::ambiguous) {
    h += "<p>" + html_escape(l_.candidates) + "</p><ol>";
    for (size_t i = 0; i < r.candidates.size(); ++i) {
      const json& crec = m_.record(r.candidates[i]);
      std::string proj = str(crec, "project");
      h += "<li>" + html_escape(proj.empty() ? l_.goal_level : proj) + ": " + source_cell(m_, r.candidates[i]) + " — " +
           html_escape(location_label(m_, r.candidates[i]));
      if (i < kCandidatePictures) h += evidence_for(r, r.candidates[i], std::nullopt);
      h += "</li>";
    }
    h += "</ol>";
  }
  spool(h + "</div>\n");
}

void ReportWriter::finish(const ReportContext& ctx, const std::function<void(std::string_view)>& write) {
  size_t total = 0;
  for (size_t c : counts_) total += c;
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(l_.lang) + "\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(std::string(l_.title) + ": " + ctx.entries_file) + "</title><style>" + kStyle +
                  "</style></head><body>\n";
  h += "<h1>" + html_escape(std::string(l_.title) + ": " + ctx.entries_file) + "</h1>";
  h += "<div class=\"meta\">" + html_escape(fill_in(l_.entry_lines, std::to_string(total))) +
       (ctx.encoding.empty() ? "" : " (" + html_escape(ctx.encoding) + ")") +
       html_escape(fill_in(l_.checked_against, std::to_string(ctx.sources.size())));
  for (size_t i = 0; i < ctx.sources.size(); ++i) h += (i ? ", " : "") + html_escape(ctx.sources[i]);
  h += "</div>\n<div class=\"counts\">";
  for (Verdict v : kVerdicts)
    if (counts_[int(v)] || v == Verdict::match || v == Verdict::mismatch)
      h += "<span class=\"v-" + std::string(to_string(v)) + "\">" + std::to_string(counts_[int(v)]) + " " +
           html_escape(l_.verdict(v)) + "</span>";
  h += "</div>\n";
  for (const std::string& e : ctx.source_errors)
    h += "<p class=\"err\">" + html_escape(l_.source_not_read) + html_escape(e) + "</p>";
  size_t disagreements = total - counts_[int(Verdict::match)];
  h += "<h2>" + html_escape(fill_in(l_.disagreements, std::to_string(disagreements))) + "</h2>\n";
  if (disagreements == 0) h += "<p>" + html_escape(l_.all_agree) + "</p>";
  write(h);

  // The cards, back from the temporary file.
  std::fflush(cards_);
  std::rewind(cards_);
  std::string buf(size_t(64) << 10, '\0');
  while (size_t n = std::fread(buf.data(), 1, buf.size(), cards_)) write(std::string_view(buf.data(), n));
  if (std::ferror(cards_)) throw InputError("kpix check", "cannot read the report's temporary file back");

  size_t matches = counts_[int(Verdict::match)];
  h = "<h2>" + html_escape(fill_in(l_.matches, std::to_string(matches))) + "</h2>\n";
  if (matches) {
    h += "<table class=\"matches\"><tr><th>" + html_escape(l_.line) + "</th><th>" + html_escape(l_.indicator) +
         "</th><th>" + html_escape(l_.role) + "</th><th>" + html_escape(l_.year) + "</th><th>" +
         html_escape(l_.entered) + "</th><th>" + html_escape(l_.source_column) + "</th><th>" + html_escape(l_.where) +
         "</th></tr>\n";
    write(h);
    write(match_rows_);
    h = "</table>";
    if (matches > kMatchRows) h += "<p class=\"meta\">" + html_escape(fill_in(l_.more_matches, std::to_string(matches - kMatchRows))) + "</p>";
  }
  write(h + "\n</body></html>\n");
}

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

std::string source_href(const std::string& path, const std::string& report_dir, int page) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::absolute(path, ec).lexically_normal();
  fs::path base = fs::absolute(report_dir.empty() ? fs::path(".") : fs::path(report_dir), ec).lexically_normal();
  fs::path rel = target.lexically_relative(base);
  std::string p = (rel.empty() ? target : rel).generic_string();
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : p) {
    if (unreserved(c)) {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  if (rel.empty() || rel.is_absolute()) out = "file://" + out;
  if (page > 0) out += "#page=" + std::to_string(page);
  return out;
}

}  // namespace kpix

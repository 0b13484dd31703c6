#include "pipeline/report/chart_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/report/html.h"

namespace kpix {
namespace {

using nlohmann::json;

constexpr double kW = 360, kH = 150, kLeft = 50, kRight = 14, kTop = 12, kBottom = 22;

bool drawable(const SiteValue& v) {
  const json& j = v.value;
  if (j.value("status", "") != "ok" || !j.contains("value") || !j["value"].is_number() || !j.contains("period"))
    return false;
  const json& p = j["period"];
  return !(p.value("agg", "") == "sum" && p.value("end", 0) > p.value("start", 0));
}

int start_of(const SiteValue& v) { return v.value["period"].value("start", 0); }
int end_of(const SiteValue& v) { return v.value["period"].value("end", 0); }
double number_of(const SiteValue& v) { return v.value["value"].get<double>(); }

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

struct Frame {
  int y0 = 0, y1 = 1;
  double lo = 0, hi = 1;
  double x(double year) const { return kLeft + (year - y0) / double(y1 - y0) * (kW - kLeft - kRight); }
  double y(double v) const { return kTop + (hi - v) / (hi - lo) * (kH - kTop - kBottom); }
};

Frame frame_of(const std::vector<const SiteValue*>& all) {
  Frame f;
  f.y0 = start_of(*all[0]), f.y1 = end_of(*all[0]);
  f.lo = f.hi = number_of(*all[0]);
  for (const SiteValue* v : all) {
    f.y0 = std::min(f.y0, start_of(*v)), f.y1 = std::max(f.y1, end_of(*v));
    f.lo = std::min(f.lo, number_of(*v)), f.hi = std::max(f.hi, number_of(*v));
  }
  if (f.y1 == f.y0) --f.y0, ++f.y1;
  double pad = f.hi > f.lo ? (f.hi - f.lo) * 0.12 : std::max(1e-9, std::fabs(f.hi) * 0.1 + (f.hi == 0 ? 1 : 0));
  f.lo -= pad, f.hi += pad;
  return f;
}

std::string tooltip(const SiteValue& v) {
  return "<title>" + html_escape(role_label(v.value.value("role", "")) + " " + period_label(v.value) + ": " +
                                 v.value.value("raw", "") + " (" + v.doc->file + ")") +
         "</title>";
}

std::string axes(const Frame& f, const std::string& unit) {
  std::string s;
  for (double v : {f.lo + (f.hi - f.lo) * 0.12 / 1.24, f.hi - (f.hi - f.lo) * 0.12 / 1.24}) {
    s += "<line x1=\"" + fmt(kLeft) + "\" x2=\"" + fmt(kW - kRight) + "\" y1=\"" + fmt(f.y(v)) + "\" y2=\"" +
         fmt(f.y(v)) + "\" stroke=\"#eaeef2\"/>";
    s += "<text x=\"" + fmt(kLeft - 4) + "\" y=\"" + fmt(f.y(v) + 3) + "\" text-anchor=\"end\">" +
         html_escape(short_number(v) + unit) + "</text>";
  }
  int step = f.y1 - f.y0 <= 8 ? 1 : f.y1 - f.y0 <= 16 ? 2 : 5;
  for (int year = f.y0; year <= f.y1; year += step)
    s += "<text x=\"" + fmt(f.x(year)) + "\" y=\"" + fmt(kH - 6) + "\" text-anchor=\"middle\">" +
         std::to_string(year) + "</text>";
  return s;
}

enum class Shape { circle, square, flag, hollow_flag };

std::string shape_at(Shape shape, double x, double y, const char* color) {
  std::string c = color;
  switch (shape) {
    case Shape::circle: return "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"4\" fill=\"" + c + "\"/>";
    case Shape::square:
      return "<rect x=\"" + fmt(x - 4) + "\" y=\"" + fmt(y - 4) + "\" width=\"8\" height=\"8\" fill=\"" + c + "\"/>";
    case Shape::flag:
      return "<path d=\"M" + fmt(x) + " " + fmt(y) + " l-6 -10 h12 z\" fill=\"" + c + "\"/>";
    case Shape::hollow_flag:
      return "<path d=\"M" + fmt(x) + " " + fmt(y) + " l-5 -9 h10 z\" fill=\"none\" stroke=\"" + c + "\"/>";
  }
  return "";
}

// A mark linked to its source: at its (last) year, with a bar over the years
// a figure spans (R2～R4平均).
std::string mark(const Frame& f, const SiteValue& v, const std::string& href, Shape shape, const char* color) {
  double x = f.x(end_of(v)), y = f.y(number_of(v));
  std::string s = "<a href=\"" + html_escape(href) + "\">";
  if (end_of(v) > start_of(v))
    s += "<line x1=\"" + fmt(f.x(start_of(v))) + "\" x2=\"" + fmt(x) + "\" y1=\"" + fmt(y) + "\" y2=\"" + fmt(y) +
         "\" stroke-width=\"3\" stroke=\"" + color + "\"/>";
  return s + shape_at(shape, x, y, color) + tooltip(v) + "</a>";
}

}  // namespace

std::optional<Progress> progress_to_target(const SiteCard& c) {
  const SiteValue* latest = nullptr;
  for (const SiteValue& a : c.actuals)
    if (drawable(a)) latest = &a;
  const SiteValue* target = nullptr;
  for (const SiteValue& t : c.targets)
    if (drawable(t)) target = &t;
  if (!latest || !target) return std::nullopt;
  double a = number_of(*latest), t = number_of(*target);
  if (c.baseline && drawable(*c.baseline) && end_of(*c.baseline) < end_of(*latest)) {
    double b = number_of(*c.baseline);
    if (t != b) return Progress{100.0 * (a - b) / (t - b), true};
  }
  if (t > 0 && a >= 0) return Progress{100.0 * a / t, false};
  return std::nullopt;
}

std::string kpi_chart_svg(const SiteCard& c, const std::function<std::string(const SiteValue&)>& href) {
  std::vector<const SiteValue*> actuals, targets, old_targets, all;
  for (const SiteValue& v : c.actuals)
    if (drawable(v)) actuals.push_back(&v);
  for (const SiteValue& v : c.targets)
    if (drawable(v)) targets.push_back(&v);
  for (const SiteValue& v : c.old_targets)
    if (drawable(v)) old_targets.push_back(&v);
  const SiteValue* baseline = c.baseline && drawable(*c.baseline) ? &*c.baseline : nullptr;
  all = actuals;
  all.insert(all.end(), targets.begin(), targets.end());
  all.insert(all.end(), old_targets.begin(), old_targets.end());
  if (baseline) all.push_back(baseline);
  if (all.empty()) return "";
  Frame f = frame_of(all);
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + fmt(kW) + " " + fmt(kH) +
                  "\" width=\"" + fmt(kW) + "\" height=\"" + fmt(kH) + "\" role=\"img\" aria-label=\"" +
                  html_escape(c.indicator) + "\">";
  s += axes(f, c.unit == "円" || c.unit == "人" || c.unit == "%" ? c.unit : "");
  // From the baseline (or the last actual) to each target: the way to go.
  const SiteValue* from = !actuals.empty() ? actuals.back() : baseline;
  for (const SiteValue* t : targets)
    if (from)
      s += "<line x1=\"" + fmt(f.x(end_of(*from))) + "\" y1=\"" + fmt(f.y(number_of(*from))) + "\" x2=\"" +
           fmt(f.x(end_of(*t))) + "\" y2=\"" + fmt(f.y(number_of(*t))) +
           "\" stroke=\"#cf222e\" stroke-dasharray=\"4 3\" stroke-width=\"1.2\"/>";
  if (actuals.size() > 1) {
    s += "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"";
    for (const SiteValue* a : actuals) s += fmt(f.x(end_of(*a))) + "," + fmt(f.y(number_of(*a))) + " ";
    s += "\"/>";
  }
  for (const SiteValue* t : old_targets)
    s += mark(f, *t, href(*t), Shape::hollow_flag, "#8c959f");
  if (baseline)
    s += mark(f, *baseline, href(*baseline), Shape::square, "#6e7781");
  for (const SiteValue* a : actuals)
    s += mark(f, *a, href(*a), Shape::circle, "#0969da");
  for (const SiteValue* t : targets)
    s += mark(f, *t, href(*t), Shape::flag, "#cf222e");
  return s + "</svg>";
}

}  // namespace kpix

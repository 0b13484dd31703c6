// What probably went wrong when an entry disagrees with its source value:
// diagnose_numbers (the two numbers alone: sign, factor, digit slips) and
// diagnose_mismatch (with the rest of the source record: another year's or
// role's value, the running total, a status). See matcher.h.
#include <cmath>
#include <cstdio>

#include "pipeline/check/matcher.h"
#include "pipeline/check/record_fields.h"

namespace kpix {
namespace {

using nlohmann::json;
using record_fields::has_qualifier;
using record_fields::near;
using record_fields::number;
using record_fields::period_label;
using record_fields::period_of;
using record_fields::role_ja;
using record_fields::status_of;
using record_fields::str;
using record_fields::values_of;

// Scales a number is typed in without saying so: 千, 万, 百万, 億.
const double kFactors[] = {1000, 10000, 1000000, 100000000};

std::string with_commas(const std::string& digits) {
  std::string out;
  int n = int(digits.size());
  for (int i = 0; i < n; ++i) {
    out += digits[size_t(i)];
    if ((n - 1 - i) % 3 == 0 && i != n - 1) out += ',';
  }
  return out;
}

std::string factor_name(double f) { return with_commas(format_number(f)); }

// One digit different, or two swapped, in strings of the same length.
std::optional<Diagnosis> same_length_slip(const std::string& a, const std::string& b) {
  if (a.find('.') != b.find('.')) return std::nullopt;
  std::vector<size_t> diff;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) diff.push_back(i);
  if (diff.size() == 1)
    return Diagnosis{"one_digit_wrong", "one digit wrong: " + std::string(1, a[diff[0]]) + " typed for " + std::string(1, b[diff[0]]), {}};
  if (diff.size() == 2 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]])
    return Diagnosis{"digits_transposed",
                     std::string("digits transposed: ") + b[diff[0]] + b[diff[1]] + " typed as " + a[diff[0]] + a[diff[1]] +
                         (diff[1] == diff[0] + 1 ? "" : " (not adjacent)"),
                     {}};
  return std::nullopt;
}

// Digit-level slips between two decimal strings of the same layout.
std::optional<Diagnosis> digit_slip(const std::string& e, const std::string& s) {
  std::string a = e[0] == '-' ? e.substr(1) : e, b = s[0] == '-' ? s.substr(1) : s;
  if ((e[0] == '-') != (s[0] == '-')) return std::nullopt;
  if (a.size() == b.size()) return same_length_slip(a, b);
  // One digit left out or typed twice: deleting one character of the longer
  // string gives the shorter one.
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1 || longer.find('.') != std::string::npos || shorter.empty()) return std::nullopt;
  // Appending or dropping a trailing zero is a factor of ten, not a slip.
  if (longer == shorter + "0") return std::nullopt;
  for (size_t i = 0; i < longer.size(); ++i) {
    if (longer.substr(0, i) + longer.substr(i + 1) == shorter) {
      if (a.size() < b.size()) return Diagnosis{"digit_missing", std::string("a digit left out: ") + longer[i] + " missing", {}};
      return Diagnosis{"digit_extra", std::string("a digit typed twice or extra: ") + longer[i] + " added", {}};
    }
  }
  return std::nullopt;
}

// The entry is the source in another scale (and perhaps with the sign lost).
std::optional<Diagnosis> factor_slip(double e, double s) {
  for (double f : kFactors) {
    for (int sign : {1, -1}) {
      std::string sign_text = sign < 0 ? (s < 0 ? " and the sign lost (▲ dropped)" : " and the sign flipped") : "";
      if (e != 0 && near(e * f * sign, s))
        return Diagnosis{"factor_" + format_number(f),
                         "off by a factor of " + factor_name(f) + ": entered in units of " + factor_name(f) +
                             " without saying so (unit column empty or wrong?)" + sign_text,
                         {}};
      if (s != 0 && near(e, s * f * sign))
        return Diagnosis{"factor_" + format_number(f),
                         "off by a factor of " + factor_name(f) + ": entered " + factor_name(f) +
                             " times the source (unit column says a scale the number already has?)" + sign_text,
                         {}};
    }
  }
  return std::nullopt;
}

// How another value of the row relates to the one compared with, most
// telling first: the same year in another role (an actual typed that is the
// document's target for that year, or the reverse), the estimate beside the
// final figure of the same role and year, another year of the role, another
// role and year.
enum class Relation { same_year_other_role, estimate_or_final, other_year, other_role };

struct RelationText {
  Relation relation;
  const char* kind;
};
constexpr RelationText kRelations[] = {
    {Relation::same_year_other_role, "other_role_same_year"},
    {Relation::estimate_or_final, "estimate_or_final"},
    {Relation::other_year, "other_year"},
    {Relation::other_role, "other_role"},
};

Relation relation_of(const json& other, const json& source) {
  bool same_role = str(other, "role") == str(source, "role");
  bool same_period = period_of(other) == period_of(source);
  if (same_period && !same_role) return Relation::same_year_other_role;
  if (same_period) return Relation::estimate_or_final;
  return same_role ? Relation::other_year : Relation::other_role;
}

std::string estimate_word(const json& v) { return has_qualifier(v, "estimate") ? " estimate (見込)" : ""; }

std::string relation_text(Relation rel, const json& other, const json& source) {
  std::string what = role_ja(str(other, "role")) + estimate_word(other) + " " + period_label(other) + " is " +
                     str(other, "raw");
  switch (rel) {
    case Relation::same_year_other_role:
      return "the document's " + what + ": the " + str(other, "role") + " was typed as the " + str(source, "role");
    case Relation::estimate_or_final:
      return std::string("the document's ") + what + ": the " +
             (has_qualifier(other, "estimate") ? "estimate was typed for the final figure"
                                               : "final figure was typed for the estimate");
    case Relation::other_year: return "value of another year: " + what;
    case Relation::other_role: return "value of another role: " + what;
  }
  return what;
}

// The value of another year or role of the same row, entered instead.
std::optional<Diagnosis> other_value_of_row(double e, const SourceHit& source, const json& values) {
  const json& sv = values[size_t(source.value)];
  std::optional<std::pair<Relation, int>> best;
  for (size_t v = 0; v < values.size(); ++v) {
    if (int(v) == source.value) continue;
    auto n = number(values[v]);
    if (!n || !near(e, *n)) continue;
    Relation rel = relation_of(values[v], sv);
    if (!best || rel < best->first) best = std::make_pair(rel, int(v));
  }
  if (!best) return std::nullopt;
  const json& other = values[size_t(best->second)];
  for (const RelationText& t : kRelations)
    if (t.relation == best->first)
      return Diagnosis{t.kind, relation_text(best->first, other, sv), SourceHit{source.doc, source.record, best->second}};
  return std::nullopt;
}

// A percentage typed as a fraction (0.455 for 45.5 %): the source is in
// percent and the entry is a hundredth of it.
std::optional<Diagnosis> percent_as_fraction(double e, double s, const json& sv, const json& record) {
  bool percent = str(sv, "unit") == "%" || str(record, "unit") == "%";
  if (!percent || s == 0 || !near(e * 100, s)) return std::nullopt;
  return Diagnosis{"percent_as_fraction",
                   "a percentage typed as a fraction: " + format_number(e) + " for " + format_number(s) + " %", {}};
}

}  // namespace

std::string format_number(double v) {
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.10f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string readable_number(double v) {
  std::string s = format_number(v);
  size_t start = s[0] == '-' ? 1 : 0;
  size_t dot = s.find('.');
  std::string int_part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
  return s.substr(0, start) + with_commas(int_part) + (dot == std::string::npos ? "" : s.substr(dot));
}

std::optional<Diagnosis> diagnose_numbers(double e, double s) {
  if (near(e, s)) return std::nullopt;
  if (s != 0 && near(e, -s)) {
    if (s < 0) return Diagnosis{"sign_lost", "sign lost: the source is negative (▲/△ dropped)", {}};
    return Diagnosis{"sign_added", "sign added: the source is positive, the entry negative", {}};
  }
  if (auto d = factor_slip(e, s)) return d;
  std::string es = format_number(e), ss = format_number(s);
  if (auto d = digit_slip(es, ss)) return d;
  // The same slip with the entry in another scale (e.g. 1262 for 1,622千円, no unit).
  for (double f : kFactors) {
    if (auto d = digit_slip(format_number(e * f), ss)) {
      d->text += " (and entered in units of " + factor_name(f) + ")";
      return d;
    }
  }
  return std::nullopt;
}

std::optional<Diagnosis> diagnose_mismatch(const CheckResult& r, const Matcher& m) {
  const json& sv = m.value(*r.source);
  const NormalizedValue& ev = *r.entered;
  std::string e_status(to_string(ev.status)), s_status = status_of(sv);
  if (e_status != "ok" || !ev.value) {
    if (s_status == "ok")
      return Diagnosis{"status", "entered '" + ev.raw + "' (" + e_status + ") where the source has a number", {}};
    return std::nullopt;
  }
  double e = *ev.value;
  auto snum = number(sv);
  // 1. A sign, a percentage as a fraction or a scale explains the numbers
  //    alone, whatever else the row holds.
  if (snum)
    if (auto d = percent_as_fraction(e, *snum, sv, m.record(*r.source))) return d;
  if (snum) {
    if (auto d = diagnose_numbers(e, *snum); d && (d->kind.rfind("sign", 0) == 0 || d->kind.rfind("factor", 0) == 0))
      return d;
  }
  // 2. The value of another year or role of the same row.
  if (auto d = other_value_of_row(e, *r.source, values_of(m.record(*r.source)))) return d;
  // 3. The running total beside the value.
  if (auto it = sv.find("cumulative"); it != sv.end() && it->is_number() && near(e, it->get<double>()))
    return Diagnosis{"cumulative_total", "the running total (累計/通算) was entered, not the value", {}};
  // 4. Digit slips, or a source with no number at all.
  if (snum) return diagnose_numbers(e, *snum);
  if (s_status != "ok")
    return Diagnosis{"status", "the source has no number here: " + s_status + " (" + str(sv, "raw") + ")", {}};
  return std::nullopt;
}

}  // namespace kpix

#include "pipeline/tables/sniff/cell_text.h"

#include <string>

#include <re2/re2.h>

#include "parsers/normalize/period.h"
#include "parsers/normalize/text.h"
#include "parsers/normalize/value.h"
#include "pipeline/tables/sniff/params.h"

namespace kpix::sniff {
namespace {

bool is_number_cell(const std::string& t, const NormalizedValue& v) {
  if (v.status != ValueStatus::ok && v.status != ValueStatus::invalid) return false;
  static const RE2 bracketed("[(（][^()（）]*[)）]");
  std::string outside = t;
  RE2::GlobalReplace(&outside, bracketed, "");
  size_t wide = 0;
  for (unsigned char c : outside) wide += c >= 0xE0;  // lead bytes of 3- and 4-byte characters
  return wide <= kNumberUnitMaxWideChars;
}

}  // namespace

bool is_period_label(std::string_view text, std::string_view era) {
  std::string s = squeeze_text(text);
  if (s.empty() || s.size() > kPeriodLabelMaxBytes) return false;
  auto p = normalize_period(s, era);
  return p.has_value();
}

bool is_number_cell(std::string_view text) {
  std::string t = squeeze_text(text);
  if (t.empty() || char_count(t) > kValueCellMaxChars) return false;
  return is_number_cell(t, normalize_value(t));
}

bool looks_like_value(std::string_view text) {
  std::string t = squeeze_text(text);
  if (t.empty() || char_count(t) > kValueCellMaxChars) return false;
  NormalizedValue v = normalize_value(t);
  bool status_word = v.status == ValueStatus::none || v.status == ValueStatus::not_surveyed ||
                     v.status == ValueStatus::unpublished || v.status == ValueStatus::pending;
  return status_word || is_number_cell(t, v);
}

}  // namespace kpix::sniff

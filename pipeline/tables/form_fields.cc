#include "pipeline/tables/form_fields.h"

#include <algorithm>

#include <re2/re2.h>

#include "parsers/normalize/period.h"
#include "parsers/normalize/text.h"
#include "parsers/normalize/value.h"
#include "parsers/normalize/names.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

// Labels of the field that names the project a sheet is about, by their end:
// 事務事業名, 細事業名称, 令和６年度事業名, 事業名.
constexpr std::string_view kProjectLabelEnds[] = {"事業名", "事業名称"};
// Longer than this, a cell ending in 事業名 is a sentence, not a label.
constexpr size_t kProjectLabelMaxChars = 12;

constexpr std::string_view kUnitLabels[] = {"単位"};
constexpr size_t kUnitMaxChars = 6;

// Whether raw text may hold one of `words`: it has the first character of one.
// A budget book has thousands of cells; most are ruled out without NFKC.
template <size_t N>
bool may_hold(std::string_view raw, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    size_t len = 1;
    while (len < w.size() && (static_cast<unsigned char>(w[len]) & 0xC0) == 0x80) ++len;
    if (raw.find(w.substr(0, len)) != std::string_view::npos) return true;
  }
  return false;
}

// `事業名(令和6年度)`: the year the label is for is not part of it.
std::string without_year_note(const std::string& label) {
  static const RE2 note("\\([^()]*年度?\\)$");
  std::string t = label;
  RE2::Replace(&t, note, "");
  return t;
}

bool is_project_label(const std::string& raw) {
  std::string label = without_year_note(raw);
  if (char_count(label) > kProjectLabelMaxChars) return false;
  return std::any_of(std::begin(kProjectLabelEnds), std::end(kProjectLabelEnds),
                     [&](std::string_view end) { return label.ends_with(end); });
}

// A project cell that also prints the project's period under its own label
// (`【事業実施期間】 …事業の充実 令和2年度～6年度`, 京都's sheets): the name alone.
std::string without_field_notes(const std::string& raw) {
  std::string t = normalize_text(raw);
  static const RE2 label("【[^【】]*】");
  RE2::GlobalReplace(&t, label, "");
  static const RE2 span("\\s*(?:令和|平成|R|H)?\\d+年度?\\s*[~〜～-]\\s*(?:令和|平成|R|H)?\\d+年度?\\s*$");
  RE2::Replace(&t, span, "");
  return t;
}

}  // namespace

std::optional<std::string> project_field(const TableRow& row) {
  for (size_t i = 0; i + 1 < row.cells.size(); ++i) {
    if (!may_hold(row.cells[i].text, kProjectLabelEnds) || !is_project_label(squeeze_text(row.cells[i].text))) continue;
    const TableCell& value = row.cells[i + 1];
    std::string v = squeeze_text(value.text);
    if (v.empty() || is_project_label(v)) continue;
    // In a header row (`事業名 | 重要業績評価指標(KPI) | …`) the next cell labels
    // another column: an indicator, a role, a comment.
    ColumnKind k = classify_label({v}, "令和").kind;
    if (k != ColumnKind::unknown && k != ColumnKind::project) continue;
    std::string name = clean_project(without_field_notes(value.text));
    if (!name.empty()) return name;
  }
  return std::nullopt;
}

bool is_unit_label(std::string_view text) {
  if (!may_hold(text, kUnitLabels)) return false;
  std::string t = squeeze_text(text);
  return std::find(std::begin(kUnitLabels), std::end(kUnitLabels), t) != std::end(kUnitLabels);
}

bool is_unit_text(std::string_view text) {
  std::string t = squeeze_text(text);
  if (t.empty() || char_count(t) > kUnitMaxChars || is_unit_label(t)) return false;
  return normalize_value(t).status != ValueStatus::ok && !normalize_period(t).has_value();
}

}  // namespace kpix

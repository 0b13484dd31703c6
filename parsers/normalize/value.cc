// Entry point: normalize_value (see value.h). The steps, in order:
//   1. fold the text (normalize_text); a formula or an occasion (`第1回…`,
//      `7月4日`) is text; look for a status word (未公表 …);
//   2. a value stated against another (`平成20年度の30%削減`): its own number
//      only, qualifier relative;
//   3. take out a period written in the cell (`(R2～R4平均)`, `(令和元年)`);
//   4. split bracketed notes from the main text and read them (`(通算19人)`,
//      `(5年間合計)`, `(計画終了時点)`); drop footnote marks (`※1`, `注2`);
//   5. read qualifier words of the main text (累計, 暫定値, 各年度, /年, 見込,
//      約, 程度 …);
//   6. read the numbers of the main text with sign, scale and unit, and pick
//      the value among them (a blank main text: the number of its note,
//      `(1,234)`);
//   7. otherwise decide between `none` (a dash) and `text` (words).
// The word tables and their readers are in value_words.cc, the numbers in
// value_tokens.cc.
#include "parsers/normalize/value.h"

#include "parsers/normalize/as_of.h"

#include <re2/re2.h>

#include "parsers/normalize/text.h"
#include "parsers/normalize/units.h"
#include "parsers/normalize/value_tokens.h"
#include "parsers/normalize/value_words.h"

namespace kpix {
namespace {

using value_parts::add_qualifier;
using value_parts::bound_words_in;
using value_parts::names_an_occasion;
using value_parts::only_dashes;
using value_parts::read_number;
using value_parts::read_qualifiers;
using value_parts::relative_number;
using value_parts::Reading;
using value_parts::sort_qualifiers;
using value_parts::status_word_in;
using value_parts::StatusWord;

int64_t pow10(int e) {
  int64_t v = 1;
  for (int k = 0; k < e && k < 18; ++k) v *= 10;
  return v;
}

// Splits `10人 (通算19人)` into the main text `10人` and the notes.
void split_brackets(std::string_view s, std::string& main, std::vector<std::string>& notes) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '(') {
      size_t close = s.find(')', i + 1);
      size_t stop = close == std::string_view::npos ? s.size() : close;
      notes.emplace_back(s.substr(i + 1, stop - i - 1));
      i = close == std::string_view::npos ? s.size() : close + 1;
      main += ' ';
      continue;
    }
    if (s[i] == ')') {  // an unmatched close bracket is layout
      ++i;
      continue;
    }
    main += s[i++];
  }
}

// A note: a running total (`通算19人`, `累計 3件`) or qualifier words.
void read_note(std::string_view note, const UnitHint& hint, NormalizedValue& v) {
  for (std::string_view w : {std::string_view("通算"), std::string_view("累計")}) {
    size_t at = note.find(w);
    if (at == std::string_view::npos) continue;
    Reading r = read_number(note.substr(at + w.size()), hint);
    if (r.found && !r.invalid) {
      v.cumulative = r.value.to_double();
      return;
    }
  }
  // `(新規1件)`, `(継続2件)`, `(コロナのため中止)` explain the figure; they
  // are not qualifiers and are left out.
  read_qualifiers(note, v);
}

// `=A1`, `@SUM(A1)`, `+SUM(1,2)`: a spreadsheet formula pasted into a cell
// is text, not the number in it.
bool is_formula(std::string_view t) {
  if (t.empty()) return false;
  if (t[0] == '=' || t[0] == '@') return true;
  return (t[0] == '+' || t[0] == '-') && t.size() > 1 &&
         ((t[1] >= 'A' && t[1] <= 'Z') || (t[1] >= 'a' && t[1] <= 'z'));
}

}  // namespace

std::string_view to_string(ValueStatus s) {
  switch (s) {
    case ValueStatus::ok: return "ok";
    case ValueStatus::not_surveyed: return "not_surveyed";
    case ValueStatus::unpublished: return "unpublished";
    case ValueStatus::pending: return "pending";
    case ValueStatus::none: return "none";
    case ValueStatus::text: return "text";
    case ValueStatus::invalid: return "invalid";
  }
  return "none";
}

nlohmann::json NormalizedValue::to_json() const {
  nlohmann::json j;
  j["raw"] = raw;
  // Whole numbers print as JSON integers (181330000, not 181330000.0).
  bool integral = value && number.find('.') == std::string::npos && number.size() <= 16;
  if (!value)
    j["value"] = nullptr;
  else if (integral)
    j["value"] = std::stoll(number);
  else
    j["value"] = *value;
  if (value) j["number"] = number;
  j["unit"] = unit;
  j["scale"] = scale;
  j["status"] = std::string(to_string(status));
  j["qualifiers"] = qualifiers;
  if (cumulative) {
    double c = *cumulative;
    // Range first: casting a double beyond int64 to an integer is undefined
    // (a 27-digit `通算` found by the fuzzer).
    if (c > -1e15 && c < 1e15 && c == static_cast<double>(static_cast<int64_t>(c)))
      j["cumulative"] = static_cast<int64_t>(c);
    else
      j["cumulative"] = c;
  }
  if (period) j["period"] = period->to_json();
  if (as_of) j["as_of"] = *as_of;
  if (!warnings.empty()) j["warnings"] = warnings;
  return j;
}

namespace {

// The steps 1-7 above on the folded text `t`; `v` holds the raw text.
NormalizedValue read_cell(std::string t, const ValueHints& hints, NormalizedValue v) {
  UnitHint hint = parse_unit_hint(hints.unit).value_or(UnitHint{});
  if (is_formula(t) || names_an_occasion(t)) {
    v.status = ValueStatus::text;
    return v;
  }

  // 1. A status word decides the cell; its numbers are about something else.
  if (const StatusWord* w = status_word_in(t)) {
    v.status = w->status;
    if (w->shared) add_qualifier(v, "shared");
    return v;
  }

  // 2. A value stated against another: only its own number is read; the
  //    reference's year is not the value's period.
  if (auto n = relative_number(t)) {
    NormalizedValue rel = normalize_value(*n, hints);
    rel.raw = v.raw;
    add_qualifier(rel, "relative");
    sort_qualifiers(rel);
    return rel;
  }

  // 3. A period in the cell (`(R4実績)`, `2024年度(令和6年度)中の…`).
  size_t pb = 0, pe = 0;
  if (auto p = find_period_span(t, hints.era, pb, pe, /*explicit_only=*/true)) {
    v.period = *p;
    for (const std::string& w : p->warnings) v.warnings.push_back(w);
    t.erase(pb, pe - pb);
  }

  // 4. Bracketed notes.
  std::string main;
  std::vector<std::string> notes;
  split_brackets(t, main, notes);
  for (const std::string& n : notes) read_note(n, hint, v);

  // A footnote's mark (`1,498千円※1`, `32.5% 注2`) refers to a note; its
  // number is no figure of the cell.
  static const RE2 note_mark("(?:※|注)\\s*[0-9]+");
  RE2::GlobalReplace(&main, note_mark, " ");

  // 5. Qualifier words of the main text. `5年間で` is read before the numbers
  // and cut out, so its 5 is not taken for the value.
  read_qualifiers(main, v);
  static const RE2 years_span("[0-9]+\\s*(?:か|ヶ|ケ|カ)?\\s*年間(?:の合計|合計|の平均|平均|で)?");
  RE2::GlobalReplace(&main, years_span, " ");

  // 6. The numbers; where the main text is blank, those of the one note with
  //    a number (`(1,234)`): a figure in brackets is still the cell's figure.
  Reading r = read_number(main, hint);
  if (!r.found && main.find_first_not_of(' ') == std::string::npos && !v.cumulative) {
    for (std::string n : notes) {
      RE2::GlobalReplace(&n, years_span, " ");
      RE2::GlobalReplace(&n, note_mark, " ");
      Reading in_note = read_number(n, hint);
      // A quantity: a unit, a scale word or digit groups; a bare `(2014)`
      // is a year's label, a bare `(3)` an item's.
      bool quantity = !in_note.unit.empty() || in_note.exponent > 0 || n.find_first_of(",.") != std::string::npos;
      if (!in_note.found || !quantity) continue;
      r = std::move(in_note);
      r.warnings.push_back("the cell's only figure stands in brackets: read as its value");
      break;
    }
  }
  for (std::string& w : r.warnings) v.warnings.push_back(std::move(w));
  if (r.found) {
    if (r.invalid) {
      v.status = ValueStatus::invalid;
      v.period.reset();
      return v;
    }
    v.status = ValueStatus::ok;
    v.number = r.value.str();
    v.value = r.value.to_double();
    v.unit = r.unit;
    v.scale = pow10(r.exponent);
    for (std::string_view b : bound_words_in(main))
      v.warnings.push_back(std::string(b) + ": a bound, read as the number itself");
    sort_qualifiers(v);
    return v;
  }

  // 7. No number: a dash (or nothing) is `none`, words are `text`. Only a
  // target in words keeps its period (`2024年度中の計画策定`).
  v.cumulative.reset();
  if (only_dashes(main)) {
    v.status = ValueStatus::none;
    v.qualifiers.clear();
    v.period.reset();
    v.warnings.clear();
    return v;
  }
  v.status = ValueStatus::text;
  sort_qualifiers(v);
  return v;
}

}  // namespace

NormalizedValue normalize_value(std::string_view text, const ValueHints& hints) {
  NormalizedValue v;
  v.raw = std::string(text);
  std::string t = normalize_text(text);
  // A value counted up to a day (`(R6.11末時点)`): the date, whatever else the cell says.
  std::optional<std::string> as_of = find_as_of(t);
  NormalizedValue out = read_cell(t, hints, std::move(v));
  out.as_of = as_of;
  return out;
}


}  // namespace kpix

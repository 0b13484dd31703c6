// Entry points: normalize_text, strip_list_marker, remove_layout_spaces,
// split_indicator_unit (see text.h). ICU does the NFKC; this file decides which
// characters NFKC must not touch.
#include "parsers/normalize/text.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <re2/re2.h>

#include "parsers/normalize/units.h"

namespace kpix {
namespace {

// Code points NFKC would rewrite in a way that loses meaning: list markers
// (`①1` would become `11`, `⑴` `(1)`, `㈱` `(株)`) and the full-width tilde,
// which marks ranges (`R2～R4`) and stays a visible range mark.
bool keep_as_is(UChar32 c) {
  return (c >= 0x2460 && c <= 0x24FF) ||  // ①…⑳, ⑴…⒇, ⒈…⒛, ⒜…, Ⓐ…ⓩ, ⓪…
         (c >= 0x2776 && c <= 0x2793) ||  // ❶…➓
         (c >= 0x3220 && c <= 0x3247) ||  // ㈠…㈩, ㈱, ㉀…
         (c >= 0x3251 && c <= 0x325F) ||  // ㉑…㉟
         (c >= 0x3280 && c <= 0x32BF) ||  // ㊀…㊿
         c == 0xFF5E;                     // ～
}

const icu::Normalizer2* nfkc_or_null() {
  // ICU owns the singleton; it is immutable and safe to share across threads.
  static const icu::Normalizer2* n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(st);
    return U_SUCCESS(st) ? p : nullptr;
  }();
  return n;
}

void append_nfkc(const icu::UnicodeString& run, std::string& out) {
  if (run.isEmpty()) return;
  // Without ICU's data the text passes unfolded rather than crashing.
  if (!nfkc_or_null()) {
    run.toUTF8String(out);
    return;
  }
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc_or_null()->normalize(run, st);
  if (U_FAILURE(st)) n = run;
  n.toUTF8String(out);
}

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 || c == 0xA0;
}

// Decodes UTF-8; invalid bytes become U+FFFD so no input can make us read out
// of bounds.
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  int32_t i = 0;
  const int32_t n = int32_t(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    f(c, size_t(start), size_t(i));
  }
}

bool is_cjk(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||  // radicals
         (c >= 0x3000 && c <= 0x30FF && c != 0x3000) ||  // CJK punctuation, kana
         (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3200 && c <= 0x32FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Punctuation that sits tight against its neighbours in Japanese typesetting,
// so a space next to it is layout.
bool is_cjk_punct(UChar32 c) {
  switch (c) {
    case 0x3001: case 0x3002: case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x3010: case 0x3011:
    case 0x3014: case 0x3015: case 0x30FB: case 0xFF08: case 0xFF09: case 0xFF0C: case 0xFF0E: case 0xFF1A:
    case 0xFF1B: case 0x301C: case 0xFF5E:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string squeeze_text(std::string_view s) {
  std::string out;
  for (char c : normalize_text(s))
    if (c != ' ') out += c;
  return out;
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string normalize_text(std::string_view s) {
  // 1. NFKC run by run, copying protected code points unchanged. ASCII is
  // its own NFKC form, and most cells of a budget book's tables are ASCII
  // numbers: those skip ICU.
  std::string folded;
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    folded.assign(s);
  } else {
    folded.reserve(s.size());
    icu::UnicodeString run;
    for_each_code_point(s, [&](UChar32 c, size_t, size_t) {
      if (keep_as_is(c)) {
        append_nfkc(run, folded);
        run.remove();
        icu::UnicodeString(c).toUTF8String(folded);
      } else {
        run.append(c);
      }
    });
    append_nfkc(run, folded);
  }
  // 2. Whitespace runs (line breaks, ideographic spaces NFKC left) to one space.
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for_each_code_point(folded, [&](UChar32 c, size_t b, size_t e) {
    if (is_space(c)) {
      pending_space = true;
      return;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(folded, b, e - b);
  });
  return out;
}

std::string strip_list_marker(std::string_view s) {
  // One marker and the spaces after it. `-` counts only with a space after it
  // (`-5` is a number), `1.` only when no digit follows (`1.5%` is a number).
  static const RE2 marker(
      "^(?:[①-⑳㉑-㉟㊱-㊿⑴-⒇❶-➓]|[(（][0-9０-９]{1,2}[)）]|[・●○■□◆◇◎▶▼►✓※]|-\\s)\\s*");
  static const RE2 numbered("^[0-9]{1,2}\\.\\s*");
  re2::StringPiece in(s.data(), s.size());
  if (RE2::Consume(&in, marker)) return std::string(in.data(), in.size());
  if (RE2::Consume(&in, numbered) && (in.empty() || in[0] < '0' || in[0] > '9'))
    return std::string(in.data(), in.size());
  return std::string(s);
}

std::string remove_layout_spaces(std::string_view s) {
  // Decode once, then drop each space whose neighbours are both CJK or either
  // is tight CJK punctuation.
  std::vector<std::pair<UChar32, std::string_view>> cps;
  for_each_code_point(s, [&](UChar32 c, size_t b, size_t e) { cps.emplace_back(c, s.substr(b, e - b)); });
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i].first == ' ') {
      size_t j = i;
      while (j < cps.size() && cps[j].first == ' ') ++j;
      bool has_prev = !out.empty() && i > 0;
      bool has_next = j < cps.size();
      if (has_prev && has_next) {
        UChar32 a = cps[i - 1].first, b = cps[j].first;
        // After NFKC brackets are ASCII, so `参加者数 (延人数)` has an ASCII
        // bracket next to CJK: that space is layout too.
        auto bracket = [](UChar32 c) { return c == '(' || c == ')' || c == '[' || c == ']'; };
        bool layout = (is_cjk(a) && is_cjk(b)) || is_cjk_punct(a) || is_cjk_punct(b) ||
                      (is_cjk(a) && bracket(b)) || (bracket(a) && is_cjk(b));
        if (!layout) out += ' ';
      }
      i = j - 1;
      continue;
    }
    out.append(cps[i].second);
  }
  return out;
}

IndicatorName split_indicator_unit(std::string_view s) {
  IndicatorName r;
  r.name = std::string(s);
  // The last bracket, ASCII or full width, at the very end.
  static const RE2 last_bracket("^(.*?)\\s*[(（]([^()（）]*)[)）]\\s*$");
  std::string name, inner;
  if (!RE2::FullMatch(r.name, last_bracket, &name, &inner) || name.empty()) return r;
  std::string unit = normalize_text(inner);
  // `（-）` says the indicator has no unit (a rate like 合計特殊出生率).
  static const RE2 no_unit("^[-－−—―ー]$");
  if (RE2::FullMatch(unit, no_unit)) {
    r.name = name;
    return r;
  }
  auto hint = parse_unit_hint(unit);
  if (!hint || unit.empty()) return r;
  r.name = name;
  r.unit = unit;
  return r;
}

bool starts_note(std::string_view line) { return line.starts_with("※") || line.starts_with("注"); }

std::string flatten_cell_text(std::string_view text) {
  // A line break inside a cell is no space in Japanese, nor inside a number
  // that wrapped (`35.` / `7%`); only between two Latin words is it one.
  auto latin = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    if (!out.empty() && i + 1 < text.size() && latin(out.back()) && latin(text[i + 1])) out += ' ';
  }
  return out;
}

}  // namespace kpix

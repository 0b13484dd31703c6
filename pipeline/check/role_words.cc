// The role lexicon (see role_words.h): one table of words, read longest
// first, so that `目標値` is one word and not `目標` followed by stray text.
#include "pipeline/check/role_words.h"

#include <algorithm>
#include <array>
#include <vector>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

struct Word {
  std::string_view text;  // after normalize_text, ASCII in lower case
  std::string_view role;  // "" for a qualifier word
  bool estimate;
};

// Every word of a role or qualifier, in the spellings of documents (column
// headers, row labels) and of people typing an entries sheet. 想定 and 計画
// are planned figures: targets (横浜's 事業評価書). 見込 names no role: an
// actual column's 見込 is an expected actual, a 目標値 column's an expected
// target (docs/records.md: the role stays what the column says).
constexpr Word kWords[] = {
    {"baseline", "baseline", false}, {"base", "baseline", false},       {"基準値", "baseline", false},
    {"基準", "baseline", false},     {"現状値", "baseline", false},     {"現状", "baseline", false},
    {"策定時", "baseline", false},   {"actual", "actual", false},       {"実績値", "actual", false},
    {"実績", "actual", false},       {"target", "target", false},       {"goal", "target", false},
    {"目標値", "target", false},     {"目標", "target", false},         {"計画値", "target", false},
    {"計画", "target", false},       {"想定値", "target", false},       {"想定", "target", false},
    {"achievement", "achievement", false}, {"達成状況", "achievement", false}, {"達成率", "achievement", false},
    {"達成度", "achievement", false}, {"estimate", "", true},           {"estimated", "", true},
    {"見込値", "", true},            {"見込み", "", true},              {"見込", "", true},
    {"見通し", "", true},
};

// What may stand between role words or around a year besides spaces:
// `実績(見込)`, `目標・見込`, `基準値／H30`.
constexpr std::string_view kSeparators[] = {"(", ")", "[", "]", "・", "/", "-", ":", "_", ",",
                                            "【", "】", "〔", "〕", "「", "」", "<", ">", "〈", "〉"};

struct RoleName {
  std::string_view role, ja;
};
constexpr RoleName kRoleNames[] = {
    {"baseline", "基準値"}, {"actual", "実績"}, {"target", "目標値"}, {"achievement", "達成状況"}};

// The lexicon longest word first: the first word that fits at a position is
// the longest.
const std::vector<Word>& words_longest_first() {
  static const std::vector<Word> words = [] {
    std::vector<Word> w(std::begin(kWords), std::end(kWords));
    std::stable_sort(w.begin(), w.end(), [](const Word& a, const Word& b) { return a.text.size() > b.text.size(); });
    return w;
  }();
  return words;
}

// Width folded (NFKC), ASCII letters in lower case.
std::string folded(std::string_view s) {
  std::string t = normalize_text(s);
  for (char& c : t)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return t;
}

// The length of the separator at t[i], or 0.
size_t separator_at(std::string_view t, size_t i) {
  for (std::string_view s : kSeparators)
    if (t.substr(i, s.size()) == s) return s.size();
  return 0;
}

bool only_separators(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    size_t n = t[i] == ' ' ? 1 : separator_at(t, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Role words of text already folded. Spaces go first: `目 標 値` is one word
// spaced out, and words need nothing between them (`実績見込`).
std::optional<RoleWords> read_folded_words(std::string_view text) {
  std::string t;
  for (char c : text)
    if (c != ' ') t += c;
  RoleWords out;
  bool any = false;
  for (size_t i = 0; i < t.size();) {
    if (size_t n = separator_at(t, i)) {
      i += n;
      continue;
    }
    const Word* hit = nullptr;
    for (const Word& w : words_longest_first())
      if (t.substr(i, w.text.size()) == w.text) {
        hit = &w;
        break;
      }
    if (!hit) return std::nullopt;
    if (!hit->role.empty()) {
      if (!out.role.empty() && out.role != hit->role) return std::nullopt;  // 基準目標: two roles
      out.role = hit->role;
    }
    out.estimate = out.estimate || hit->estimate;
    any = true;
    i += hit->text.size();
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace

std::optional<RoleWords> read_role_words(std::string_view text) { return read_folded_words(folded(text)); }

std::optional<RoleLabel> read_role_label(std::string_view text) {
  std::string t = folded(text);
  if (t.empty()) return std::nullopt;
  RoleLabel out;
  size_t b = 0, e = 0;
  std::string rest = t;
  // The year is found in the text as normalize_text left it (find_period_span's
  // contract); folding changed only ASCII letters, which period forms (R6,
  // H30) read in either case.
  std::string n = normalize_text(text);
  if (auto p = find_period_span(n, "", b, e)) {
    out.period = p;
    out.year_text = n.substr(b, e - b);
    while (!out.year_text.empty() && out.year_text.back() == ' ') out.year_text.pop_back();
    rest = t.substr(0, b) + " " + t.substr(e);
    size_t b2 = 0, e2 = 0;
    if (find_period_span(rest, "", b2, e2)) return std::nullopt;  // two years
  }
  if (!only_separators(rest)) {
    out.words = read_folded_words(rest);
    if (!out.words) return std::nullopt;
  }
  if (!out.words && !out.period) return std::nullopt;
  return out;
}

std::string_view role_word_ja(std::string_view role) {
  for (const RoleName& r : kRoleNames)
    if (r.role == role) return r.ja;
  return role;
}

std::string_view role_words_hint() { return "baseline/基準値, actual/実績, target/目標, achievement/達成状況, 見込/estimate"; }

}  // namespace kpix

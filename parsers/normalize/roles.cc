// The role lexicon (see roles.h): one table of words, each marked with where
// it is read. Role words are read longest first, so that `目標値` is one word
// and not `目標` followed by stray text.
#include "parsers/normalize/roles.h"

#include <algorithm>
#include <array>
#include <vector>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// Where a word is read, bits of Word::in.
constexpr unsigned kSaid = 1;      // read_role_words, read_role_label: entries sheets and their headers
constexpr unsigned kHeader = 2;    // header_role_words: a column header label that holds it
constexpr unsigned kRowLabel = 4;  // row_label_role: a form's whole row label
constexpr unsigned kNoteKey = 8;   // note_role_keys: `基準値は…` in a note under a table

struct Word {
  std::string_view text;    // after normalize_text, ASCII in lower case
  std::optional<Role> role;  // nullopt for a qualifier word
  bool estimate;
  unsigned in;
};

constexpr auto B = Role::baseline, A = Role::actual, T = Role::target, C = Role::achievement;
constexpr std::optional<Role> Q = std::nullopt;  // a qualifier, no role

// Every word of a role or qualifier, in the spellings of documents (column
// headers, row labels, notes) and of people typing an entries sheet. 想定 and
// 計画 are planned figures: targets (横浜's 事業評価書). 見込 names no role:
// an actual column's 見込 is an expected actual, a 目標値 column's an expected
// target (docs/records.md: the role stays what the column says). A header
// holding 現状 (not 現状値) or 計画 is no role column; a row label 基準 names
// no row of values.
constexpr Word kWords[] = {
    {"baseline", B, false, kSaid},
    {"base", B, false, kSaid},
    {"基準値", B, false, kSaid | kNoteKey},
    {"基準", B, false, kSaid | kHeader},
    {"現状値", B, false, kSaid | kHeader},
    {"現状", B, false, kSaid},
    {"策定時", B, false, kSaid | kHeader},
    {"actual", A, false, kSaid},
    {"実績値", A, false, kSaid | kRowLabel},
    {"実績", A, false, kSaid | kHeader | kRowLabel},
    {"target", T, false, kSaid},
    {"goal", T, false, kSaid},
    {"目標値", T, false, kSaid | kRowLabel | kNoteKey},
    {"目標", T, false, kSaid | kHeader | kRowLabel},
    {"計画値", T, false, kSaid | kRowLabel},
    {"計画", T, false, kSaid | kRowLabel},
    {"想定値", T, false, kSaid | kRowLabel},
    {"想定", T, false, kSaid | kRowLabel},
    {"achievement", C, false, kSaid},
    {"達成状況", C, false, kSaid | kHeader},
    {"達成率", C, false, kSaid | kHeader},
    {"達成度", C, false, kSaid | kHeader},
    {"estimate", Q, true, kSaid},
    {"estimated", Q, true, kSaid},
    {"見込値", Q, true, kSaid},
    {"見込み", Q, true, kSaid},
    {"見込", Q, true, kSaid},
    {"見通し", Q, true, kSaid},
};

// What may stand between role words or around a year besides spaces:
// `実績(見込)`, `目標・見込`, `基準値／H30`.
constexpr std::string_view kSeparators[] = {"(", ")", "[", "]", "・", "/", "-", ":", "_", ",",
                                            "【", "】", "〔", "〕", "「", "」", "<", ">", "〈", "〉"};

struct RoleName {
  Role role;
  std::string_view name, ja;
};
constexpr RoleName kRoleNames[] = {{Role::baseline, "baseline", "基準値"},
                                   {Role::actual, "actual", "実績"},
                                   {Role::target, "target", "目標値"},
                                   {Role::achievement, "achievement", "達成状況"}};

const RoleName& name_of(Role r) {
  for (const RoleName& n : kRoleNames)
    if (n.role == r) return n;
  return kRoleNames[0];  // unreachable: every Role is in the table
}

// The words read as kSaid, longest first: the first word that fits at a
// position is the longest.
const std::vector<Word>& said_longest_first() {
  static const std::vector<Word> words = [] {
    std::vector<Word> w;
    for (const Word& x : kWords)
      if (x.in & kSaid) w.push_back(x);
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
    for (const Word& w : said_longest_first())
      if (t.substr(i, w.text.size()) == w.text) {
        hit = &w;
        break;
      }
    if (!hit) return std::nullopt;
    if (hit->role) {
      if (out.role && out.role != hit->role) return std::nullopt;  // 基準目標: two roles
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

std::string_view to_string(Role r) { return name_of(r).name; }

std::optional<Role> role_from_string(std::string_view name) {
  for (const RoleName& n : kRoleNames)
    if (n.name == name) return n.role;
  return std::nullopt;
}

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

const std::vector<std::string_view>& header_role_words(Role r) {
  static const auto by_role = [] {
    std::array<std::vector<std::string_view>, std::size(kRoles)> w;
    for (const Word& x : kWords)
      if ((x.in & kHeader) && x.role) w[static_cast<size_t>(*x.role)].push_back(x.text);
    return w;
  }();
  return by_role[static_cast<size_t>(r)];
}

std::optional<Role> row_label_role(std::string_view label) {
  std::string t = squeeze_text(label);
  for (const Word& w : kWords)
    if ((w.in & kRowLabel) && t == w.text) return w.role;
  return std::nullopt;
}

const std::vector<std::pair<std::string_view, Role>>& note_role_keys() {
  static const auto keys = [] {
    std::vector<std::pair<std::string_view, Role>> k;
    for (const Word& x : kWords)
      if ((x.in & kNoteKey) && x.role) k.emplace_back(x.text, *x.role);
    return k;
  }();
  return keys;
}

std::string_view role_word_ja(Role r) { return name_of(r).ja; }

std::string_view role_words_hint() { return "baseline/基準値, actual/実績, target/目標, achievement/達成状況, 見込/estimate"; }

}  // namespace kpix

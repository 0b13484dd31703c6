#include "pipeline/check/report_labels.h"

#include "parsers/normalize/roles.h"

namespace kpix {
namespace {

struct KindName {
  std::string_view kind, ja;  // a kind's prefix (factor_) or the whole kind
};
// Japanese names put before the diagnosis text (which says the numbers).
constexpr KindName kKindsJa[] = {
    {"sign_lost", "符号の欠落"},
    {"sign_added", "符号の付け過ぎ"},
    {"percent_as_fraction", "百分率を小数で入力"},
    {"factor_", "単位（桁）の違い"},
    {"other_role_same_year", "同じ年度の別の区分の値"},
    {"estimate_or_final", "見込と確定値の取り違え"},
    {"other_year", "別の年度の値"},
    {"other_role", "別の区分の値"},
    {"cumulative_total", "累計値の入力"},
    {"digits_transposed", "数字の入れ替わり"},
    {"one_digit_wrong", "数字の打ち間違い"},
    {"digit_missing", "数字の抜け"},
    {"digit_extra", "数字の余分"},
    {"status", "値の種類の違い"},
};

constexpr ReportLabels kJapanese = {
    "ja",
    "kpix check",
    {"一致", "不一致", "見つからない", "候補が複数", "読めない行"},
    "入力 {n} 行",
    "、照合した資料 {n} 件: ",
    "一致しなかった行 ({n})",
    "一致した行 ({n})",
    "すべての行が資料と一致しました。",
    "ほか {n} 行が一致（一覧は省略。kpix check --json がすべての行を出力します）",
    "読めなかった資料: ",
    "{n}行目",
    "入力（{file} {n}行目）",
    "資料",
    "入力",
    "自治体", "事業名", "指標", "区分・年度", "値", "出典", "区分", "年度", "行",
    "単位欄: ",
    "診断: ",
    "候補:",
    "基本目標",
    "画像なし: ",
    "{file} の {n} ページを開く",
    "{file} を開く",
    "画像は {n}行目にあります",
    "見込",
    "（指標なし）",
};

constexpr ReportLabels kEnglish = {
    "en",
    "kpix check",
    {"match", "mismatch", "not found", "ambiguous", "malformed"},
    "{n} entry lines",
    " checked against {n} source(s): ",
    "Disagreements ({n})",
    "Matches ({n})",
    "Every entry agrees with the sources.",
    "… and {n} more matches, not listed one by one (kpix check --json lists every line)",
    "Source not read: ",
    "line {n}",
    "entered ({file} line {n})",
    "source",
    "entered",
    "municipality", "project", "indicator", "role / year", "value", "where", "role", "year", "line",
    "unit column: ",
    "Diagnosis: ",
    "Candidates:",
    "goal level",
    "No picture: ",
    "open page {n} of {file}",
    "open {file}",
    "the picture is at line {n}",
    "estimate",
    "(no indicator)",
};

}  // namespace

std::string ReportLabels::role_name(std::optional<Role> role) const {
  if (!role) return "";
  return std::string(std::string_view(lang) == "ja" ? role_word_ja(*role) : to_string(*role));
}

std::string_view ReportLabels::diagnosis_kind(std::string_view kind) const {
  if (std::string_view(lang) != "ja") return "";
  for (const KindName& k : kKindsJa)
    if (kind == k.kind || (k.kind.back() == '_' && kind.starts_with(k.kind))) return k.ja;
  return "";
}

const ReportLabels* report_labels(std::string_view lang) {
  if (lang == "ja") return &kJapanese;
  if (lang == "en") return &kEnglish;
  return nullptr;
}

std::string fill_in(std::string_view pattern, const std::string& n, const std::string& file) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 3) == "{n}") {
      out += n;
      i += 3;
    } else if (pattern.substr(i, 6) == "{file}") {
      out += file;
      i += 6;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

}  // namespace kpix

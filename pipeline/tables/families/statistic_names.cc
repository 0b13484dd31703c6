#include "pipeline/tables/families/statistic_names.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include <re2/re2.h>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

// Labels that split or sum a quantity without naming one.
constexpr std::string_view kCategoryWords[] = {"男", "女", "男性", "女性", "職権", "差引増減", "差引", "計",
                                               "合計", "総数", "その他", "不詳"};

// The quantities of population tables, longest first so that `社会増減`
// is not read as `増減`.
constexpr std::string_view kQuantities[] = {"合計特殊出生率", "社会増減", "自然増減", "人口増減", "転入者数", "転出者数",
                                            "出生数",         "死亡数",   "世帯数",   "転入",     "転出",     "出生",
                                            "死亡",           "人口"};

}  // namespace

bool is_category_label(std::string_view label) {
  std::string s = squeeze_text(label);
  static const RE2 age("\\d+歳(?:以下|以上|未満)?|\\d+[~～\\-]\\d+歳|\\d+歳[~～\\-]\\d+歳");
  if (RE2::FullMatch(s, age)) return true;
  return std::find(std::begin(kCategoryWords), std::end(kCategoryWords), s) != std::end(kCategoryWords);
}

std::optional<std::string> quantity_of_caption(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > start) lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    std::string line = squeeze_text(*it);
    for (std::string_view q : kQuantities)
      if (line.find(q) != std::string::npos) return std::string(q);
  }
  return std::nullopt;
}

}  // namespace kpix

// KPIs stated in prose rather than in a table's rows, in the forms the
// documents write them (one reader for all of them):
//
//   headline     `高校の入学者数４０人（2014年度）→年４０人（2019年度）`
//                (音威子府's 総合戦略): goal level, baseline → target
//   goal         `数値目標：観光入込客数 50万人（令和6年度）`: goal level, target
//   indicator    `指標：つどいの広場の利用者【数値目標：100,641人（数値目標の考え方：
//                R4年度と同数の施設利用者）】` (京都's 新規・充実事業 sheets): a target;
//                a basis `R4年度と同数` also gives that year's figure as baseline
//   sentence     `…の割合を３０％以上とする`, `…を２名程度配置する` (action plans):
//                a target with no year, for the plan's end
//
// and the actuals stated later by name (`つどいの広場の利用者：79,092人 ※R6.11末時点`).
//
// Entry points: read_prose_kpis (every KPI a text states), read_named_actuals
// (values a text gives for names already known). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/record.h"

namespace kpix {

// Every KPI `text` states, in order; targets without a year have
// plan_end_pending set. Empty when it states none.
std::vector<KpiRecord> read_prose_kpis(std::string_view text, std::string_view era);

struct NamedActual {
  std::string indicator;          // as given in `names`
  NormalizedValue v;              // as_of from a `※R6.11末時点` after it
  std::optional<Period> period;   // the last `（令和６年度）` heading before it in `text`
};

// `NAME：79,092人、NAME2：1,249回 ※R6.11末時点`: the values `text` gives for
// any of `names` (NAME then `：` then a number).
std::vector<NamedActual> read_named_actuals(std::string_view text, const std::vector<std::string>& names,
                                           std::string_view era);

}  // namespace kpix

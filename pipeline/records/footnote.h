// Notes under a KPI table that give the periods of its baselines and targets:
//   ※ K P I の基準値は2016年度～2018年度の合計、目標値は2020年から2024年までの5年間の合計
//   ※ K P I の基準値は①②が2018年度の実績、④が2015年度～2018年度の合計 目標値は…
//   ①②住民基本台帳人口（基準値：2018年、目標値：計画期間終了時点）
//
// Entry point: parse_footnote. Pure: text in, the statements it makes out.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/period.h"
#include "parsers/normalize/roles.h"

namespace kpix {

struct FootnoteStatement {
  Role role = Role::baseline;  // baseline | target
  std::set<int> rows;  // list numbers it speaks of (①② → {1, 2}); empty = every row
  std::optional<Period> period;
  bool plan_end = false;   // 計画期間終了時点, 計画終了時
  bool per_year = false;   // 各年度
  bool latest = false;     // 計画期間内における最新の実績
};

std::vector<FootnoteStatement> parse_footnote(std::string_view text, std::string_view era = "");

}  // namespace kpix

// Goal headlines written as running text: `高校の入学者数４０人（2014年度）→年４０人（2019年度）`
// (音威子府's 総合戦略): one goal-level record with a baseline and a target.
//
// Entry point: read_headline. Pure; nullopt when the line is not of that form.
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/model/record.h"

namespace kpix {

std::optional<KpiRecord> read_headline(std::string_view line, std::string_view era);

}  // namespace kpix

// The record schema (schemas/kpi-record.schema.json) as compiled into kpix,
// for `kpix schema`: a user of a release has the contract without the sources.
#pragma once

#include <string_view>

namespace kpix {

std::string_view record_schema_json();

}  // namespace kpix

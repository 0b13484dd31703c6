#include "pipeline/output/record_schema.h"

#include "kpix/kpi_record_schema.h"

namespace kpix {

std::string_view record_schema_json() { return kKpiRecordSchemaJson; }

}  // namespace kpix

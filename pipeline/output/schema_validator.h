// Checks KPI records against the record schema (schemas/kpi-record.schema.json,
// compiled into the library), naming each fault by its JSON pointer.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// JsonLineMap (the line of a fault in a pretty-printed file) lived here; its
// callers may still include it from here.
#include "pipeline/output/json_line_map.h"

namespace kpix {

struct SchemaFault {
  std::string pointer;  // JSON pointer into the record, e.g. /values/2/status; "" is the record itself
  std::string message;  // one line, no trailing period guaranteed
};

// The schema is parsed once per process; validate() is const and keeps no
// mutable state, so one validator can be shared by any number of threads.
class RecordValidator {
 public:
  RecordValidator();
  std::vector<SchemaFault> validate(const nlohmann::json& record) const;

  // The schema's version string (the `schema` const), e.g. "kpix/kpi-record/1".
  static const std::string& schema_version();

 private:
  const void* schema_;  // valijson::Schema, owned by a process-wide static
};

}  // namespace kpix

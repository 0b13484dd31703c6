// Checks KPI records against the record schema (schemas/kpi-record.schema.json,
// compiled into the library), naming each fault by its JSON pointer.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// Line (1-based) of every value in a JSON text, keyed by JSON pointer, for
// naming the line of a fault in a pretty-printed file. `text` must be valid
// JSON; values of the top-level array are keyed /0, /1 …
class JsonLineMap {
 public:
  explicit JsonLineMap(const std::string& text, int first_line = 1);
  // Line of the deepest value on `pointer`'s path that exists in the text.
  int line_of(const std::string& pointer) const;

 private:
  std::vector<std::pair<std::string, int>> lines_;  // sorted by pointer
};

}  // namespace kpix

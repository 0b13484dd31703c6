// What every fuzz target that builds records checks of them: each record
// turns into JSON, and with KPIX_FUZZ_CHECK_SCHEMA=1 in the environment each
// passes the record schema (aborting on the first fault, so libFuzzer saves
// the input). The schema check is opt-in while a known defect trips it on
// ordinary tables (tests/unit/fuzz_regressions_test.cc,
// DISABLED_ProjectLevelRecordsWithoutAProjectPassTheSchema); scripts/fuzz
// passes the variable through.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "pipeline/model/record.h"
#include "pipeline/output/schema_validator.h"

namespace kpix::fuzz {

inline void check_records(const std::vector<KpiRecord>& records) {
  static const bool schema = [] {
    const char* v = std::getenv("KPIX_FUZZ_CHECK_SCHEMA");
    return v && std::strcmp(v, "1") == 0;
  }();
  static const RecordValidator validator;
  for (const KpiRecord& r : records) {
    nlohmann::json j = r.to_json();
    (void)j.dump();
    if (!schema) continue;
    for (const SchemaFault& f : validator.validate(j)) {
      std::fprintf(stderr, "record fails the schema at %s: %s\n%s\n", f.pointer.c_str(), f.message.c_str(),
                   j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      std::abort();
    }
  }
}

}  // namespace kpix::fuzz

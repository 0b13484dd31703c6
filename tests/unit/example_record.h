// The example record of ../shared/spec/records.md, for the schema tests
// (tests/unit/schema_validator_test.cc) and `kpix validate` (tests/cli).
#pragma once

#include <nlohmann/json.hpp>

namespace kpix {

// The example of ../shared/spec/records.md, with a real-looking document hash
// and a source on each value.
inline nlohmann::json example_record() {
  return nlohmann::json::parse(R"json({
    "schema": "kpix/kpi-record/1",
    "municipality": {"name": "岩見沢市", "code": "012106"},
    "document": {"file": "iwamizawa-2023.pdf",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "date": "2023-12-20", "title": "岩見沢市総合戦略について"},
    "goal": {"number": 1, "title": "安定した雇用を創出するとともに、経済を支える人材を育て活かす"},
    "level": "project",
    "project": "創業支援事業",
    "indicator": "創業塾受講後の創業人数",
    "unit": "人",
    "values": [
      {"role": "baseline", "period": {"start": 2016, "end": 2018, "basis": "fiscal", "agg": "sum"}, "raw": "26人",
       "value": 26, "unit": "人", "status": "ok", "qualifiers": [], "source": {"page": 7, "bbox": [300.1, 320.0, 340.5, 340.2]}},
      {"role": "actual", "period": {"start": 2021, "end": 2021, "basis": "fiscal"}, "raw": "10人 (通算19人)",
       "value": 10, "cumulative": 19, "unit": "人", "status": "ok", "qualifiers": [], "source": {"page": 7, "bbox": [420.0, 320.0, 480.5, 340.2]}},
      {"role": "target", "period": {"start": 2020, "end": 2024, "basis": "fiscal", "agg": "sum"}, "raw": "50人 (5年間合計)",
       "value": 50, "unit": "人", "status": "ok", "qualifiers": ["total"], "source": {"page": 7, "bbox": [600.0, 320.0, 700.5, 340.2]}}
    ],
    "source": {"page": 7, "bbox": [56.2, 310.0, 780.4, 352.9]},
    "warnings": []
  })json");
}

}  // namespace kpix

// A KPI record as ../shared/spec/records.md defines it, in C++ form, and its
// JSON (the machine form is schemas/kpi-record.schema.json).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/normalize/period.h"
#include "parsers/normalize/roles.h"
#include "parsers/normalize/value.h"
#include "pipeline/model/geometry.h"

namespace kpix {

// Where something was read: page and box for PDFs, line for converter text.
struct SourceRef {
  int page = 1;
  std::optional<Box> bbox;
  int line = 0;
  nlohmann::json to_json() const;
};

struct RecordValue {
  Role role = Role::actual;  // set by whoever reads the value
  std::optional<Period> period;
  NormalizedValue v;
  SourceRef source;
  // Resolved once the whole document is read: the target takes the plan's
  // end year; with plan_years > 0 it spans that many years ending there.
  bool plan_end_pending = false;
  int plan_years = 0;
  // Stated beside the KPI (its cell's note `名称 ／36.7%(令和元年)→40.0%(令和7年)`,
  // or a 基準値 / 目標値 column beside it) rather than in a column of its own
  // year: that column's value for the same role and period is the one kept.
  bool stated_beside = false;
  nlohmann::json to_json() const;
};

// The indicator concept a record's name matches (docs/concepts.md), so one
// quantity printed under several names is found across municipalities.
struct ConceptRef {
  std::string id;                       // `population.tfr`
  std::vector<std::string> qualifiers;  // how the printed name narrows it
};

struct KpiRecord {
  std::optional<std::string> municipality_name;  // null when the document names none
  std::optional<std::string> municipality_code;
  std::string document_file, document_sha256, document_title;
  std::optional<std::string> document_date;
  std::optional<int> goal_number;
  std::string goal_title;
  std::string level;  // goal | project | statistic
  std::optional<std::string> project;
  std::string indicator;
  std::string unit;
  std::optional<ConceptRef> indicator_concept;  // `concept` in JSON (a C++20 keyword here)
  std::vector<std::string> section;
  std::vector<std::string> qualifiers;  // record-level, e.g. shared
  std::optional<std::string> shared_with;
  std::vector<RecordValue> values;
  SourceRef source;
  std::vector<std::string> warnings;
  int marker = 0;  // list number of the indicator (① → 1), for footnotes that name rows

  nlohmann::json to_json() const;
};

}  // namespace kpix

// Scores extracted records against hand-checked expected records
// (samples/expected/*.jsonl): records matched by indicator (and project where
// an indicator repeats), values by role and period; value-level precision,
// recall and F1, and status and unit accuracy over what matched.
//
// Entry point: score_document. Pure: two lists of JSON records in, a Score out.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kpix {

struct Score {
  int expected_records = 0, extracted_records = 0, matched_records = 0;
  int expected_values = 0, extracted_values = 0, matched_values = 0, correct_values = 0;
  int status_agree = 0, unit_agree = 0;
  std::vector<std::string> misses;  // human-readable: what was expected and not found or wrong

  double precision() const { return extracted_values ? double(correct_values) / extracted_values : 0; }
  double recall() const { return expected_values ? double(correct_values) / expected_values : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double status_accuracy() const { return matched_values ? double(status_agree) / matched_values : 0; }
  double unit_accuracy() const { return matched_records ? double(unit_agree) / matched_records : 0; }
};

// The key records are matched by: NFKC, list marker and every space removed.
std::string indicator_key(const std::string& name);

Score score_document(const std::vector<nlohmann::json>& expected, const std::vector<nlohmann::json>& extracted);

}  // namespace kpix

// The words of the `kpix check` report in each language it speaks: Japanese
// (the default: the people who type KPI sheets read it) and English
// (`--lang en`). One struct per language, filled in report_labels.cc; the
// report's code holds no text of its own.
//
//   const kpix::ReportLabels* l = kpix::report_labels("ja");  // nullptr for another language
//   l->verdict(Verdict::mismatch)                              // "不一致"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parsers/normalize/roles.h"
#include "pipeline/check/matcher.h"

namespace kpix {

struct ReportLabels {
  const char* lang;  // the html lang attribute
  const char* title;  // "kpix check"
  const char* verdicts[5];  // match, mismatch, not_found, ambiguous, malformed (Verdict order)
  const char* entry_lines;  // "{n} entry lines"
  const char* checked_against;  // "checked against {n} source(s): "
  const char* disagreements;  // "Disagreements ({n})"
  const char* matches;        // "Matches ({n})"
  const char* all_agree;
  const char* more_matches;  // "… and {n} more matches, not listed one by one (kpix check --json lists every line)"
  const char* source_not_read;  // "Source not read: "
  const char* line_heading;     // "line {n}"
  const char* entered_column;   // "entered ({file} line {n})"
  const char* source_column;
  const char* entered;  // the matches table's column of typed values
  const char* municipality, *project, *indicator, *role_year, *value, *where, *role, *year, *line;
  const char* unit_column;  // "unit column: "
  const char* diagnosis;    // "Diagnosis: "
  const char* candidates;
  const char* goal_level;
  const char* no_picture;  // "No picture: "
  const char* open_page;   // "open page {n} of {file}"
  const char* open_file;   // "open {file}"
  const char* picture_at;  // "the picture is at line {n}"
  const char* estimate;    // "estimate" / "見込"
  const char* no_indicator;

  std::string_view verdict(Verdict v) const { return verdicts[int(v)]; }
  // A role for people: "baseline" / "基準値"; nullopt is "".
  std::string role_name(std::optional<Role> role) const;
  // A diagnosis kind's name, "" when the language adds none to the text.
  std::string_view diagnosis_kind(std::string_view kind) const;
};

// The labels of `lang` ("ja", "en"), or nullptr.
const ReportLabels* report_labels(std::string_view lang);

// `pattern` with `{n}` and `{file}` replaced.
std::string fill_in(std::string_view pattern, const std::string& n, const std::string& file = "");

}  // namespace kpix

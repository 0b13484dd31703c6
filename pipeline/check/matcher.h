// Hand-entered values against the records extracted from the sources: finds
// the record (by municipality, indicator, project) and the value (by role and
// year), compares, and says what probably went wrong.
//
//   kpix::Matcher m(docs);                       // docs: records per source file
//   kpix::CheckResult r = m.check(entry);        // verdict, source value, diagnosis
//
// Indicators match after width folding, list-marker and unit-bracket removal,
// and with spaces and brackets ignored; when none matches exactly, a name that
// contains the other (or is contained in it) counts. Pure: no I/O.
//
// Matcher::check and name_key are in matcher.cc, the diagnoses in
// diagnose.cc, the labels and JSON of a result in result_output.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/normalize/value.h"
#include "pipeline/check/entries_csv.h"
#include "pipeline/model/document.h"

namespace kpix {

// Records of one source file (from Extractor::extract or a dataset).
struct SourceDocument {
  std::string path;  // as given on the command line
  std::string file;  // base name
  SourceKind kind = SourceKind::pdf;
  std::vector<nlohmann::json> records;
};

enum class Verdict { match, mismatch, not_found, ambiguous, malformed };
std::string_view to_string(Verdict v);

// One value of one record of one document.
struct SourceHit {
  int doc = -1, record = -1, value = -1;
  bool operator==(const SourceHit& o) const { return doc == o.doc && record == o.record && value == o.value; }
};

struct Diagnosis {
  // sign_lost, sign_added, percent_as_fraction, factor_1000, factor_10000,
  // factor_1000000, factor_100000000, other_role_same_year, estimate_or_final,
  // other_year, other_role, cumulative_total, digits_transposed,
  // one_digit_wrong, digit_missing, digit_extra, status
  std::string kind;
  std::string text;                // one line for people
  std::optional<SourceHit> other;  // other_year / other_role: the value that was entered
};

struct CheckResult {
  Entry entry;
  Verdict verdict = Verdict::not_found;
  std::string problem;                   // malformed: what is wrong with the line
  std::optional<NormalizedValue> entered;  // the typed value read with the unit column
  std::optional<SourceHit> source;       // match / mismatch: the value compared with
  std::vector<SourceHit> also;           // the same value found in other sources too
  std::vector<SourceHit> candidates;     // ambiguous: one per differing candidate
  std::optional<Diagnosis> diagnosis;    // mismatch, where recognizable
  std::string reason;                    // not_found / ambiguous / notes, one line
};

// Comparison key of an indicator, project or municipality name (see above).
std::string name_key(std::string_view name);

// Exact decimal form of a number ("1498000", "7.04", "-312").
std::string format_number(double v);
// The same with digit groups for people ("1,498,000", "-0.5").
std::string readable_number(double v);

// What turns `source` into `entered`, or nullopt: sign, factor, digit slips
// (diagnoses that need the rest of the record: diagnose_mismatch).
std::optional<Diagnosis> diagnose_numbers(double entered, double source);

class Matcher {
 public:
  explicit Matcher(const std::vector<SourceDocument>& docs);
  CheckResult check(const Entry& entry) const;

  const nlohmann::json& record(const SourceHit& h) const;
  const nlohmann::json& value(const SourceHit& h) const;
  const SourceDocument& document(const SourceHit& h) const { return docs_[size_t(h.doc)]; }

 private:
  struct Indexed {
    int doc, record;
    std::string indicator, project, municipality;  // keys
  };
  // The steps of check() that narrow the records; each says in `why` what it
  // did not find when it returns none.
  std::vector<const Indexed*> of_municipality(const Entry& entry, std::string& why) const;
  std::vector<const Indexed*> of_indicator(const std::vector<const Indexed*>& pool, const Entry& entry, bool& loose,
                                           std::string& why) const;
  std::vector<const Indexed*> of_project(const std::vector<const Indexed*>& recs, const Entry& entry,
                                         std::string& why) const;
  // The entry's value in each record, those of the best tier only (see matcher.cc).
  std::vector<SourceHit> values_for(const std::vector<const Indexed*>& recs, const Entry& entry, int& best_tier) const;
  std::string no_value_reason(const Indexed& first, const Entry& entry) const;

  const std::vector<SourceDocument>& docs_;
  std::vector<Indexed> index_;
};

// A mismatch's diagnosis (r.source and r.entered set), or nullopt: sign and
// factor first, then another year's or role's value of the same row, the
// running total, digit slips, a source without a number.
std::optional<Diagnosis> diagnose_mismatch(const CheckResult& r, const Matcher& m);

// `kpix check --json`: one object per result, as documented in cmd_check.cc.
nlohmann::json result_to_json(const CheckResult& r, const Matcher& m);

// "actual", "estimate (見込)", "actual estimate (実績見込)": what kind of
// value the entry asks for.
std::string entry_role_label(const Entry& e);
// "転出超過数 baseline 2014" for summaries: indicator, role, year as typed.
std::string entry_label(const Entry& e);
// "-312 (▲312人)" or "none (－)": a source value for people.
std::string source_value_label(const nlohmann::json& value);
// "000_x.txt line 214" or "000-iwamizawa.pdf p. 12".
std::string location_label(const Matcher& m, const SourceHit& h);

}  // namespace kpix

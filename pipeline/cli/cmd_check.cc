// kpix check --entries FILE.csv [--json FILE] [--report FILE.html] SOURCE…:
// hand-entered KPI values compared with the records extracted from the
// sources (PDFs or converter text).
//
// Terminal: counts per verdict, then each disagreement on one line
// `FILE.csv:LINE: VERDICT: indicator role year: entered …, source … at …: diagnosis`.
// --json: an array, one object per entry line, in line order:
//   {line, verdict (match|mismatch|not_found|ambiguous|malformed),
//    entered {municipality, project, indicator, role, year, text, unit, period?, value, status, normalized_unit},
//    source {value, raw, unit, status, role, period?, indicator, project, document, path, page, box?, row_box?, line?} | null,
//    diagnosis {kind, text, other?} | null, candidates? [source…], also? [source…], problem?, reason?}
// --report: self-contained HTML (see pipeline/check/report_html.h).
// Exit 0 when every entry matches; 1 when any does not or a source could not
// be read (everything is still written); 2 for a usage error, including an
// entries file that cannot be read, decoded or has no usable header.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "pipeline/output/atomic_file.h"
#include "pipeline/check/entries_csv.h"
#include "pipeline/check/evidence.h"
#include "pipeline/check/matcher.h"
#include "pipeline/check/report_html.h"
#include "pipeline/cli/commands.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/model/error.h"
#include "pipeline/output/extractor.h"

namespace kpix::cli {
namespace {

struct CheckArgs {
  std::string entries, json, report;
  std::vector<std::string> sources;
  std::string db;
  std::string municipality, code;
  bool quiet = false;
};

std::string one_line(const CheckResult& r, const Matcher& m) {
  std::string s = std::string(to_string(r.verdict)) + ": ";
  if (r.verdict == Verdict::malformed) return s + r.problem;
  s += entry_label(r.entry) + ": entered " + r.entry.value + (r.entry.unit.empty() ? "" : " " + r.entry.unit);
  if (r.source) s += ", source " + source_value_label(m.value(*r.source)) + " at " + location_label(m, *r.source);
  if (r.diagnosis) s += ": " + r.diagnosis->text;
  if (!r.reason.empty() && r.verdict != Verdict::match) s += (r.source ? "; " : ": ") + r.reason;
  return s;
}

// The sources' records: each file extracted, then the documents of an
// ingested dataset. What could not be read is said on stderr and kept in
// `errors` for the report.
struct Sources {
  std::vector<SourceDocument> docs;
  std::vector<std::string> errors;
};

Sources read_sources(const CheckArgs& a) {
  Sources s;
  Extractor ex;
  BuildOptions opts{a.municipality, a.code};
  for (const std::string& path : a.sources) {
    try {
      Extraction out = ex.extract(path, opts);
      s.docs.push_back({path, out.info.file_name, out.info.kind, std::move(out.records)});
      if (s.docs.back().records.empty()) std::cerr << "kpix: " << path << ": note: no KPI records found\n";
    } catch (const InputError& e) {
      std::cerr << "kpix: " << e.what() << "\n";
      s.errors.push_back(e.what());
    } catch (const std::exception& e) {
      std::cerr << "kpix: " << path << ": internal error: " << e.what() << "\n";
      s.errors.push_back(path + ": internal error: " + e.what());
    }
  }
  if (!a.db.empty()) {
    // An ingested dataset: its documents' stored records, no extraction.
    try {
      for (Dataset::StoredDocument& d : Dataset(a.db).documents()) {
        SourceKind kind = d.path.size() > 4 && d.path.compare(d.path.size() - 4, 4, ".pdf") == 0 ? SourceKind::pdf
                                                                                                 : SourceKind::text;
        s.docs.push_back({d.path, d.file, kind, std::move(d.records)});
      }
    } catch (const InputError& e) {
      std::cerr << "kpix: " << e.what() << "\n";
      s.errors.push_back(e.what());
    }
  }
  return s;
}

// A result per entry, and one per malformed line, in line order.
std::vector<CheckResult> check_entries(const EntriesFile& entries, const Matcher& matcher) {
  std::vector<CheckResult> results;
  for (const Entry& e : entries.entries) results.push_back(matcher.check(e));
  for (const CsvProblem& p : entries.problems) {
    CheckResult r;
    r.entry.line = p.line;
    r.verdict = Verdict::malformed;
    r.problem = p.message;
    results.push_back(std::move(r));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const CheckResult& x, const CheckResult& y) { return x.entry.line < y.entry.line; });
  return results;
}

// The counts per verdict, then each disagreement on a line of its own.
void print_results(const CheckArgs& a, const EntriesFile& entries, const std::vector<CheckResult>& results,
                   const Matcher& matcher, size_t sources) {
  std::map<Verdict, int> counts;
  for (const CheckResult& r : results) ++counts[r.verdict];
  std::cout << a.entries << " (" << entries.encoding << "): " << results.size() << " entry lines against "
            << sources << " source(s): " << counts[Verdict::match] << " match, " << counts[Verdict::mismatch]
            << " mismatch, " << counts[Verdict::not_found] << " not_found, " << counts[Verdict::ambiguous]
            << " ambiguous";
  if (counts[Verdict::malformed]) std::cout << ", " << counts[Verdict::malformed] << " malformed";
  std::cout << "\n";
  for (const CheckResult& r : results)
    if (r.verdict != Verdict::match) std::cout << a.entries << ":" << r.entry.line << ": " << one_line(r, matcher) << "\n";
  std::cout.flush();
}

// The report: a picture or the text rows of each mismatch's source value, of
// the first six candidates of an ambiguous entry.
std::string report_html(const CheckArgs& a, const EntriesFile& entries, const std::vector<CheckResult>& results,
                        const Matcher& matcher, const Sources& sources) {
  EvidenceMaker maker(matcher);
  std::vector<std::vector<Evidence>> evidence(results.size());
  for (size_t i = 0; i < results.size(); ++i) {
    const CheckResult& r = results[i];
    if (r.verdict == Verdict::mismatch && r.source)
      evidence[i].push_back(maker.make(*r.source, r.diagnosis ? r.diagnosis->other : std::nullopt));
    else if (r.verdict == Verdict::ambiguous)
      for (size_t c = 0; c < r.candidates.size() && c < 6; ++c) evidence[i].push_back(maker.make(r.candidates[c]));
  }
  ReportContext ctx{a.entries, entries.encoding, {}, sources.errors};
  for (const SourceDocument& d : sources.docs) ctx.sources.push_back(d.file + " (" + std::to_string(d.records.size()) + " records)");
  return render_report_html(results, evidence, matcher, ctx);
}

int run(const CheckArgs& a) {
  // 1. The entries; a file that cannot be used is a usage error.
  EntriesFile entries;
  try {
    entries = read_entries(a.entries);
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 2;
  }
  // 2. The outputs, opened first so that an unwritable path fails before the work.
  std::unique_ptr<AtomicFile> json_out, report_out;
  try {
    if (!a.json.empty()) json_out = std::make_unique<AtomicFile>(a.json);
    if (!a.report.empty()) report_out = std::make_unique<AtomicFile>(a.report);
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 2;
  }

  // 3. The sources' records.
  Sources sources = read_sources(a);
  int status = sources.errors.empty() ? 0 : 1;

  // 4. Every entry checked; any that does not match makes the status 1.
  Matcher matcher(sources.docs);
  std::vector<CheckResult> results = check_entries(entries, matcher);
  if (std::any_of(results.begin(), results.end(), [](const CheckResult& r) { return r.verdict != Verdict::match; }))
    status = 1;

  // 5. The summary on stdout, then the files.
  print_results(a, entries, results, matcher, sources.docs.size());
  try {
    if (json_out) {
      nlohmann::json arr = nlohmann::json::array();
      for (const CheckResult& r : results) arr.push_back(result_to_json(r, matcher));
      json_out->write(arr.dump(2) + "\n");
      json_out->commit();
    }
    if (report_out) {
      report_out->write(report_html(a, entries, results, matcher, sources));
      report_out->commit();
    }
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return std::max(status, 1);
  }
  return status;
}

}  // namespace

void add_check_command(CLI::App& app, int& status) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Compare hand-entered KPI values (CSV) with the source documents");
  cmd->add_option("--entries", a->entries,
                  "CSV of entered values: municipality/自治体, project/事業名, indicator/指標, role/区分, year/年度, "
                  "value/値, unit/単位 (UTF-8 or Shift_JIS)")
      ->required();
  cmd->add_option("--json", a->json, "Write one verdict object per entry line here (JSON array)");
  cmd->add_option("--report", a->report, "Write a self-contained HTML report with page crops here");
  cmd->add_option("SOURCE", a->sources, "PDFs or converter .txt files the values were taken from");
  cmd->add_option("--db", a->db, "An ingested dataset (kpix ingest) as the source, instead of or besides files");
  cmd->add_option("--municipality", a->municipality, "Municipality of the sources, instead of detecting it");
  cmd->add_option("--code", a->code, "全国地方公共団体コード of the sources, instead of detecting it");
  cmd->callback([a, &status] {
    if (a->sources.empty() && a->db.empty()) {
      std::cerr << "kpix: check: give SOURCE files, --db, or both\n";
      status = 2;
      return;
    }
    status = run(*a);
  });
}

}  // namespace kpix::cli

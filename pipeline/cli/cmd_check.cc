// kpix check --entries FILE.csv [--json FILE] [--report FILE.html] [--lang ja|en] SOURCE…:
// hand-entered KPI values compared with the records extracted from the
// sources (PDFs or converter text, or an ingested dataset). docs/check.md is
// the user's guide.
//
// Terminal: each disagreement on one line as it is found,
// `FILE.csv:LINE: VERDICT: indicator role year: entered …, source … at …: diagnosis`,
// then the counts per verdict.
// --json: an array, one object per entry line, in line order:
//   {line, verdict (match|mismatch|not_found|ambiguous|malformed),
//    entered {municipality, project, indicator, role, year, text, unit, estimate?, period?, value, status, normalized_unit},
//    source {value, raw, unit, status, role, period?, indicator, project, document, path, page, box?, row_box?, line?} | null,
//    diagnosis {kind, text, other?} | null, candidates? [source…], also? [source…], problem?, reason?}
// --report: self-contained HTML (see pipeline/check/report_html.h), in
// Japanese unless --lang en.
// Entries are read, checked and written one line at a time: memory does not
// grow with the entries file.
// Exit 0 when every entry matches; 1 when any does not or a source could not
// be read (everything is still written); 2 for a usage error, including an
// entries file that cannot be read, decoded or has no usable header.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "pipeline/check/entries_csv.h"
#include "pipeline/check/evidence.h"
#include "pipeline/check/matcher.h"
#include "pipeline/check/report_html.h"
#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/model/error.h"
#include "pipeline/output/atomic_file.h"
#include "pipeline/output/extractor.h"

namespace kpix::cli {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  std::string entries, json, report;
  std::vector<std::string> sources;
  std::string db;
  std::string municipality, code;
  std::string lang = "ja";
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

// Where a document stored in the dataset is now. A relative path was
// relative to where `kpix ingest` ran: tried from the dataset's folder
// (ingest run beside the database) and from here; the first that exists,
// else the path from the dataset's folder.
std::string stored_document_path(const std::string& stored, const std::string& db) {
  fs::path p(stored);
  if (p.empty() || p.is_absolute()) return stored;
  fs::path from_db = fs::path(db).parent_path() / p;
  std::error_code ec;
  if (fs::exists(from_db, ec)) return from_db.lexically_normal().string();
  if (fs::exists(p, ec)) return stored;
  return from_db.lexically_normal().string();
}

Sources read_sources(const CheckArgs& a) {
  Sources s;
  Extractor ex;
  BuildOptions opts{a.municipality, a.code};
  for (const std::string& path : a.sources) {
    try {
      if (auto problem = input_problem(path)) throw InputError(path, *problem);
      Extraction out = ex.extract(path, opts);
      s.docs.push_back({path, out.info.file_name, out.info.kind, std::move(out.records)});
      if (s.docs.back().records.empty()) std::cerr << "kpix: " << shown_name(path) << ": note: no KPI records found\n";
    } catch (const InputError& e) {
      std::cerr << "kpix: " << e.what() << "\n";
      s.errors.push_back(e.what());
    } catch (const std::exception& e) {
      std::cerr << "kpix: " << shown_name(path) << ": internal error: " << e.what() << "\n";
      s.errors.push_back(path + ": internal error: " + e.what());
    }
  }
  if (!a.db.empty()) {
    // An ingested dataset: its documents' stored records, no extraction.
    try {
      for (Dataset::StoredDocument& d : Dataset(a.db, Dataset::Access::read_only).documents()) {
        SourceKind kind = d.path.size() > 4 && d.path.compare(d.path.size() - 4, 4, ".pdf") == 0 ? SourceKind::pdf
                                                                                                 : SourceKind::text;
        s.docs.push_back({stored_document_path(d.path, a.db), d.file, kind, std::move(d.records)});
      }
    } catch (const InputError& e) {
      std::cerr << "kpix: " << e.what() << "\n";
      s.errors.push_back(e.what());
    }
  }
  return s;
}

// `--json`: the array written one element at a time, byte for byte what
// dumping the whole array with an indent of 2 gives.
class JsonArrayOut {
 public:
  explicit JsonArrayOut(AtomicFile& f) : f_(f) {}
  void add(const nlohmann::json& j) {
    std::string s = j.dump(2);
    std::string indented;
    indented.reserve(s.size() + s.size() / 8);
    for (char c : s) {
      indented += c;
      if (c == '\n') indented += "  ";  // a dumped string holds no raw line break
    }
    f_.write(first_ ? "[\n  " : ",\n  ");
    f_.write(indented);
    first_ = false;
  }
  void finish() { f_.write(first_ ? "[]\n" : "\n]\n"); }

 private:
  AtomicFile& f_;
  bool first_ = true;
};

// The counts per verdict, after the disagreements.
void print_counts(const CheckArgs& a, const std::string& encoding, const std::map<Verdict, int>& counts, size_t sources) {
  auto n = [&](Verdict v) { return counts.count(v) ? counts.at(v) : 0; };
  int total = 0;
  for (auto& [v, c] : counts) total += c;
  std::cout << a.entries << " (" << encoding << "): " << total << " entry lines against " << sources
            << " source(s): " << n(Verdict::match) << " match, " << n(Verdict::mismatch) << " mismatch, "
            << n(Verdict::not_found) << " not_found, " << n(Verdict::ambiguous) << " ambiguous";
  if (n(Verdict::malformed)) std::cout << ", " << n(Verdict::malformed) << " malformed";
  std::cout << "\n";
  std::cout.flush();
}

// The picture or text rows of a source value; a picture that cannot be made
// is said on stderr as well as in the report.
ReportWriter::MakeEvidence evidence_maker(EvidenceMaker& maker, const int& current_line) {
  return [&maker, &current_line](const SourceHit& hit, const std::optional<SourceHit>& other) {
    Evidence ev = maker.make(hit, other);
    if (!ev.error.empty())
      std::cerr << "kpix: " << ev.error << " (the report shows no picture for entries line " << current_line << ")\n";
    return ev;
  };
}

// The entries file (or stdin for `-`) with its header read; nullptr after
// saying on stderr why it cannot be used.
std::unique_ptr<EntriesReader> open_entries(const CheckArgs& a, std::ifstream& file) {
  std::istream* in = &std::cin;
  try {
    if (a.entries != "-") {
      std::error_code ec;
      if (fs::is_directory(a.entries, ec)) throw InputError(a.entries, "is a directory, not a CSV file");
      if (auto problem = input_problem(a.entries)) throw InputError(a.entries, *problem);
      file.open(a.entries, std::ios::binary);
      if (!file) throw InputError(a.entries, "cannot be read");
      in = &file;
    }
    return std::make_unique<EntriesReader>(*in, a.entries);
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return nullptr;
  }
}

// The --json and --report files, opened to be written whole at the end;
// false after saying on stderr why one cannot be.
bool open_outputs(const CheckArgs& a, std::unique_ptr<AtomicFile>& json_file, std::unique_ptr<AtomicFile>& report_file) {
  try {
    for (const std::string* out : {&a.json, &a.report}) {
      std::error_code ec;
      if (!out->empty() && fs::is_directory(*out, ec)) throw InputError(*out, "is a directory, not a file to write");
    }
    if (!a.json.empty()) json_file = std::make_unique<AtomicFile>(a.json);
    if (!a.report.empty()) report_file = std::make_unique<AtomicFile>(a.report);
    return true;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return false;
  }
}

int run(const CheckArgs& a) {
  // 0. The overrides and the outputs: an output may not be one of the inputs.
  if (auto problem = municipality_problem(a.municipality, a.code)) {
    std::cerr << *problem << "\n";
    return 2;
  }
  std::vector<std::string> inputs = a.sources;
  inputs.push_back(a.entries);
  if (!a.db.empty()) inputs.push_back(a.db);
  for (const std::string* out : {&a.json, &a.report})
    if (auto problem = output_problem(*out, inputs)) {
      std::cerr << *problem << "\n";
      return 2;
    }
  // 1. The entries file and its header; a file that cannot be used is a usage error.
  std::ifstream file;
  std::unique_ptr<EntriesReader> entries = open_entries(a, file);
  if (!entries) return 2;
  // 2. The outputs, opened first so that an unwritable path fails before the work.
  std::unique_ptr<AtomicFile> json_file, report_file;
  if (!open_outputs(a, json_file, report_file)) return 2;

  // 3. The sources' records.
  Sources sources = read_sources(a);
  int status = sources.errors.empty() ? 0 : 1;

  // 4. Every entry checked as it is read, and written out at once.
  Matcher matcher(sources.docs);
  std::map<Verdict, int> counts;
  try {
    int line = 0;
    EvidenceMaker maker(matcher);
    std::unique_ptr<ReportWriter> report;
    if (report_file)
      report = std::make_unique<ReportWriter>(matcher, evidence_maker(maker, line), *report_labels(a.lang), a.entries,
                                              fs::path(a.report).parent_path().string());
    std::optional<JsonArrayOut> json;
    if (json_file) json.emplace(*json_file);
    while (std::optional<EntryLine> next = entries->next()) {
      CheckResult r;
      if (next->problem.empty()) {
        r = matcher.check(next->entry);
      } else {
        r.entry = std::move(next->entry);
        r.verdict = Verdict::malformed;
        r.problem = std::move(next->problem);
      }
      line = r.entry.line;
      ++counts[r.verdict];
      if (r.verdict != Verdict::match) std::cout << a.entries << ":" << r.entry.line << ": " << one_line(r, matcher) << "\n";
      if (json) json->add(result_to_json(r, matcher));
      if (report) report->add(r);
    }
    if (counts.size() > counts.count(Verdict::match)) status = 1;

    // 5. The counts, then the files.
    print_counts(a, entries->encoding(), counts, sources.docs.size());
    if (json) {
      json->finish();
      json_file->commit();
    }
    if (report) {
      ReportContext ctx{a.entries, entries->encoding(), {}, sources.errors};
      for (const SourceDocument& d : sources.docs)
        ctx.sources.push_back(d.file + " (" + std::to_string(d.records.size()) + " records)");
      report->finish(ctx, [&](std::string_view bytes) { report_file->write(bytes); });
      report_file->commit();
    }
  } catch (const InputError& e) {
    std::cout.flush();
    std::cerr << "kpix: " << e.what() << "\n";
    // Bytes of the entries file that cannot be decoded make it unusable.
    return e.file() == a.entries ? 2 : std::max(status, 1);
  }
  return status;
}

}  // namespace

void add_check_command(CLI::App& app, int& status) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Compare hand-entered KPI values (CSV) with the source documents");
  cmd->add_option("--entries", a->entries,
                  "CSV of entered values (- for stdin): municipality/自治体, project/事業名, indicator/指標, "
                  "role/区分, year/年度 (or both in one: R4実績), value/値, unit/単位, qualifier/補足 "
                  "(UTF-8 or Shift_JIS); see docs/check.md")
      ->required();
  cmd->add_option("--json", a->json, "Write one verdict object per entry line here (JSON array)");
  cmd->add_option("--report", a->report, "Write a self-contained HTML report with page crops here");
  cmd->add_option("--lang", a->lang, "Language of the HTML report: ja (default) or en")
      ->check(CLI::IsMember({"ja", "en"}));
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

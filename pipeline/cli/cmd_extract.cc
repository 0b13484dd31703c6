// kpix extract [-o FILE|-] [--format jsonl|csv] [--excel] [-j N] [--pages RANGES] INPUT…: records of
// every input (`-` reads stdin); a bad input is reported on one line and the
// others are still extracted. The format follows -o's extension (.csv,
// .jsonl) when --format is absent; --excel is CSV for Excel (BOM, CRLF,
// formulas neutralised).
#include <iostream>
#include <memory>

#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/page_options.h"
#include "pipeline/cli/stdin_file.h"
#include "pipeline/model/error.h"
#include "pipeline/model/shown_name.h"
#include "pipeline/output/extractor.h"
#include "pipeline/output/record_writers.h"

namespace kpix::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  bool excel = false;
  std::string municipality, code;
  int jobs = 0;
  std::vector<PageRange> pages;
};

// One input's records in the output format; what went wrong said on stderr.
int extract_one(const Extractor& ex, const std::string& in, const BuildOptions& opts, const ExtractArgs& a,
                const std::string& format, Output& out) {
  try {
    std::unique_ptr<StdinFile> piped;
    if (in == "-") piped = std::make_unique<StdinFile>();
    if (auto problem = input_problem(in)) throw InputError(in, *problem);
    Extraction x = ex.extract(piped ? piped->path() : in, opts);
    std::string text;
    for (const auto& r : x.records) {
      if (format != "csv") {
        text += jsonl_line(r);
        continue;
      }
      text += csv_rows(r, a.excel);
    }
    out.write(text);
    std::cout.flush();
    for (const std::string& n : x.notes) std::cerr << "kpix: " << shown_name(in) << ": note: " << shown_name(n) << "\n";
    for (const std::string& r : x.rejected) std::cerr << "kpix: " << shown_name(in) << ": " << shown_name(r) << "\n";
    return x.rejected.empty() ? 0 : 1;
  } catch (const InputError& e) {
    std::cout.flush();
    std::cerr << "kpix: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "kpix: " << shown_name(in) << ": internal error: " << e.what() << "\n";
  }
  return 1;
}

int run(const ExtractArgs& a) {
  if (auto problem = municipality_problem(a.municipality, a.code)) {
    std::cerr << *problem << "\n";
    return 2;
  }
  if (auto problem = output_problem(a.output, a.inputs)) {
    std::cerr << *problem << "\n";
    return 2;
  }
  const std::string format = output_format(a.format, a.output, a.excel);
  if (format != "jsonl" && format != "csv") {
    std::cerr << "kpix: extract: --format " << format << ": extract writes jsonl or csv (kpix export writes xlsx)\n";
    return 2;
  }
  if (a.excel && format != "csv") {
    std::cerr << "kpix: extract: --excel is CSV for Excel; not with --format " << format << "\n";
    return 2;
  }
  int status = 0;
  try {
    Output out(a.output);
    if (format == "csv") {
      std::string header = csv_header();
      if (a.excel) header = "\xEF\xBB\xBF" + header.insert(header.size() - 1, "\r");
      out.write(header);
    }
    // One document at a time, its pages on every core: the workers and this
    // thread, which reads the pages' records in order.
    PageWorkers workers(worker_count(a.jobs) - 1);
    Extractor ex;
    ex.share_workers(&workers);
    BuildOptions opts;
    opts.municipality = a.municipality;
    opts.code = a.code;
    opts.pages = a.pages;
    for (const std::string& in : a.inputs) status = std::max(status, extract_one(ex, in, opts, a, format, out));
    out.commit();
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
  return status;
}

}  // namespace

void add_extract_command(CLI::App& app, int& status) {
  auto a = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "KPI records from PDFs or converter text (JSON Lines or CSV)");
  cmd->add_option("INPUT", a->inputs, "PDF or converter .txt files (- for stdin)")->required();
  cmd->add_option("-o,--output", a->output, "Write here (whole or not at all) instead of stdout (- for stdout)");
  cmd->add_option("--format", a->format, "jsonl or csv (default: from -o's extension, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_flag("--excel", a->excel, "CSV for Japanese Excel: UTF-8 with BOM, CRLF, formulas neutralised with '");
  auto* name = cmd->add_option("--municipality", a->municipality, "Municipality name, instead of detecting it");
  cmd->add_option("--code", a->code, "全国地方公共団体コード, instead of detecting the municipality")->excludes(name);
  cmd->add_option("-j,--jobs", a->jobs, "Threads reading pages (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  add_pages_option(cmd, a->pages);
  cmd->callback([a, &status] { status = run(*a); });
}

}  // namespace kpix::cli

// kpix extract [-o FILE] [--format jsonl|csv] [-j N] [--pages RANGES] INPUT…: records of every input;
// a bad input is reported on one line and the others are still extracted.
#include <iostream>
#include <memory>

#include "pipeline/output/atomic_file.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/page_options.h"
#include "pipeline/model/error.h"
#include "pipeline/output/record_writers.h"
#include "pipeline/output/extractor.h"

namespace kpix::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "jsonl";
  std::string municipality, code;
  int jobs = 0;
  std::vector<PageRange> pages;
};

int run(const ExtractArgs& a) {
  std::unique_ptr<AtomicFile> file;
  try {
    if (!a.output.empty()) file = std::make_unique<AtomicFile>(a.output);
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
  auto emit = [&](const std::string& s) {
    if (file)
      file->write(s);
    else
      std::cout << s;
  };
  if (a.format == "csv") emit(csv_header());
  // One document at a time, its pages on every core: the workers and this
  // thread, which reads the pages' records in order.
  PageWorkers workers(worker_count(a.jobs) - 1);
  Extractor ex;
  ex.share_workers(&workers);
  BuildOptions opts;
  opts.municipality = a.municipality;
  opts.code = a.code;
  opts.pages = a.pages;
  int status = 0;
  for (const std::string& in : a.inputs) {
    try {
      Extraction out = ex.extract(in, opts);
      std::string text;
      for (const auto& r : out.records) text += a.format == "csv" ? csv_rows(r) : jsonl_line(r);
      emit(text);
      std::cout.flush();
      for (const std::string& n : out.notes) std::cerr << "kpix: " << in << ": note: " << n << "\n";
      for (const std::string& r : out.rejected) std::cerr << "kpix: " << in << ": " << r << "\n";
      if (!out.rejected.empty()) status = 1;
    } catch (const InputError& e) {
      std::cout.flush();
      std::cerr << "kpix: " << e.what() << "\n";
      status = 1;
    } catch (const std::exception& e) {
      std::cout.flush();
      std::cerr << "kpix: " << in << ": internal error: " << e.what() << "\n";
      status = 1;
    }
  }
  try {
    if (file) file->commit();
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
  cmd->add_option("INPUT", a->inputs, "PDF or converter .txt files")->required();
  cmd->add_option("-o,--output", a->output, "Write here (whole or not at all) instead of stdout");
  cmd->add_option("--format", a->format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  cmd->add_option("--municipality", a->municipality, "Municipality name, instead of detecting it");
  cmd->add_option("--code", a->code, "全国地方公共団体コード, instead of detecting the municipality");
  cmd->add_option("-j,--jobs", a->jobs, "Threads reading pages (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  add_pages_option(cmd, a->pages);
  cmd->callback([a, &status] { status = run(*a); });
}

}  // namespace kpix::cli

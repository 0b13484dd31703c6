// kpix ingest --db PATH [-j N] INPUT…   and   kpix export --db PATH --format csv|jsonl [-o FILE] [--excel]
#include <unistd.h>

#include <iostream>
#include <memory>

#include "pipeline/atomic_file.h"
#include "pipeline/cli/commands.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/ingest.h"
#include "pipeline/error.h"

namespace kpix::cli {
namespace {

struct ExportArgs {
  std::string db, format = "jsonl", output;
  bool excel = false;
};

int run_ingest(const IngestOptions& o) {
  try {
    IngestSummary s = ingest(o, stderr, isatty(fileno(stderr)));
    std::cout << "documents added " << s.added << ", already present " << s.present << ", failed " << s.failed
              << "; records " << s.records << ", values " << s.values << "\n";
    return s.failed ? 1 : 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
}

int run_export(const ExportArgs& a) {
  try {
    Dataset db(a.db);
    std::unique_ptr<AtomicFile> file;
    if (!a.output.empty()) file = std::make_unique<AtomicFile>(a.output);
    auto write = [&](const std::string& s) {
      if (file) file->write(s);
      else std::cout << s;
    };
    if (a.format == "csv") db.export_csv(write, a.excel);
    else db.export_jsonl(write);
    if (file) file->commit();
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_dataset_commands(CLI::App& app, int& status) {
  auto in = std::make_shared<IngestOptions>();
  auto* ingest_cmd = app.add_subcommand("ingest", "Files and folders into the SQLite dataset, in parallel");
  ingest_cmd->add_option("--db", in->db, "Dataset file (created on first use)")->required();
  ingest_cmd->add_option("INPUT", in->inputs, "PDFs, converter .txt files, folders")->required();
  ingest_cmd->add_option("-j,--jobs", in->jobs, "Extraction threads (default: the number of cores)");
  ingest_cmd->add_option("--municipality", in->build.municipality, "Municipality name, instead of detecting it");
  ingest_cmd->add_option("--code", in->build.code, "全国地方公共団体コード, instead of detecting the municipality");
  ingest_cmd->callback([in, &status] { status = run_ingest(*in); });

  auto ex = std::make_shared<ExportArgs>();
  auto* export_cmd = app.add_subcommand("export", "The dataset out: JSON Lines records or CSV values");
  export_cmd->add_option("--db", ex->db, "Dataset file")->required()->check(CLI::ExistingFile);
  export_cmd->add_option("--format", ex->format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  export_cmd->add_option("-o,--output", ex->output, "Write here (whole or not at all) instead of stdout");
  export_cmd->add_flag("--excel", ex->excel, "CSV for Japanese Excel: UTF-8 with BOM, CRLF");
  export_cmd->callback([ex, &status] { status = run_export(*ex); });
}

}  // namespace kpix::cli

// kpix ingest --db PATH [-j N] INPUT…   and   kpix export --db PATH --format csv|jsonl [-o FILE] [--excel]
// [--concept ID]
#include <unistd.h>

#include <iostream>
#include <memory>

#include "parsers/municipality/municipality_index.h"
#include "pipeline/output/atomic_file.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/page_options.h"
#include "pipeline/dataset/concept_export.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/ingest.h"
#include "pipeline/model/error.h"

namespace kpix::cli {
namespace {

struct ExportArgs {
  std::string db, format = "jsonl", output, concept_id;
  bool excel = false;
};

int run_ingest(const IngestOptions& o) {
  // A document is stored once: a wrong override would stay with it, so it is
  // refused before anything is read.
  if (!o.build.code.empty() || !o.build.municipality.empty()) {
    MunicipalityIndex idx;
    if (!o.build.code.empty() && !idx.by_code(o.build.code)) {
      std::cerr << "kpix: --code " << o.build.code << ": not a 全国地方公共団体コード in the shipped list\n";
      return 2;
    }
    if (!o.build.municipality.empty() && idx.by_name(o.build.municipality).empty()) {
      std::cerr << "kpix: --municipality " << o.build.municipality
                << ": no such municipality in the shipped list (give its name as the list spells it, or --code)\n";
      return 2;
    }
  }
  try {
    IngestSummary s = ingest(o, stderr, isatty(fileno(stderr)));
    std::cout << "documents added " << s.added << ", already present " << s.present << ", failed " << s.failed
              << "; records " << s.records << ", values " << s.values;
    if (s.rejected) std::cout << "; records held back (schema) " << s.rejected;
    std::cout << "\n";
    return s.failed || s.rejected ? 1 : 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << o.db << ": " << e.what() << "\n";
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
    if (!a.concept_id.empty()) {
      ConceptExport ex = export_concept(db.handle(), a.concept_id);
      write(a.format == "csv" ? concept_csv(ex, a.excel) : concept_jsonl(ex));
      if (ex.other_units)
        std::cerr << "kpix: note: " << ex.other_units << " values of " << ex.id << " left out: a unit other than `"
                  << ex.unit << "`\n";
    } else if (a.format == "csv") {
      db.export_csv(write, a.excel);
    } else {
      db.export_jsonl(write);
    }
    if (file) file->commit();
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {  // an unknown --concept
    std::cerr << "kpix: --concept " << a.concept_id << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << a.db << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_dataset_commands(CLI::App& app, int& status) {
  auto in = std::make_shared<IngestOptions>();
  auto* ingest_cmd = app.add_subcommand("ingest", "Files and folders into the SQLite dataset, in parallel");
  ingest_cmd->add_option("--db", in->db, "Dataset file (created on first use)")->required();
  ingest_cmd->add_option("INPUT", in->inputs, "PDFs, converter .txt files, folders")->required();
  ingest_cmd->add_option("-j,--jobs", in->jobs, "Extraction threads (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  auto* name = ingest_cmd->add_option("--municipality", in->build.municipality, "Municipality name, instead of detecting it");
  ingest_cmd->add_option("--code", in->build.code, "全国地方公共団体コード, instead of detecting the municipality")
      ->excludes(name);
  add_pages_option(ingest_cmd, in->build.pages);
  ingest_cmd->callback([in, &status] { status = run_ingest(*in); });

  auto ex = std::make_shared<ExportArgs>();
  auto* export_cmd = app.add_subcommand("export", "The dataset out: JSON Lines records or CSV values");
  export_cmd->add_option("--db", ex->db, "Dataset file")->required()->check(CLI::ExistingFile);
  export_cmd->add_option("--format", ex->format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  export_cmd->add_option("-o,--output", ex->output, "Write here (whole or not at all) instead of stdout");
  export_cmd->add_flag("--excel", ex->excel, "CSV for Japanese Excel: UTF-8 with BOM, CRLF");
  export_cmd->add_option("--concept", ex->concept_id,
                         "One indicator concept across municipalities (population.tfr, …; docs/concepts.md): one row "
                         "per value in the concept's unit");
  export_cmd->callback([ex, &status] { status = run_export(*ex); });
}

}  // namespace kpix::cli

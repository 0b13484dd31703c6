// kpix ingest --db PATH [-j N] INPUT…
// kpix export --db PATH [--format csv|jsonl|xlsx] [-o FILE|-] [--excel] [--concept ID]
//             [--municipality NAME] [--code CODE] [--level LEVEL] [--since YEAR]
// kpix remove --db PATH DOCUMENT…
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/page_options.h"
#include "pipeline/dataset/concept_export.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/ingest.h"
#include "pipeline/dataset/stored_documents.h"
#include "pipeline/model/error.h"
#include "pipeline/model/shown_name.h"
#include "pipeline/output/record_writers.h"
#include "pipeline/output/xlsx_sheet.h"

namespace kpix::cli {
namespace {

struct ExportArgs {
  std::string db, format, output, concept_id;
  bool excel = false;
  ExportFilter filter;
  int since = 0;
};

struct RemoveArgs {
  std::string db;
  std::vector<std::string> documents;
};

int run_ingest(const IngestOptions& o) {
  // A document is stored once: a wrong override would stay with it, so it is
  // refused before anything is read.
  if (auto problem = municipality_problem(o.build.municipality, o.build.code)) {
    std::cerr << *problem << "\n";
    return 2;
  }
  try {
    IngestSummary s = ingest(o, stderr, isatty(fileno(stderr)));
    std::cout << "documents added " << s.added << ", already present " << s.present << ", failed " << s.failed
              << "; records " << s.records << ", values " << s.values;
    if (s.copies) std::cout << "; copies of a stored edition (not exported) " << s.copies;
    if (s.rejected) std::cout << "; records held back (schema) " << s.rejected;
    std::cout << "\n";
    return s.failed || s.rejected ? 1 : 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << shown_name(o.db) << ": " << e.what() << "\n";
    return 1;
  }
}

// The numbers of the value table, written as numbers in a workbook; the rest
// (codes above all) as text.
const std::set<std::string> kNumberColumns = {"goal", "period_start", "period_end", "value", "cumulative", "page",
                                              "line"};

// xlsx: libxlsxwriter writes a named file; it is made beside a temporary
// name and then copied into the output, so -o - works and a failure leaves
// nothing.
void write_xlsx(const Dataset& db, const ExportFilter& f, Output& out) {
  char tmpl[] = "/tmp/kpix-xlsx-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) throw InputError("xlsx", "cannot make a temporary file");
  ::close(fd);
  std::string temp = std::string(tmpl) + ".xlsx";
  std::rename(tmpl, temp.c_str());
  struct Remove {
    std::string p;
    ~Remove() { std::remove(p.c_str()); }
  } cleanup{temp};
  {
    XlsxSheet sheet(temp, "kpi_values", csv_columns(), kNumberColumns);
    db.export_records(
        [&](const nlohmann::json& r) {
          for (const auto& fields : value_fields(r)) sheet.add_row(fields);
        },
        f);
    sheet.close();
  }
  std::FILE* in = std::fopen(temp.c_str(), "rb");
  if (!in) throw InputError(temp, "cannot read back the workbook");
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) out.write(std::string_view(buf, n));
  std::fclose(in);
}

int run_export(ExportArgs a) {
  if (a.since) a.filter.since = a.since;
  if (auto problem = output_problem(a.output, {a.db})) {
    std::cerr << *problem << "\n";
    return 2;
  }
  if (auto problem = municipality_problem(a.filter.municipality, a.filter.code)) {
    std::cerr << *problem << "\n";
    return 2;
  }
  const std::string format = output_format(a.format, a.output, a.excel);
  if (a.excel && format != "csv") {
    std::cerr << "kpix: export: --excel is CSV for Excel; not with --format " << format << "\n";
    return 2;
  }
  if (!a.concept_id.empty() && format == "xlsx") {
    std::cerr << "kpix: export: --concept writes csv or jsonl\n";
    return 2;
  }
  try {
    Dataset db(a.db, Dataset::Access::read_only);
    Output out(a.output);
    auto write = [&](const std::string& s) { out.write(s); };
    if (!a.concept_id.empty()) {
      ConceptExport ex = export_concept(db.handle(), a.concept_id);
      write(format == "csv" ? concept_csv(ex, a.excel) : concept_jsonl(ex));
      if (ex.other_units)
        std::cerr << "kpix: note: " << ex.other_units << " values of " << ex.id << " left out: a unit other than `"
                  << ex.unit << "`\n";
    } else if (format == "xlsx") {
      write_xlsx(db, a.filter, out);
    } else if (format == "csv") {
      db.export_csv(write, a.excel, a.filter);
    } else {
      db.export_jsonl(write, a.filter);
    }
    out.commit();
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {  // an unknown --concept
    std::cerr << "kpix: --concept " << shown_name(a.concept_id) << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << shown_name(a.db) << ": " << e.what() << "\n";
    return 1;
  }
}

int run_remove(const RemoveArgs& a) {
  try {
    if (auto problem = input_problem(a.db)) throw InputError(a.db, *problem);
    { Dataset probe(a.db, Dataset::Access::read_only); }  // an existing kpix dataset, or refused untouched
    Dataset db(a.db);
    std::vector<DocumentRef> chosen;
    for (const std::string& ref : a.documents) {
      std::vector<DocumentRef> found = find_documents(db.handle(), ref);
      if (found.size() != 1) {
        std::cerr << "kpix: " << shown_name(ref) << ": "
                  << (found.empty() ? "no such document in the dataset (give its file name, path or SHA-256)"
                                    : std::to_string(found.size()) + " documents have that name; give the SHA-256 of one")
                  << "\n";
        for (const DocumentRef& d : found) std::cerr << "  " << d.sha256.substr(0, 12) << "  " << shown_name(d.path) << "\n";
        return 2;
      }
      chosen.push_back(found.front());
    }
    for (const DocumentRef& d : chosen)
      if (db.remove_document(d.id)) std::cout << "removed " << shown_name(d.file) << " (" << d.sha256.substr(0, 12) << ")\n";
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << shown_name(a.db) << ": " << e.what() << "\n";
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
  auto* export_cmd = app.add_subcommand("export", "The dataset out: JSON Lines records, CSV or Excel values");
  export_cmd->add_option("--db", ex->db, "Dataset file (opened read-only)")->required();
  export_cmd->add_option("--format", ex->format, "jsonl, csv or xlsx (default: from -o's extension, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "csv", "xlsx"}));
  export_cmd->add_option("-o,--output", ex->output, "Write here (whole or not at all) instead of stdout (- for stdout)");
  export_cmd->add_flag("--excel", ex->excel, "CSV for Japanese Excel: UTF-8 with BOM, CRLF, formulas neutralised with '");
  export_cmd->add_option("--concept", ex->concept_id,
                         "One indicator concept across municipalities (population.tfr, …; docs/concepts.md): one row "
                         "per value in the concept's unit");
  export_cmd->add_option("--municipality", ex->filter.municipality, "Only this municipality (its name)");
  export_cmd->add_option("--code", ex->filter.code, "Only this municipality (全国地方公共団体コード)");
  export_cmd->add_option("--level", ex->filter.level, "Only records of this level: goal or project")
      ->check(CLI::IsMember({"goal", "project"}));
  export_cmd->add_option("--since", ex->since, "Only values whose period ends in YEAR or later")
      ->check(CLI::Range(1868, 2200));
  export_cmd->callback([ex, &status] { status = run_export(*ex); });

  auto rm = std::make_shared<RemoveArgs>();
  auto* remove_cmd = app.add_subcommand("remove", "Documents out of the dataset, with their records and values");
  remove_cmd->add_option("--db", rm->db, "Dataset file")->required();
  remove_cmd->add_option("DOCUMENT", rm->documents, "file name, path or SHA-256 (a prefix of 8 or more hex digits)")
      ->required();
  remove_cmd->callback([rm, &status] { status = run_remove(*rm); });
}

}  // namespace kpix::cli

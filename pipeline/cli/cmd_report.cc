// kpix report --db PATH -o DIR [--no-crops]: the dataset as a static site
// (pipeline/report/report.h); one line on stderr says what was written and
// how long it took.
#include <cstdio>
#include <iostream>
#include <memory>

#include "pipeline/cli/commands.h"
#include "pipeline/model/error.h"
#include "pipeline/report/report.h"

namespace kpix::cli {
namespace {

int run_report(const ReportOptions& o) {
  try {
    ReportStats s = write_report(o);
    std::fprintf(stderr,
                 "kpix report: %s/index.html: %d municipalities, %d documents, %d KPIs, %d concepts, %d pages in "
                 "%.2f s (%.3f s per municipality; crops %d made, %d kept, %.2f s)\n",
                 o.out_dir.c_str(), s.municipalities, s.documents, s.cards, s.concepts, s.pages, s.seconds,
                 s.municipalities ? (s.seconds - s.crop_seconds) / s.municipalities : 0.0, s.crops_rendered,
                 s.crops_reused, s.crop_seconds);
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: report: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_report_command(CLI::App& app, int& status) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "The dataset as a static site: municipalities, KPI charts, concepts compared");
  cmd->add_option("--db", o->db, "Dataset file (opened read-only)")->required();
  cmd->add_option("-o,--output", o->out_dir, "Folder for the site (created; pages in it are replaced)")->required();
  cmd->add_flag("!--no-crops", o->crops, "No pictures of the source rows (links only)");
  cmd->callback([o, &status] { status = run_report(*o); });
}

}  // namespace kpix::cli

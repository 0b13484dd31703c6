// kpix: Japanese municipal KPI documents to validated JSON records.
#include <iostream>

#include <poppler-global.h>

#include "pipeline/cli/commands.h"

namespace {
// Poppler reports every syntax oddity of a damaged or unusual PDF on stderr;
// kpix says in one line per file what it could not read instead.
void quiet_poppler(const std::string&, void*) {}
}  // namespace

int main(int argc, char** argv) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  CLI::App app{"kpix: KPI records from Japanese municipal strategy documents"};
  app.set_version_flag("--version", KPIX_VERSION);
  app.require_subcommand(1);
  int status = 0;
  kpix::cli::add_inspect_command(app, status);
  kpix::cli::add_normalize_command(app, status);
  kpix::cli::add_extract_command(app, status);
  kpix::cli::add_validate_command(app, status);
  kpix::cli::add_eval_command(app, status);
  kpix::cli::add_dataset_commands(app, status);
  kpix::cli::add_check_command(app, status);
  kpix::cli::add_diff_command(app, status);
  kpix::cli::add_watch_command(app, status);
  kpix::cli::add_report_command(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; every real parse error is a usage error.
    return code == 0 ? 0 : 2;
  }
  return status;
}

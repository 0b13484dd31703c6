// kpix: Japanese municipal KPI documents to validated JSON records.
#include <sqlite3.h>
#include <unicode/uversion.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <poppler-global.h>
#include <poppler-version.h>

#include "pipeline/cli/commands.h"
#include "pipeline/model/shown_name.h"
#include "pipeline/output/xlsx_sheet.h"

namespace {
// Poppler reports every syntax oddity of a damaged or unusual PDF on stderr;
// kpix says in one line per file what it could not read instead.
void quiet_poppler(const std::string&, void*) {}

// kpix --version: the name, the version, and the libraries linked.
std::string version_text() {
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  return std::string("kpix ") + KPIX_VERSION + "\nPoppler " + poppler::version_string() + ", ICU " + icu_text +
         ", SQLite " + sqlite3_libversion() + ", libxlsxwriter " + kpix::xlsxwriter_version();
}

// The commands, one a line, for `kpix help` and an unknown command.
std::string command_list(CLI::App& app) {
  std::string out = "commands:\n";
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    out += "  " + sub->get_name() + std::string(sub->get_name().size() < 10 ? 10 - sub->get_name().size() : 1, ' ') +
           sub->get_description() + "\n";
  return out + "kpix help COMMAND (or kpix COMMAND --help) for its options\n";
}
}  // namespace

int main(int argc, char** argv) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  CLI::App app{"kpix: KPI records from Japanese municipal strategy documents", "kpix"};
  app.set_version_flag("-V,--version", version_text);
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
  kpix::cli::add_schema_command(app, status);

  // `kpix help [COMMAND]`, and a first word that names no command.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || (args.size() == 1 && args[0] == "help")) {
    std::cout << app.help() << "\n" << command_list(app);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "help") args = {args[1], "--help"};
  if (!args[0].empty() && args[0][0] != '-') {
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) known = known || sub->get_name() == args[0];
    if (!known) {
      std::cerr << "kpix: unknown command '" << kpix::shown_name(args[0]) << "'\n" << command_list(app);
      return 2;
    }
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; every real parse error is a usage error.
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "kpix: internal error: " << e.what() << "\n";
    return 1;
  }
  return status;
}

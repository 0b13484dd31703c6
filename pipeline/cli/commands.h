// Each kpix subcommand registers itself on the CLI11 app. A command's callback
// stores its exit status in `status` (0 done, 1 some input failed or disagreed,
// 2 usage error) instead of calling exit(), so main can flush and return.
#pragma once

#include <CLI/CLI.hpp>

namespace kpix::cli {

void add_inspect_command(CLI::App& app, int& status);
void add_normalize_command(CLI::App& app, int& status);
void add_extract_command(CLI::App& app, int& status);
void add_validate_command(CLI::App& app, int& status);
void add_eval_command(CLI::App& app, int& status);
void add_dataset_commands(CLI::App& app, int& status);  // ingest, export, remove
void add_check_command(CLI::App& app, int& status);
void add_diff_command(CLI::App& app, int& status);
void add_watch_command(CLI::App& app, int& status);
void add_report_command(CLI::App& app, int& status);
void add_schema_command(CLI::App& app, int& status);

}  // namespace kpix::cli

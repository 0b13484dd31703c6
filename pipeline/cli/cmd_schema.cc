// kpix schema: the JSON Schema of a record (docs/records.md), as compiled in.
#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/output/record_schema.h"

namespace kpix::cli {

void add_schema_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("schema", "Print the JSON Schema every record follows (docs/records.md)");
  cmd->callback([&status] {
    std::string_view text = record_schema_json();
    std::cout << text;
    if (!text.empty() && text.back() != '\n') std::cout << '\n';
    status = std::cout ? 0 : 1;
  });
}

}  // namespace kpix::cli

// Placeholder so the tool links while this command is being written; replaced in this session.
#include <iostream>

#include "pipeline/cli/commands.h"

namespace kpix::cli {
void add_inspect_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("inspect", "(not yet available)");
  cmd->allow_extras();
  cmd->callback([&status] { std::cerr << "kpix: inspect is not available yet\n"; status = 2; });
}
}  // namespace kpix::cli

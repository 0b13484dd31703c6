// Placeholder so the tool links while this command is being written; replaced in this session.
#include <iostream>

#include "pipeline/cli/commands.h"

namespace kpix::cli {
void add_validate_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("validate", "(not yet available)");
  cmd->allow_extras();
  cmd->callback([&status] { std::cerr << "kpix: validate is not available yet\n"; status = 2; });
}
}  // namespace kpix::cli

// kpix normalize value TEXT [--unit U] [--era E]
// kpix normalize period TEXT [--era E]
// One cell or label to its JSON object on stdout (one line, UTF-8 as is).
// Exit 0 when read; a period that cannot be read is an error line on stderr
// and exit 1. A value always prints: an unreadable one has status invalid/text.
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "parsers/normalize/period.h"
#include "parsers/normalize/value.h"
#include "pipeline/cli/commands.h"

namespace kpix::cli {
namespace {

struct NormalizeArgs {
  std::string text;
  std::string unit;
  std::string era;
};

// Invalid UTF-8 in the argument is replaced rather than aborting the dump.
void print(const nlohmann::json& j) {
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

void add_normalize_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("normalize", "Read one value cell or period label and print it as JSON");
  cmd->require_subcommand(1);

  auto value_args = std::make_shared<NormalizeArgs>();
  auto* value = cmd->add_subcommand("value", "A value cell (`10人 (通算19人)`, `1億8,133万円`) to its value object");
  value->add_option("TEXT", value_args->text, "the cell's text")->required();
  value->add_option("--unit", value_args->unit, "unit given outside the cell, e.g. 千人 from a column header");
  value->add_option("--era", value_args->era, "the document's era: 令和, 平成, R, H");
  value->callback([value_args, &status] {
    ValueHints hints;
    hints.unit = value_args->unit;
    hints.era = value_args->era;
    print(normalize_value(value_args->text, hints).to_json());
    status = 0;
  });

  auto period_args = std::make_shared<NormalizeArgs>();
  auto* period = cmd->add_subcommand("period", "A period label (`R2～R4平均`, `令和4年度`) to its period object");
  period->add_option("TEXT", period_args->text, "the label")->required();
  period->add_option("--era", period_args->era, "era for years written without one (`3年度`): 令和, 平成, R, H");
  period->callback([period_args, &status] {
    auto p = normalize_period(period_args->text, period_args->era);
    if (!p) {
      std::cerr << "kpix: normalize period: cannot read \"" << period_args->text << "\"\n";
      status = 1;
      return;
    }
    nlohmann::json j = p->to_json();
    if (!p->warnings.empty()) j["warnings"] = p->warnings;
    print(j);
    status = 0;
  });
}

}  // namespace kpix::cli

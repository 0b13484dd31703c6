// kpix eval --expected FILE.jsonl INPUT…: extraction of each input scored
// against hand-checked expected records; a table per input, misses with -v.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/error.h"
#include "pipeline/eval/score.h"
#include "pipeline/output/extractor.h"

namespace kpix::cli {
namespace {

struct EvalArgs {
  std::string expected;
  std::vector<std::string> inputs;
  bool verbose = false;
  double min_f1 = 0;
};

std::vector<nlohmann::json> read_jsonl(const std::string& path) {
  if (auto problem = input_problem(path)) throw InputError(path, *problem);
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open");
  std::vector<nlohmann::json> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      out.push_back(nlohmann::json::parse(line));
    } catch (const std::exception& e) {
      throw InputError(path, "line " + std::to_string(n) + ": not JSON");
    }
  }
  return out;
}

int run(const EvalArgs& a) {
  std::vector<nlohmann::json> expected;
  try {
    expected = read_jsonl(a.expected);
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  }
  Extractor ex;
  int status = 0;
  std::printf("%-40s %7s %7s %7s %6s %6s %6s %7s %7s\n", "document", "records", "values", "found", "P", "R", "F1",
              "status", "unit");
  for (const std::string& in : a.inputs) {
    try {
      if (auto problem = input_problem(in)) throw InputError(in, *problem);
      Extraction out = ex.extract(in, {});
      Score s = score_document(expected, out.records);
      std::printf("%-40s %3d/%-3d %7d %7d %6.3f %6.3f %6.3f %7.3f %7.3f\n", out.info.file_name.c_str(),
                  s.matched_records, s.expected_records, s.expected_values, s.extracted_values, s.precision(),
                  s.recall(), s.f1(), s.status_accuracy(), s.unit_accuracy());
      if (a.verbose)
        for (const std::string& m : s.misses) std::printf("    %s\n", m.c_str());
      if (s.f1() < a.min_f1) status = 1;
    } catch (const InputError& e) {
      std::cerr << "kpix: " << e.what() << "\n";
      status = 1;
    } catch (const std::exception& e) {
      std::cerr << "kpix: " << shown_name(in) << ": internal error: " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace

void add_eval_command(CLI::App& app, int& status) {
  auto a = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "Score extraction against hand-checked expected records");
  cmd->add_option("--expected", a->expected, "Expected records (JSON Lines)")->required();
  cmd->add_option("INPUT", a->inputs, "Renderings of that document (PDF or converter text)")->required();
  cmd->add_flag("-v,--verbose", a->verbose, "List every miss");
  cmd->add_option("--min-f1", a->min_f1, "Exit 1 when an input scores below this F1");
  cmd->callback([a, &status] { status = run(*a); });
}

}  // namespace kpix::cli

// kpix validate FILE…: checks records in .json (one record or an array) and
// .jsonl (one record per line) files against the embedded record schema.
// Each fault goes to stderr as `FILE:LINE: POINTER: message`; a summary line
// `N records, M faults` goes to stdout. Exit 0 clean, 1 any fault or unreadable
// file, 2 usage error.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/shown_name.h"
#include "pipeline/output/json_line_map.h"
#include "pipeline/output/schema_validator.h"

namespace kpix::cli {
namespace {

struct Tally {
  long records = 0;
  long faults = 0;
  bool failed = false;  // some file could not be read or parsed
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string shown(const std::string& pointer) { return pointer.empty() ? "(record)" : pointer; }

void report(const std::string& file, int line, const std::string& pointer, const std::string& message, Tally& t) {
  std::cerr << shown_name(file) << ':' << line << ": " << shown(pointer) << ": " << message << '\n';
  ++t.faults;
}

void check_lines(const std::string& file, const std::string& text, const RecordValidator& validator, Tally& t) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++t.records;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      report(file, n, "", std::string("not valid JSON: ") + e.what(), t);
      continue;
    }
    for (const auto& f : validator.validate(record)) report(file, n, f.pointer, f.message, t);
  }
}

void check_document(const std::string& file, const std::string& text, const RecordValidator& validator, Tally& t) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::cerr << "kpix: " << shown_name(file) << ": not valid JSON: " << e.what() << '\n';
    t.failed = true;
    return;
  }
  JsonLineMap lines(text);
  if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i) {
      ++t.records;
      std::string base = "/" + std::to_string(i);
      for (const auto& f : validator.validate(doc[i])) report(file, lines.line_of(base + f.pointer), base + f.pointer, f.message, t);
    }
  } else {
    ++t.records;
    for (const auto& f : validator.validate(doc)) report(file, lines.line_of(f.pointer), f.pointer, f.message, t);
  }
}

}  // namespace

void add_validate_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("validate", "Check .json / .jsonl records against the record schema");
  static std::vector<std::string> files;
  cmd->add_option("FILE", files, "record files: .json (a record or an array of records) or .jsonl (one record a line); - for stdin")
      ->required();
  cmd->callback([&status] {
    RecordValidator validator;
    Tally t;
    for (const auto& file : files) {
      if (file == "-") {  // stdin: an array or one record, else one record a line
        std::string text = read_stdin();
        size_t first = text.find_first_not_of(" \t\r\n");
        bool document = first != std::string::npos &&
                        (text[first] == '[' || nlohmann::json::accept(text));
        if (document) check_document("-", text, validator, t);
        else check_lines("-", text, validator, t);
        continue;
      }
      if (auto problem = input_problem(file)) {
        std::cerr << "kpix: " << shown_name(file) << ": " << *problem << '\n';
        t.failed = true;
        continue;
      }
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "kpix: " << shown_name(file) << ": cannot read: " << std::strerror(errno) << '\n';
        t.failed = true;
        continue;
      }
      std::ostringstream buf;
      buf << in.rdbuf();
      if (in.bad()) {
        std::cerr << "kpix: " << shown_name(file) << ": cannot read: " << std::strerror(errno) << '\n';
        t.failed = true;
        continue;
      }
      if (ends_with(file, ".jsonl") || ends_with(file, ".ndjson"))
        check_lines(file, buf.str(), validator, t);
      else
        check_document(file, buf.str(), validator, t);
    }
    std::cout << t.records << " records, " << t.faults << " faults\n";
    status = (t.failed || t.faults > 0) ? 1 : 0;
  });
}

}  // namespace kpix::cli

// What every command does the same way with its paths: `-` for stdin and
// stdout, an output that must not be an input (device and inode compared),
// a directory or missing file said as such, the output format read from -o's
// extension, and one rule for --code and --municipality.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/output/atomic_file.h"

namespace kpix::cli {

// Output to stdout (no path, or `-`) or to a file written whole or not at all.
class Output {
 public:
  explicit Output(const std::string& path);  // throws InputError
  void write(std::string_view bytes);
  void commit();  // throws InputError
  bool to_stdout() const { return !file_; }

 private:
  std::unique_ptr<AtomicFile> file_;
};

// --format when given; else the extension of -o (.csv, .jsonl/.ndjson, .xlsx);
// else `fallback`. --excel means CSV.
std::string output_format(const std::string& format, const std::string& output, bool excel,
                          const std::string& fallback = "jsonl");

// A usage problem with an output path, as a one-line message (`kpix: …`), or
// nothing: a directory, or the same file as one of `inputs` (what kpix would
// destroy by writing it).
std::optional<std::string> output_problem(const std::string& output, const std::vector<std::string>& inputs);

// A problem with an input file, as the reason of a message: missing, a
// directory, unreadable. Nothing for `-` or a readable file.
std::optional<std::string> input_problem(const std::string& path);

// The one rule for --code and --municipality on every command (extract,
// ingest, check, watch): a code not in the shipped list, or a name no
// municipality has, is a usage error. The message, or nothing when fine.
std::optional<std::string> municipality_problem(const std::string& municipality, const std::string& code);

// Whole stdin, for the commands that read `-`.
std::string read_stdin();

}  // namespace kpix::cli

#include "pipeline/cli/cli_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

#include "parsers/municipality/municipality_index.h"
#include "pipeline/model/error.h"
#include "pipeline/model/shown_name.h"

namespace kpix::cli {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  return true;
}

}  // namespace

Output::Output(const std::string& path) {
  if (!path.empty() && path != "-") file_ = std::make_unique<AtomicFile>(path);
}

void Output::write(std::string_view bytes) {
  if (file_) {
    file_->write(bytes);
  } else {
    std::cout.write(bytes.data(), std::streamsize(bytes.size()));
    if (!std::cout) throw InputError("stdout", "write failed");
  }
}

void Output::commit() {
  if (file_) file_->commit();
  else std::cout.flush();
}

std::string output_format(const std::string& format, const std::string& output, bool excel, const std::string& fallback) {
  if (!format.empty()) return format;
  if (excel || ends_with(output, ".csv")) return "csv";
  if (ends_with(output, ".xlsx")) return "xlsx";
  if (ends_with(output, ".jsonl") || ends_with(output, ".ndjson")) return "jsonl";
  return fallback;
}

std::optional<std::string> output_problem(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return std::nullopt;
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return std::nullopt;  // a new file clobbers nothing
  if (S_ISDIR(out.st_mode)) return "kpix: " + shown_name(output) + ": is a directory, not a file to write";
  for (const std::string& in : inputs) {
    struct stat st {};
    if (in.empty() || in == "-" || ::stat(in.c_str(), &st) != 0) continue;
    if (st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      return "kpix: " + shown_name(output) + ": is the same file as the input " + shown_name(in) +
             "; refusing to overwrite it";
  }
  return std::nullopt;
}

std::optional<std::string> input_problem(const std::string& path) {
  if (path == "-") return std::nullopt;
  struct stat st {};
  // The loaders' words, so a file is reported the same way whichever looks first.
  if (::stat(path.c_str(), &st) != 0) return std::string("cannot open: ") + std::strerror(errno);
  if (S_ISDIR(st.st_mode)) return std::string("is a directory, not a file");
  if (::access(path.c_str(), R_OK) != 0) return std::string("cannot be read: ") + std::strerror(errno);
  return std::nullopt;
}

std::optional<std::string> municipality_problem(const std::string& municipality, const std::string& code) {
  if (municipality.empty() && code.empty()) return std::nullopt;
  MunicipalityIndex idx;
  if (!code.empty() && !idx.by_code(code))
    return "kpix: --code " + shown_name(code) + ": not a 全国地方公共団体コード in the shipped list";
  if (!municipality.empty() && idx.by_name(municipality).empty())
    return "kpix: --municipality " + shown_name(municipality) +
           ": no such municipality in the shipped list (give its name as the list spells it, or --code)";
  return std::nullopt;
}

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

}  // namespace kpix::cli

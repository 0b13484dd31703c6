#include "pipeline/cli/stdin_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pipeline/cli/cli_io.h"
#include "pipeline/model/error.h"

namespace kpix::cli {

StdinFile::StdinFile() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kpix-stdin-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw InputError("-", std::string("cannot copy stdin: ") + std::strerror(errno));
  dir_ = tmpl;
  std::string bytes = read_stdin();
  path_ = dir_ + (bytes.rfind("%PDF", 0) == 0 ? "/stdin.pdf" : "/stdin.txt");
  std::ofstream out(path_, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw InputError("-", "cannot copy stdin to " + path_);
}

StdinFile::~StdinFile() {
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

}  // namespace kpix::cli

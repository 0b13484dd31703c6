// Running a shell line (kpix or another program) from a test, kpix under
// /usr/bin/time for its peak memory, and the folders a test writes to; the
// rest is cli_helpers.h's.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/cli_helpers.h"

namespace kpix::testing {

using Run = KpixRun;

// `command` (a shell line) with stdout and stderr caught in files of `dir`.
inline Run run_shell(const std::string& command, const std::filesystem::path& dir) {
  std::string cmd = command + " >" + quote((dir / "out").string()) + " 2>" + quote((dir / "err").string());
  int rc = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  return r;
}

inline Run run_kpix(const std::string& args, const std::filesystem::path& dir) {
  return run_shell(std::string(KPIX_BINARY) + " " + args, dir);
}

// kpix with `args` under /usr/bin/time: its run and its peak resident memory
// in KiB (-1 when /usr/bin/time is not installed).
inline Run run_kpix_measured(const std::string& args, const std::filesystem::path& dir, long& peak_kib) {
  peak_kib = -1;
  if (!std::filesystem::exists("/usr/bin/time")) return run_kpix(args, dir);
  std::filesystem::path rss = dir / "rss";
  Run r = run_shell("/usr/bin/time -f %M -o " + quote(rss.string()) + " " + std::string(KPIX_BINARY) + " " + args, dir);
  // The figure is the last line: a failing command's status is written before it.
  std::string text = slurp(rss);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::string last = text.substr(text.find_last_of('\n') == std::string::npos ? 0 : text.find_last_of('\n') + 1);
  if (!last.empty()) peak_kib = std::atol(last.c_str());
  return r;
}

// A fresh temporary folder, removed by the caller.
inline std::filesystem::path make_temp_dir(const char* stem) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (std::string(stem) + "-XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) return {};
  return tmpl;
}

// build/test-output/<name>/, made empty: what a test leaves for a person to look at.
inline std::filesystem::path test_output_dir(const std::string& name) {
  std::filesystem::path d = std::filesystem::path(KPIX_TEST_OUTPUT) / name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

}  // namespace kpix::testing

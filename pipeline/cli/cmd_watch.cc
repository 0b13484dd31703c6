// kpix watch --db PATH [--poll SECONDS] [--settle SECONDS] [-j N] FOLDER…:
// ingests files as they land in the folders (pipeline/watch/watcher.h) until
// SIGINT or SIGTERM; a second signal stops it at once (the document in
// flight is then left out, whole: the next start stores it).
#include <signal.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <iostream>
#include <memory>

#include "parsers/municipality/municipality_index.h"
#include "pipeline/cli/cli_io.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/error.h"
#include "pipeline/watch/watcher.h"

namespace kpix::cli {
namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void on_stop_signal(int sig) {
  if (g_stop.exchange(true)) {  // the second time: now
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  g_signal = sig;
}

void install_stop_handlers() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a wait in poll() returns at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

struct WatchArgs {
  WatchOptions options;
  double poll = 0, settle = 2;
};

std::chrono::milliseconds ms(double seconds) { return std::chrono::milliseconds(std::llround(seconds * 1000)); }

// As kpix ingest: a wrong override would stay with every document stored, so
// it is refused before the watch starts.
bool overrides_known(const BuildOptions& b) {
  auto problem = municipality_problem(b.municipality, b.code);
  if (problem) std::cerr << *problem << "\n";
  return !problem;
}

int run_watch(WatchArgs& a) {
  if (!overrides_known(a.options.build)) return 2;
  if (a.poll > 0) a.options.poll = ms(a.poll);
  a.options.settle = ms(a.settle);
  install_stop_handlers();
  try {
    std::fprintf(stderr, "kpix watch: %zu folder(s) into %s; a file is read once unchanged for %g s\n",
                 a.options.folders.size(), a.options.db.c_str(), a.settle);
    WatchSummary s = watch_folders(a.options, stderr, g_stop);
    const IngestSummary& i = s.ingested;
    std::fprintf(stderr, "kpix watch: stopped (%s, %s); documents added %d, already present %d, failed %d\n",
                 g_signal == SIGTERM ? "SIGTERM" : "SIGINT", s.mode.c_str(), i.added, i.present, i.failed);
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: watch: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_watch_command(CLI::App& app, int& status) {
  auto a = std::make_shared<WatchArgs>();
  auto* cmd = app.add_subcommand("watch", "Ingest files as they land in folders (new, or replaced by a newer file)");
  cmd->add_option("--db", a->options.db, "Dataset file (created on first use)")->required();
  cmd->add_option("FOLDER", a->options.folders, "Folders to watch (with their subfolders)")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--poll", a->poll, "Scan the folders every SECONDS instead of using inotify")->check(CLI::PositiveNumber);
  cmd->add_option("--settle", a->settle, "A file is read once its size and time are unchanged this many seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("-j,--jobs", a->options.jobs, "Extraction threads (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  auto* name = cmd->add_option("--municipality", a->options.build.municipality, "Municipality name, instead of detecting it");
  cmd->add_option("--code", a->options.build.code, "全国地方公共団体コード, instead of detecting the municipality")->excludes(name);
  cmd->callback([a, &status] { status = run_watch(*a); });
}

}  // namespace kpix::cli

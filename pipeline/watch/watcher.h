// `kpix watch`: keeps a dataset current as files land in folders. Files
// (*.pdf, *.txt; names starting with `.` are a copy in progress and left
// alone) are ingested once they have settled (settle.h): new ones, and ones
// replaced by a newer file of the same name. Each batch goes through
// kpix ingest (one transaction per document), so a watch stopped at any
// moment, even by SIGKILL, leaves whole documents only, and the next start
// stores the rest: files already in the dataset are recognised by their bytes.
//
//   std::atomic<bool> stop{false};              // set from a signal handler
//   WatchSummary s = watch_folders(options, stderr, stop);
//
// The log gets one line per document, stamped with the time (UTC), the
// lines kpix ingest writes (`FILE: 60 records, 302 values, 47 pages`,
// `FILE: already in the dataset`, problems, edition links).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/dataset/ingest.h"

namespace kpix {

struct WatchOptions {
  std::string db;
  std::vector<std::string> folders;
  std::optional<std::chrono::milliseconds> poll;  // scan interval; none: inotify where available
  std::chrono::milliseconds settle{2000};          // unchanged this long: landed
  int jobs = 0;                                    // 0: the number of cores
  BuildOptions build;
};

struct WatchSummary {
  IngestSummary ingested;
  std::string mode;  // inotify or polling
};

// Runs until `stop` is set; returns after the batch in progress is stored.
// Throws InputError when the dataset cannot be opened, std::runtime_error
// when a folder cannot be watched.
WatchSummary watch_folders(const WatchOptions& options, std::FILE* log, const std::atomic<bool>& stop);

// Whether the watcher takes a file: *.pdf or *.txt (any case), not hidden.
bool watched_document(const std::string& path);

}  // namespace kpix
